/// One step of a compiled pattern: a Thompson NFA laid out as instructions.
enum RegexInstruction: Sendable {
    /// Consume exactly this scalar value.
    case scalar(UInt32)
    /// Consume one scalar of the program's set at this index.
    case set(Int)
    /// Consume any scalar, or any but `\n`.
    case anyScalar(matchesNewline: Bool)
    /// Continue at both targets.
    case split(Int, Int)
    /// Continue at the target.
    case jump(Int)
    /// Continue at the next instruction if the condition holds here.
    case assertion(RegexAssertion)
    /// The pattern has matched.
    case match
}

/// A compiled pattern: instructions, the sets they test, and facts for fast paths.
struct RegexProgram: Sendable {
    /// Compiled patterns may not exceed this many instructions.
    static let maximumInstructionCount = 10_000

    let instructions: [RegexInstruction]
    let sets: [RegexCharacterSet]
    /// True if every match must start at the beginning of the text.
    let isAnchoredAtStart: Bool
    /// The UTF-8 bytes every match starts with (empty if none are known).
    let literalPrefix: [UInt8]
    /// True if the whole pattern is `literalPrefix`: a plain substring search.
    let isPureLiteral: Bool
}
