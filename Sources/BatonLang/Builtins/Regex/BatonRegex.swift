/// A compiled regular expression for Baton's `s.matches(re)`: RE2 syntax, linear-time search.
///
/// Compile once (at load time) and share: the value is immutable and `Sendable`.
/// Matching runs an NFA over the text's Unicode scalars, so its time is linear in
/// the text however hostile the pattern or the text; backreferences and
/// lookaround, which would need backtracking, are syntax errors.
public struct BatonRegex: Sendable {
    /// The pattern as written.
    public let pattern: String
    private let program: RegexProgram

    /// Compiles `pattern`, or throws the first syntax error with its UTF-8 offset.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern: pattern)
        let node = try parser.parse()
        self.pattern = pattern
        self.program = try RegexCompiler.compile(node)
    }

    /// True if some part of `text` matches the pattern (a search, not a whole-text match).
    public func matches(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable({ search($0) }) {
            return result
        }
        return Array(text.utf8).withUnsafeBufferPointer { search($0) }
    }

    private func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if program.isPureLiteral, let prefixSearcher = program.prefixSearcher {
            return prefixSearcher.firstIndex(in: bytes, from: 0) != nil
        }
        return RegexMatcher(program: program).search(bytes)
    }
}
