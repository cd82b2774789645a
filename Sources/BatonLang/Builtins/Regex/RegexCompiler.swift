/// Compiles a `RegexNode` into a `RegexProgram` by Thompson construction.
struct RegexCompiler {
    private var instructions: [RegexInstruction] = []
    private var sets: [RegexSetTest] = []
    private var setRanges: [ClosedRange<UInt32>] = []

    /// Compiles `node`, refusing patterns that would exceed the instruction limit.
    static func compile(_ node: RegexNode) throws(RegexSyntaxError) -> RegexProgram {
        let size = try instructionCount(of: node)
        if size > RegexProgram.maximumInstructionCount {
            throw RegexSyntaxError(
                message:
                    "pattern too large: it compiles to more than \(RegexProgram.maximumInstructionCount) instructions",
                offset: 0)
        }
        var compiler = RegexCompiler()
        compiler.instructions.reserveCapacity(size + 1)
        compiler.emit(node)
        compiler.instructions.append(.match)
        let prefix = literalPrefix(of: node)
        return RegexProgram(
            instructions: compiler.instructions,
            sets: compiler.sets,
            setRanges: compiler.setRanges,
            isAnchoredAtStart: isAnchoredAtStart(node),
            literalPrefix: prefix.bytes,
            isPureLiteral: prefix.isWholePattern,
            firstByteFilter: RegexFirstByteFilter(instructions: compiler.instructions, sets: compiler.sets))
    }

    /// The number of instructions `node` compiles to, or an error at the first
    /// node whose expansion passes the limit (counts saturate, so no overflow).
    private static func instructionCount(of node: RegexNode) throws(RegexSyntaxError) -> Int {
        let limit = RegexProgram.maximumInstructionCount
        switch node {
        case .empty:
            return 0
        case .scalar, .characterSet, .anyScalar, .assertion:
            return 1
        case .concatenation(let items):
            var total = 0
            for item in items { total = min(total + (try instructionCount(of: item)), limit + 1) }
            return total
        case .alternation(let branches):
            var total = 0
            for branch in branches { total = min(total + (try instructionCount(of: branch)) + 2, limit + 1) }
            return total
        case .repetition(let body, let minimum, let maximum, let offset):
            let bodySize = try instructionCount(of: body)
            let total: Int
            if let maximum {
                total = bodySize * maximum + (maximum - minimum)
            } else {
                total = bodySize * max(minimum, 1) + 2
            }
            if total > limit {
                throw RegexSyntaxError(
                    message: "pattern too large: it compiles to more than \(limit) instructions", offset: offset)
            }
            return total
        }
    }

    // MARK: Emitting

    private mutating func emit(_ node: RegexNode) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            instructions.append(.scalar(scalar.value))
        case .characterSet(let set):
            instructions.append(.set(sets.count))
            let rangeStart = setRanges.count
            // ASCII members are answered by the bit maps; only the rest needs ranges.
            for range in set.ranges where range.upperBound >= 128 {
                setRanges.append(max(range.lowerBound, 128)...range.upperBound)
            }
            sets.append(
                RegexSetTest(
                    asciiLow: set.asciiLow, asciiHigh: set.asciiHigh, rangeStart: rangeStart,
                    rangeEnd: setRanges.count))
        case .anyScalar(let matchesNewline):
            instructions.append(.anyScalar(matchesNewline: matchesNewline))
        case .assertion(let assertion):
            instructions.append(.assertion(assertion))
        case .concatenation(let items):
            for item in items { emit(item) }
        case .alternation(let branches):
            emitAlternation(branches)
        case .repetition(let body, let minimum, let maximum, _):
            emitRepetition(body, minimum: minimum, maximum: maximum)
        }
    }

    /// `a|b|c` as `split L1, L2; L1: a; jump end; L2: split …`, built without recursion.
    private mutating func emitAlternation(_ branches: [RegexNode]) {
        var jumpsToEnd: [Int] = []
        for (index, branch) in branches.enumerated() {
            guard index < branches.count - 1 else {
                emit(branch)
                break
            }
            let split = placeholder()
            emit(branch)
            jumpsToEnd.append(placeholder())
            instructions[split] = .split(split + 1, instructions.count)
        }
        let end = instructions.count
        for jump in jumpsToEnd { instructions[jump] = .jump(end) }
    }

    private mutating func emitRepetition(_ body: RegexNode, minimum: Int, maximum: Int?) {
        guard let maximum else {
            // x{m,} is x{m-1} then x+; x* is a loop that may run zero times.
            if minimum == 0 {
                let split = placeholder()
                emit(body)
                instructions.append(.jump(split))
                instructions[split] = .split(split + 1, instructions.count)
            } else {
                for _ in 0..<(minimum - 1) { emit(body) }
                let loopStart = instructions.count
                emit(body)
                instructions.append(.split(loopStart, instructions.count + 1))
            }
            return
        }
        for _ in 0..<minimum { emit(body) }
        // Each optional copy may be skipped straight to the end.
        var skips: [Int] = []
        for _ in minimum..<maximum {
            skips.append(placeholder())
            emit(body)
        }
        let end = instructions.count
        for skip in skips { instructions[skip] = .split(skip + 1, end) }
    }

    /// Appends an instruction to be patched once its targets are known.
    private mutating func placeholder() -> Int {
        instructions.append(.match)
        return instructions.count - 1
    }

    // MARK: Facts for fast paths

    private static func isAnchoredAtStart(_ node: RegexNode) -> Bool {
        switch node {
        case .assertion(.beginningOfText): return true
        case .concatenation(let items): return items.first.map(isAnchoredAtStart) ?? false
        default: return false
        }
    }

    /// The literal scalars every match starts with, as UTF-8.
    private static func literalPrefix(of node: RegexNode) -> (bytes: [UInt8], isWholePattern: Bool) {
        let items: [RegexNode]
        switch node {
        case .concatenation(let list): items = list
        case .scalar: items = [node]
        default: return ([], false)
        }
        var bytes: [UInt8] = []
        var literalCount = 0
        for item in items {
            guard case .scalar(let scalar) = item else { break }
            bytes.append(contentsOf: String(scalar).utf8)
            literalCount += 1
        }
        return (bytes, literalCount == items.count)
    }
}
