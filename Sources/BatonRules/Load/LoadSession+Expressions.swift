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
        guard let program = compilation.program else {
            // Keep what it reads even so, so that a table it names is not also called unused.
            if let tree = Parser.parse(text).expr { expressionTrees.append(tree) }
            return nil
        }
        expressionTrees.append(program.expr)
        return RuleExpression(program: program, origin: origin)
    }

    /// Compiles a text template (`reason:`, `say:`) held by a YAML scalar.
    mutating func template(_ node: RuleNode, path: String, in environment: Environment) -> RuleTemplate? {
        guard let (text, origin) = expressionText(node, path: path, what: "a text") else { return nil }
        let compilation = environment.compileTemplate(text)
        report(compilation.diagnostics, origin: origin, file: node.file)
        checkTrailingComment(node, compiled: compilation.template != nil)
        for case .hole(let tree, _) in TemplateParser.parse(text).parts { expressionTrees.append(tree) }
        guard let template = compilation.template else { return nil }
        return RuleTemplate(template: template, source: text, origin: origin)
    }

    /// The text of an expression scalar and how its bytes map to the file.
    /// Reports (at the YAML cause) a value that YAML did not read as a scalar
    /// (an unquoted expression that began with `[` or `{`) or that it tagged.
    /// An anchored or aliased expression is fine: anchors and aliases work.
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

    /// Warns when YAML took ` #…` after a plain expression as a comment and
    /// that looks unintended: the expression did not compile without it, or
    /// the `#` is not followed by a space as comments usually are.
    private mutating func checkTrailingComment(_ node: RuleNode, compiled: Bool) {
        guard let scalar = node.scalar, scalar.style == .plain else { return }
        let bytes = files[node.file].bytes
        var index = node.yaml.end.offset
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        guard index > node.yaml.end.offset, index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return }
        let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: "\n")
        let looksLikeComment =
            next == UInt8(ascii: " ") || next == UInt8(ascii: "\t") || next == UInt8(ascii: "\n")
            || next == UInt8(ascii: "\r")
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
            let (line, column, endColumn) = DiagnosticRenderer.location(diagnostic, origin: origin)
            diagnostics.append(
                RuleDiagnostic(
                    severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message,
                    file: files[file].path,
                    line: line, column: column, endColumn: endColumn, sourceLine: origin.file.line(line)))
        }
    }
}

func isIdentifierScalar(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
}
