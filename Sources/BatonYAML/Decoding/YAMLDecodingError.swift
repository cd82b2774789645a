/// A YAML node that has the wrong shape for what the reader of a format
/// expected there (a string where a list belongs, say), at the node.
///
/// The helpers in this module use the code `wrong-kind`; a format's loader
/// may add its own codes (`unknown-key`, …).
public struct YAMLDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// Where the offending node starts.
    public let mark: YAMLMark
    /// What was expected and what was found.
    public let message: String
    /// A stable code for tools and tests.
    public let code: String

    /// An error at a mark.
    public init(path: String, mark: YAMLMark, message: String, code: String) {
        self.path = path
        self.mark = mark
        self.message = message
        self.code = code
    }

    /// An error at the start of a node.
    public init(at node: YAMLNode, in path: String, message: String, code: String) {
        self.init(path: path, mark: node.start, message: message, code: code)
    }

    /// `path:line:column: message [code]`.
    public var description: String { "\(path):\(mark.line):\(mark.column): \(message) [\(code)]" }
}
