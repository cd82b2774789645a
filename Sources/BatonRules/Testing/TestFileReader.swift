import BatonLang
import BatonYAML

/// Reads one test file: its YAML, each test's keys, `now`, the lead
/// (inline or `lead_file:`) and `expect`, collecting every problem.
struct TestFileReader {
    let path: String
    let ruleset: Ruleset
    let decoder: TypedJSONDecoder
    let defaultNow: Timestamp?
    private(set) var diagnostics: [RuleDiagnostic] = []
    private var source = SourceText(name: "", text: "")

    static let testKeys = ["name", "now", "lead", "lead_file", "expect"]

    init(path: String, ruleset: Ruleset, decoder: TypedJSONDecoder, defaultNow: Timestamp?) {
        self.path = path
        self.ruleset = ruleset
        self.decoder = decoder
        self.defaultNow = defaultNow
    }

    mutating func read() -> [RulesetTest] {
        let bytes: [UInt8]
        switch RulesetFiles.read(path) {
        case .success(let read): bytes = read
        case .failure(let failure):
            diagnostics.append(
                RuleDiagnostic(
                    severity: .error, code: RuleDiagnosticCode.unreadableFile,
                    message: "cannot read the file: \(failure.reason)", file: path, line: 1, column: 1))
            return []
        }
        source = SourceText(name: path, text: String(decoding: bytes, as: UTF8.self))
        let yaml: YAMLFile
        do {
            yaml = try YAMLReader.read(path: path, bytes: bytes)
        } catch {
            report(error.code, error.message, start: error.mark, end: nil)
            return []
        }
        var tests: [RulesetTest] = []
        var index = 0
        for document in yaml.documents {
            guard let top = fields(document, path: "", allowed: ["tests"], required: ["tests"]),
                let list = top["tests"]
            else { continue }
            if list.isNull { continue }
            guard case .sequence(let entries) = list.kind else {
                error(
                    RuleDiagnosticCode.wrongType, "tests: expected a list of tests, got \(list.describeKind)", at: list)
                continue
            }
            for entry in entries {
                if let test = readTest(entry, path: "tests[\(index)]") { tests.append(test) }
                index += 1
            }
        }
        return tests
    }

    private mutating func readTest(_ node: YAMLNode, path: String) -> RulesetTest? {
        let errorsBefore = diagnostics.count
        guard let keys = fields(node, path: path, allowed: Self.testKeys, required: ["name", "expect"]) else {
            return nil
        }
        let name = keys["name"].flatMap { text($0, path: path + ".name") }
        let now = readNow(keys["now"], test: node, path: path)
        let lead = readLead(keys, test: node, path: path)
        let expectations = keys["expect"].flatMap { readExpectations($0, path: path + ".expect") }
        guard diagnostics.count == errorsBefore, let name, let now, let lead, let expectations else { return nil }
        return RulesetTest(
            name: name, file: self.path, line: node.start.line, now: now, lead: lead, expectations: expectations)
    }

    private mutating func readNow(_ node: YAMLNode?, test: YAMLNode, path: String) -> Timestamp? {
        guard let node, !node.isNull else {
            if let defaultNow { return defaultNow }
            error(RuleDiagnosticCode.missingKey, "\(path): no 'now' and no --now: give the test a time", at: test)
            return nil
        }
        guard let text = text(node, path: path + ".now") else { return nil }
        do {
            return try Timestamp(rfc3339: text)
        } catch {
            self.error(RuleDiagnosticCode.invalidValue, "\(path).now: \(error.description): \"\(text)\"", at: node)
            return nil
        }
    }

    private mutating func readLead(_ keys: [String: YAMLNode], test: YAMLNode, path: String) -> RecordValue? {
        switch (keys["lead"], keys["lead_file"]) {
        case (nil, nil):
            error(RuleDiagnosticCode.missingKey, "\(path): missing required key 'lead' (or 'lead_file')", at: test)
            return nil
        case (.some, .some(let file)):
            error(RuleDiagnosticCode.invalidValue, "\(path): give 'lead' or 'lead_file', not both", at: file)
            return nil
        case (.some(let lead), nil):
            return readInlineLead(lead, path: path + ".lead")
        case (nil, .some(let file)):
            return readLeadFile(file, path: path + ".lead_file")
        }
    }

    private mutating func readInlineLead(_ node: YAMLNode, path: String) -> RecordValue? {
        guard case .mapping = node.kind else {
            error(
                RuleDiagnosticCode.wrongType, "\(path): expected a mapping of lead fields, got \(node.describeKind)",
                at: node)
            return nil
        }
        let bytes: [UInt8]
        do {
            bytes = try InlineLead.json(of: node)
        } catch {
            self.error(RuleDiagnosticCode.invalidValue, "\(path): \(error.message)", at: error.node)
            return nil
        }
        switch decoder.decode(bytes) {
        case .success(let lead):
            return lead
        case .failure(let failure):
            let culprit = InlineLead.node(at: failure.path, in: node)
            error(LeadInputError.code, "\(path): \(failure.message)", at: culprit)
            return nil
        }
    }

    private mutating func readLeadFile(_ node: YAMLNode, path: String) -> RecordValue? {
        guard let name = text(node, path: path) else { return nil }
        let file = RulesetFiles.join(RulesetFiles.directory(of: self.path), name)
        let bytes: [UInt8]
        switch RulesetFiles.read(file) {
        case .success(let read): bytes = read
        case .failure(let failure):
            error(
                RuleDiagnosticCode.unreadableFile,
                "\(path): cannot read \(file): \(failure.reason) (the path is relative to the test file)", at: node)
            return nil
        }
        switch decoder.decode(bytes) {
        case .success(let lead):
            return lead
        case .failure(let failure):
            error(LeadInputError.code, "\(path): \(file): \(failure.message)", at: node)
            return nil
        }
    }
}

// MARK: - Reading nodes

extension TestFileReader {
    /// A mapping's values by key after reporting unknown keys (with a
    /// did-you-mean) and missing required ones; nil when it is not a mapping.
    mutating func fields(_ node: YAMLNode, path: String, allowed: [String], required: [String] = []) -> [String:
        YAMLNode]?
    {
        let owner = path.isEmpty ? "the test file" : path
        guard case .mapping(let pairs) = node.kind else {
            error(RuleDiagnosticCode.wrongType, "\(owner): expected a mapping, got \(node.describeKind)", at: node)
            return nil
        }
        var values: [String: YAMLNode] = [:]
        for pair in pairs {
            let key = pair.keyText
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)'" + (path.isEmpty ? "" : " in \(path)")
                if let suggestion = closestMatch(to: key, among: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (expected one of: \(allowed.joined(separator: ", ")))"
                }
                error(RuleDiagnosticCode.unknownKey, message, at: pair.key)
                continue
            }
            values[key] = pair.value
        }
        for key in required where values[key] == nil && !pairs.contains(where: { $0.keyText == key }) {
            error(RuleDiagnosticCode.missingKey, "\(owner): missing required key '\(key)'", at: node)
        }
        return values
    }

    /// Any non-null scalar, as written.
    mutating func text(_ node: YAMLNode, path: String) -> String? {
        guard let scalar = node.scalar, scalar.resolved != .null else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected text, got \(node.describeKind)", at: node)
            return nil
        }
        return scalar.text
    }

    /// An error at a node: scalars are underlined whole, lists and mappings marked at their start.
    mutating func error(_ code: String, _ message: String, at node: YAMLNode) {
        let end: YAMLMark? = node.scalar != nil ? node.end : nil
        report(code, message, start: node.start, end: end)
    }

    mutating func report(_ code: String, _ message: String, start: YAMLMark, end: YAMLMark?) {
        var endColumn: Int?
        if let end, end.line == start.line, end.column > start.column { endColumn = end.column }
        let sourceLine = start.line >= 1 && start.line <= source.lineCount ? source.line(start.line) : nil
        diagnostics.append(
            RuleDiagnostic(
                severity: .error, code: code, message: message, file: path, line: start.line, column: start.column,
                endColumn: endColumn, sourceLine: sourceLine))
    }
}

extension YAMLNode {
    /// A scalar that resolves to null (`null`, `~`, or nothing).
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.resolved == .null
    }
}
