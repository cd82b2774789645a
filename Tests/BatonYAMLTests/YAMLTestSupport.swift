@testable import BatonYAML

/// Reads YAML text for a test, as the file `test.yaml`.
func readYAML(_ text: String, limits: YAMLLimits = .init()) throws(YAMLError) -> YAMLFile {
    try YAMLReader.read(path: "test.yaml", bytes: Array(text.utf8), limits: limits)
}

/// The error reading YAML text gives, as `line:column: message [code]`, or
/// "no error".
func readError(_ text: String, limits: YAMLLimits = .init()) -> String {
    readError(bytes: Array(text.utf8), limits: limits)
}

func readError(bytes: [UInt8], limits: YAMLLimits = .init()) -> String {
    do {
        _ = try YAMLReader.read(path: "test.yaml", bytes: bytes, limits: limits)
        return "no error"
    } catch {
        return "\(error.mark.line):\(error.mark.column): \(error.message) [\(error.code)]"
    }
}

/// A compact rendering of a tree: scalars as their resolved values,
/// `[a, b]` for lists and `{k: v}` for mappings.
func dump(_ node: YAMLNode) -> String {
    switch node.kind {
    case .scalar(let scalar):
        switch scalar.resolved {
        case .null: return "null"
        case .bool(let value): return "\(value)"
        case .int(let value): return "\(value)"
        case .double(let value): return "\(value)d"
        case .string(let value): return "\"\(value)\""
        }
    case .sequence(let items):
        return "[" + items.map(dump).joined(separator: ", ") + "]"
    case .mapping(let pairs):
        return "{" + pairs.map { dump($0.key) + ": " + dump($0.value) }.joined(separator: ", ") + "}"
    }
}

/// The first document's root, or a scalar "missing" node.
func root(_ file: YAMLFile) -> YAMLNode? { file.documents.first }
