/// A regular-expression pattern that cannot be compiled, with the place it goes wrong.
///
/// `offset` is a UTF-8 byte offset into the pattern, so a checker can turn it
/// into a span inside the string literal that holds the pattern.
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, for example `missing closing ')'`.
    public let message: String
    /// The UTF-8 byte offset in the pattern where the problem starts.
    public let offset: Int

    /// An error with `message` at UTF-8 byte `offset` of the pattern.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message followed by its offset, for logs; diagnostics render their own.
    public var description: String { "\(message) (at offset \(offset))" }
}
