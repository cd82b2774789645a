/// A half-open range of UTF-8 byte offsets into an expression's source text.
///
/// Every token and AST node carries one; lines and columns are computed only
/// when a diagnostic is rendered (see `SourceText` and `ExpressionOrigin`).
public struct Span: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The empty span at `offset`.
    public static func at(_ offset: Int) -> Span { Span(offset, offset) }

    /// The smallest span covering both.
    public func union(_ other: Span) -> Span {
        Span(Swift.min(start, other.start), Swift.max(end, other.end))
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }
}
