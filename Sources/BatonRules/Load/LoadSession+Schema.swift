import BatonLang

extension LoadSession {
    /// Record names the loader defines itself.
    static let builtInRecordNames: Set<String> = ["score", "tables"]
    private static let typeKeywords: Set<String> = [
        "string", "int", "double", "bool", "timestamp", "duration", "list", "map", "dyn", "null",
    ]
    private static let typeNames = ["string", "int", "double", "bool", "timestamp", "duration", "list", "map"]

    /// The built-in `score` record that routing and handoff see. Made anew
    /// for each load, not one shared `static let`: every lead's score record
    /// holds its type, and the workers of a batch, each with a ruleset
    /// loaded on its own, would pass the one type's reference count between
    /// their cores on every lead.
    static func makeScoreRecord() -> RecordType {
        RecordType(
            name: "score",
            fields: [
                .init(name: "total", type: .double, required: true),
                .init(name: "grade", type: .string, required: true),
                .init(name: "components", type: .map(.double), required: true),
            ])
    }

    /// Reads `schema:`: record name → field name → type (`string!` is required).
    /// A field whose type is wrong is reported and typed `dyn`, so that the
    /// expressions that use it are still checked.
    mutating func loadSchema(_ node: RuleNode?, root: RuleNode) -> Schema {
        var schema = Schema()
        guard let node else {
            error(
                RuleDiagnosticCode.missingKey, "ruleset: missing required key 'schema' (at least the lead record)",
                at: root)
            return schema
        }
        guard case .mapping(let records) = node.content else {
            error(
                RuleDiagnosticCode.wrongType, "schema: expected a mapping of record types, got \(node.described)",
                at: node)
            return schema
        }
        let declared = Set(records.map(\.key))
        for record in records {
            if Self.builtInRecordNames.contains(record.key) || Self.typeKeywords.contains(record.key) {
                error(
                    RuleDiagnosticCode.invalidValue,
                    "schema: '\(record.key)' is a built-in name and cannot be declared", at: record.keyNode,
                    file: record.file)
                continue
            }
            guard isIdentifier(record.key) else {
                error(
                    RuleDiagnosticCode.invalidValue,
                    "schema: '\(record.key)' is not a valid record name (letters, digits and '_', not starting with a digit)",
                    at: record.keyNode, file: record.file)
                continue
            }
            schema.add(loadRecord(record, declared: declared))
        }
        if schema["lead"] == nil, !records.contains(where: { $0.key == "lead" }) {
            error(RuleDiagnosticCode.missingKey, "schema: missing the 'lead' record", at: node)
        }
        schema.add(Self.makeScoreRecord())
        return schema
    }

    private mutating func loadRecord(_ record: RuleEntry, declared: Set<String>) -> RecordType {
        let path = "schema.\(record.key)"
        if record.value.isNull { return RecordType(name: record.key, fields: []) }
        guard case .mapping(let entries) = record.value.content else {
            error(
                RuleDiagnosticCode.wrongType,
                "\(path): expected a mapping of field: type, got \(record.value.described)", at: record.value)
            return RecordType(name: record.key, fields: [])
        }
        var fields: [RecordType.Field] = []
        for entry in entries {
            guard isIdentifier(entry.key) else {
                error(
                    RuleDiagnosticCode.invalidValue, "\(path): '\(entry.key)' is not a valid field name",
                    at: entry.keyNode, file: entry.file)
                continue
            }
            guard let text = string(entry.value, path: "\(path).\(entry.key)") else {
                fields.append(.init(name: entry.key, type: .dyn))
                continue
            }
            var typeText = Substring(text)
            let required = typeText.hasSuffix("!")
            if required { typeText = typeText.dropLast() }
            guard let type = ExprType.parse(String(typeText)) else {
                var message = "\(path).\(entry.key): '\(typeText)' is not a type"
                if let suggestion = closestName(to: String(typeText), among: Self.typeNames + declared.sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(RuleDiagnosticCode.unknownType, message, at: entry.value)
                fields.append(.init(name: entry.key, type: .dyn, required: required))
                continue
            }
            if let unknown = firstUndeclaredRecord(in: type, declared: declared) {
                var message = "\(path).\(entry.key): unknown type '\(unknown)'"
                if let suggestion = closestName(to: unknown, among: Self.typeNames + declared.sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (declare it under schema)"
                }
                error(RuleDiagnosticCode.unknownType, message, at: entry.value)
                fields.append(.init(name: entry.key, type: .dyn, required: required))
                continue
            }
            fields.append(.init(name: entry.key, type: type, required: required))
        }
        return RecordType(name: record.key, fields: fields)
    }

    /// The first record name in a type that the schema does not declare.
    private func firstUndeclaredRecord(in type: ExprType, declared: Set<String>) -> String? {
        switch type {
        case .record(let name):
            if declared.contains(name) || name == "score" { return nil }
            return name
        case .list(let element): return firstUndeclaredRecord(in: element, declared: declared)
        case .map(let value): return firstUndeclaredRecord(in: value, declared: declared)
        default: return nil
        }
    }

    func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy(isIdentifierScalar)
    }
}
