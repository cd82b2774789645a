import BatonLang
import BatonYAML

extension LoadSession {
    /// Parses, checks and compiles the expression held by a YAML scalar, and
    /// reports its diagnostics at their positions in the YAML file.
    mutating func expression(
        _ node: RuleNode, path: String, in environment: Environment, expecting expected: ExpectedResult
    ) -> RuleExpression? {
        guard let (text, origin) = expressionText(node, path: path, what: "an expression") else { return nil }
        let compilation = environment.compile(text, expecting: expected)
        report(compilation.diagnostics, origin: origin, file: node.file)
        checkTrailingComment(node, compiled: compilation.program != nil)
        guard let program = compilation.program else { return nil }
        programs.append(program)
        return RuleExpression(program: program, origin: origin)
    }

    /// Compiles a text template (`reason:`, `say:`) held by a YAML scalar.
    mutating func template(_ node: RuleNode, path: String, in environment: Environment) -> RuleTemplate? {
        guard let (text, origin) = expressionText(node, path: path, what: "a text") else { return nil }
        let compilation = environment.compileTemplate(text)
        report(compilation.diagnostics, origin: origin, file: node.file)
        checkTrailingComment(node, compiled: compilation.template != nil)
        guard let template = compilation.template else { return nil }
        noteTableNames(inTemplateText: text)
        return RuleTemplate(template: template, source: text, origin: origin)
    }

    /// The text of an expression scalar and how its bytes map to the file.
    /// Reports (at the YAML cause) a value that YAML did not read as a scalar:
    /// an unquoted expression that began with `[`, `{`, `!`, `&`, `*`, ….
    private mutating func expressionText(_ node: RuleNode, path: String, what: String) -> (String, ExpressionOrigin)? {
        guard let scalar = node.scalar else {
            let shape = node.described
            error(
                RuleDiagnosticCode.unquotedExpression,
                "\(path): expected \(what), but YAML read \(shape) here; quote the expression (an expression that begins with '[' or '{' must be quoted in YAML)",
                at: node)
            return nil
        }
        if let tag = scalar.tag, !Self.coreTags.contains(tag) {
            error(
                RuleDiagnosticCode.unquotedExpression,
                "\(path): YAML read '\(tag)' as a tag, not as part of \(what); quote the expression (an expression that begins with '!' must be quoted in YAML)",
                at: node)
            return nil
        }
        if let anchorStart = propertyStart(of: node) {
            error(
                RuleDiagnosticCode.unquotedExpression,
                "\(path): YAML read the text before the value as an anchor or tag; quote the expression (an expression that begins with '&' or '!' must be quoted in YAML)",
                at: anchorStart, file: node.file)
            return nil
        }
        if scalar.style == .plain, scalar.resolved == .null, scalar.text.isEmpty || scalar.text == "~" {
            error(RuleDiagnosticCode.missingKey, "\(path): expected \(what), got nothing", at: node)
            return nil
        }
        let file = files[node.file]
        let offsets = scalarOffsets(of: node, text: scalar.text)
        return (scalar.text, ExpressionOrigin(file: file.source, fileOffsets: offsets))
    }

    private static let coreTags: Set<String> = [
        "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null",
    ]

    /// Where an anchor (`&name`) written before a plain value begins, if any:
    /// YAML drops it silently, so `when: &x > 1` would lose text.
    private func propertyStart(of node: RuleNode) -> YAMLNode? {
        let bytes = files[node.file].bytes
        var index = node.yaml.start.offset - 1
        // Walk back over the spaces between the property and the value.
        while index >= 0, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index -= 1 }
        guard index >= 0, index < node.yaml.start.offset - 1 else { return nil }
        var wordStart = index
        while wordStart > 0, !Self.separators.contains(bytes[wordStart - 1]) { wordStart -= 1 }
        guard wordStart <= index, bytes[wordStart] == UInt8(ascii: "&") else { return nil }
        let mark = YAMLMark(offset: wordStart, line: 0, column: 0)
        let end = YAMLMark(offset: index + 1, line: 0, column: 0)
        return YAMLNode(kind: .scalar(YAMLScalar(text: "", style: .plain)), start: mark, end: end)
    }

    private static let separators: Set<UInt8> = [
        UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: ":"),
        UInt8(ascii: "-"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "{"),
    ]

    /// Warns when YAML took ` #…` after a plain expression as a comment and
    /// that looks unintended: the expression did not compile without it, or
    /// the `#` is not followed by a space as comments usually are.
    private mutating func checkTrailingComment(_ node: RuleNode, compiled: Bool) {
        guard let scalar = node.scalar, scalar.style == .plain else { return }
        let bytes = files[node.file].bytes
        var index = node.yaml.end.offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index > node.yaml.end.offset, index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return }
        let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: "\n")
        let looksLikeComment = next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
        guard !compiled || !looksLikeComment else { return }
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        report(
            .warning, RuleDiagnosticCode.expressionComment,
            "YAML read the rest of this line, from ' #', as a comment and not as part of the expression; quote the expression if it contains ' #'",
            file: node.file, start: index, end: end)
    }

    /// Reports expression diagnostics at their positions in the YAML file.
    private mutating func report(_ expressionDiagnostics: [Diagnostic], origin: ExpressionOrigin, file: Int) {
        for diagnostic in expressionDiagnostics {
            let start = origin.fileOffset(of: diagnostic.span.start)
            let end = origin.fileOffset(of: diagnostic.span.end)
            report(diagnostic.severity, diagnostic.code, diagnostic.message, file: file, start: start, end: end)
        }
    }

    /// Templates do not expose their compiled holes, so table names are taken
    /// from the text: `tables.NAME` anywhere in it counts as a use.
    private mutating func noteTableNames(inTemplateText text: String) {
        let scalars = Array(text.unicodeScalars)
        let prefix = Array("tables".unicodeScalars)
        var index = 0
        while index + prefix.count < scalars.count {
            defer { index += 1 }
            guard Array(scalars[index..<(index + prefix.count)]) == prefix else { continue }
            if index > 0, isIdentifierScalar(scalars[index - 1]) { continue }
            var cursor = index + prefix.count
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            if cursor < scalars.count, scalars[cursor] == "?" { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == "." else { continue }
            cursor += 1
            while cursor < scalars.count, scalars[cursor] == " " { cursor += 1 }
            let nameStart = cursor
            while cursor < scalars.count, isIdentifierScalar(scalars[cursor]) { cursor += 1 }
            if cursor > nameStart {
                tablesNamedInTemplates.insert(String(String.UnicodeScalarView(scalars[nameStart..<cursor])))
            }
        }
    }
}

func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
}
