/// One step of a compiled pattern: a Thompson NFA laid out as instructions.
enum RegexInstruction: Sendable {
    /// Consume exactly this scalar value.
    case scalar(UInt32)
    /// Consume one scalar of the program's set (`RegexProgram.sets`) at this index.
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
///
/// A class: a regex is copied into the closure that calls it and into a
/// matcher per search, and each copy of a struct of arrays retained every
/// array (four copies a call, a fifth of a short search).
final class RegexProgram: Sendable {
    /// Compiled patterns may not exceed this many instructions.
    static let maximumInstructionCount = 10_000

    let instructions: [RegexInstruction]
    let sets: [RegexSetTest]
    /// The non-ASCII ranges of every set, each set's ranges sorted and contiguous.
    let setRanges: [ClosedRange<UInt32>]
    /// True if every match must start at the beginning of the text.
    let isAnchoredAtStart: Bool
    /// The UTF-8 bytes every match starts with (empty if none are known).
    let literalPrefix: [UInt8]
    /// True if the whole pattern is `literalPrefix`: a plain substring search.
    let isPureLiteral: Bool
    /// The bytes a match can start with, when that narrows anything.
    let firstByteFilter: RegexFirstByteFilter?
    /// The search for `literalPrefix`, when it is not empty.
    let prefixSearcher: RegexLiteralSearcher?

    init(
        instructions: [RegexInstruction], sets: [RegexSetTest], setRanges: [ClosedRange<UInt32>],
        isAnchoredAtStart: Bool, literalPrefix: [UInt8], isPureLiteral: Bool, firstByteFilter: RegexFirstByteFilter?
    ) {
        self.instructions = instructions
        self.sets = sets
        self.setRanges = setRanges
        self.isAnchoredAtStart = isAnchoredAtStart
        self.literalPrefix = literalPrefix
        self.isPureLiteral = isPureLiteral
        self.firstByteFilter = firstByteFilter
        prefixSearcher = literalPrefix.isEmpty ? nil : RegexLiteralSearcher(literalPrefix)
    }
}

/// A character set laid out for the matcher: plain values, no references, so
/// testing one costs no reference counting.
struct RegexSetTest: Sendable {
    let asciiLow: UInt64
    let asciiHigh: UInt64
    /// This set's slice of `RegexProgram.setRanges`.
    let rangeStart: Int
    let rangeEnd: Int

    /// True if `scalar` is in the set; `ranges` is the program's `setRanges`.
    @inline(__always)
    func contains(_ scalar: UInt32, ranges: UnsafeBufferPointer<ClosedRange<UInt32>>) -> Bool {
        if scalar < 64 { return asciiLow & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh & (1 << UInt64(scalar - 64)) != 0 }
        var low = rangeStart
        var high = rangeEnd
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if scalar < range.lowerBound {
                high = middle
            } else if scalar > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
