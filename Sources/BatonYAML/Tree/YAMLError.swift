/// Why a YAML file could not be read, and where.
///
/// Codes: `yaml-syntax` (libyaml's own errors), `yaml-invalid-utf8`,
/// `yaml-too-large`, `yaml-too-deep`, `yaml-alias-limit`, `yaml-unknown-alias`,
/// `yaml-duplicate-key`, `yaml-complex-key`, `yaml-merge`, `yaml-tag`,
/// `yaml-integer-range`.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// Where the problem is.
    public let mark: YAMLMark
    /// What is wrong, in words.
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

    /// `path:line:column: message [code]`.
    public var description: String { "\(path):\(mark.line):\(mark.column): \(message) [\(code)]" }
}
