import BatonLang
import BatonYAML

/// A file that is part of the ruleset: a YAML file or a CSV file it names.
struct LoadedFile: Sendable {
    /// The path shown in diagnostics.
    var path: String
    /// The path relative to `--rules`, as hashed into the digest.
    var relativePath: String
    var bytes: [UInt8]
    var source: SourceText
    /// The parsed YAML, for YAML files that read without error.
    var yaml: YAMLFile?
}

/// The state of one load: the files read so far and the diagnostics found.
/// Section decoders are extensions of it, one file per section.
struct LoadSession {
    var files: [LoadedFile] = []
    var diagnostics: [RuleDiagnostic] = []
    /// The syntax tree of every expression and template hole that parsed
    /// (checked or not), for the checks across rules (unused tables).
    var expressionTrees: [Expr] = []
    var ids = IdRegistry()

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// `file:line:column` of a YAML mark, for messages that name a second place.
    func location(of node: YAMLNode, file: Int) -> String {
        let position = files[file].source.position(ofOffset: node.start.offset)
        return "\(files[file].path):\(position.line):\(position.column)"
    }

    func sourceLocation(of node: RuleNode) -> SourceLocation {
        let position = files[node.file].source.position(ofOffset: node.yaml.start.offset)
        return SourceLocation(file: files[node.file].path, line: position.line, column: position.column)
    }

    /// Adds a diagnostic covering the UTF-8 range `start..<end` of a file
    /// (underlined when it stays on one line).
    mutating func report(_ severity: Severity, _ code: String, _ message: String, file: Int, start: Int, end: Int) {
        let source = files[file].source
        let position = source.position(ofOffset: start)
        let endPosition = source.position(ofOffset: max(start, end))
        let endColumn =
            endPosition.line == position.line && endPosition.column > position.column ? endPosition.column : nil
        diagnostics.append(
            RuleDiagnostic(
                severity: severity, code: code, message: message, file: files[file].path, line: position.line,
                column: position.column, endColumn: endColumn, sourceLine: source.line(position.line)))
    }

    mutating func error(_ code: String, _ message: String, at node: YAMLNode, file: Int) {
        report(.error, code, message, file: file, start: node.start.offset, end: underlineEnd(of: node))
    }

    mutating func error(_ code: String, _ message: String, at node: RuleNode) {
        error(code, message, at: node.yaml, file: node.file)
    }

    mutating func warning(_ code: String, _ message: String, at node: RuleNode) {
        report(
            .warning, code, message, file: node.file, start: node.yaml.start.offset, end: underlineEnd(of: node.yaml))
    }

    mutating func warning(_ code: String, _ message: String, at node: YAMLNode, file: Int) {
        report(.warning, code, message, file: file, start: node.start.offset, end: underlineEnd(of: node))
    }

    /// Scalars are underlined whole; lists and mappings only at their start.
    private func underlineEnd(of node: YAMLNode) -> Int {
        if case .scalar = node.kind { return node.end.offset }
        return node.start.offset
    }

    /// A diagnostic for a whole file (one that cannot be read), without a source line.
    mutating func fileError(_ code: String, _ message: String, path: String) {
        diagnostics.append(
            RuleDiagnostic(severity: .error, code: code, message: message, file: path, line: 1, column: 1))
    }
}
