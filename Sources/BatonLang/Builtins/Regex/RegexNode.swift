/// A zero-width condition on the scalars around a position in the text.
enum RegexAssertion: Sendable, Hashable {
    /// `\A`, or `^` without `(?m)`.
    case beginningOfText
    /// `\z`, or `$` without `(?m)`.
    case endOfText
    /// `^` under `(?m)`: the beginning of the text or just after a `\n`.
    case beginningOfLine
    /// `$` under `(?m)`: the end of the text or just before a `\n`.
    case endOfLine
    /// `\b`: an ASCII word character on exactly one side.
    case wordBoundary
    /// `\B`: the opposite of `\b`.
    case notWordBoundary
}

/// The parsed form of a pattern, before it is compiled to an NFA program.
///
/// Case folding is already applied (a `(?i)` letter is a `characterSet` of its
/// case variants) and groups are gone, since a yes/no search needs no captures.
indirect enum RegexNode: Sendable {
    /// Matches the empty string.
    case empty
    /// Matches exactly this scalar.
    case scalar(Unicode.Scalar)
    /// Matches one scalar of the set.
    case characterSet(RegexCharacterSet)
    /// `.`: any scalar, or any but `\n`.
    case anyScalar(matchesNewline: Bool)
    /// A zero-width condition.
    case assertion(RegexAssertion)
    /// Each node in turn.
    case concatenation([RegexNode])
    /// Any one of the nodes.
    case alternation([RegexNode])
    /// The node repeated between `minimum` and `maximum` times (`nil`: no upper bound).
    ///
    /// `offset` is where the repetition operator stands in the pattern, for the
    /// "pattern too large" error. Lazy and greedy forms compile alike: which
    /// match is preferred cannot change whether there is one.
    case repetition(RegexNode, minimum: Int, maximum: Int?, offset: Int)
}
