/// Runs a `RegexProgram` over UTF-8 text by NFA simulation (a Pike VM without captures).
///
/// All live states advance together one scalar at a time, so the work is
/// O(text length × program length) whatever the pattern; no backtracking.
struct RegexMatcher {
    /// A set of instruction indexes with O(1) insert, lookup and clear.
    private struct StateSet {
        var dense: [Int32]
        var sparse: [Int32]
        var count = 0

        init(capacity: Int) {
            dense = [Int32](repeating: 0, count: capacity)
            sparse = [Int32](repeating: 0, count: capacity)
        }

        @inline(__always)
        func contains(_ state: Int) -> Bool {
            let slot = Int(sparse[state])
            return slot < count && Int(dense[slot]) == state
        }

        @inline(__always)
        mutating func insert(_ state: Int) {
            dense[count] = Int32(state)
            sparse[state] = Int32(count)
            count += 1
        }
    }

    private let program: RegexProgram
    private let prefixSearcher: RegexLiteralSearcher?

    init(program: RegexProgram, prefixSearcher: RegexLiteralSearcher?) {
        self.program = program
        self.prefixSearcher = prefixSearcher
    }

    /// True if the program matches anywhere in `bytes`.
    ///
    /// The state lists are allocated once per call and reused at every position.
    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let capacity = program.instructions.count
        var current = StateSet(capacity: capacity)
        var next = StateSet(capacity: capacity)
        var stack: [Int32] = []
        stack.reserveCapacity(2 * capacity + 2)
        var position = 0
        var previous = RegexUTF8.noScalar
        while true {
            if current.count == 0 {
                if program.isAnchoredAtStart && position > 0 { return false }
                if let prefixSearcher, position < bytes.count {
                    guard let found = prefixSearcher.firstIndex(in: bytes, from: position) else { return false }
                    if found != position {
                        position = found
                        previous = RegexUTF8.decode(bytes, before: position)
                    }
                }
            }
            let scalar =
                position < bytes.count
                ? RegexUTF8.decode(bytes, at: position) : (value: RegexUTF8.noScalar, length: 0)
            if !program.isAnchoredAtStart || position == 0,
                addClosure(from: 0, into: &current, stack: &stack, previous: previous, following: scalar.value)
            {
                return true
            }
            guard position < bytes.count else { return false }
            let nextPosition = position + scalar.length
            let following =
                nextPosition < bytes.count ? RegexUTF8.decode(bytes, at: nextPosition).value : RegexUTF8.noScalar
            next.count = 0
            for slot in 0..<current.count {
                let state = Int(current.dense[slot])
                if consumes(program.instructions[state], scalar.value),
                    addClosure(
                        from: state + 1, into: &next, stack: &stack, previous: scalar.value, following: following)
                {
                    return true
                }
            }
            swap(&current, &next)
            previous = scalar.value
            position = nextPosition
        }
    }

    @inline(__always)
    private func consumes(_ instruction: RegexInstruction, _ scalar: UInt32) -> Bool {
        switch instruction {
        case .scalar(let expected): return scalar == expected
        case .set(let index): return program.sets[index].contains(scalar)
        case .anyScalar(let matchesNewline): return matchesNewline || scalar != 0x0A
        case .split, .jump, .assertion, .match: return false
        }
    }

    /// Adds `start` and every state reachable from it without consuming input;
    /// true as soon as a `match` state is reached.
    private func addClosure(
        from start: Int, into states: inout StateSet, stack: inout [Int32], previous: UInt32, following: UInt32
    ) -> Bool {
        stack.removeAll(keepingCapacity: true)
        stack.append(Int32(start))
        while let popped = stack.popLast() {
            let state = Int(popped)
            if states.contains(state) { continue }
            states.insert(state)
            switch program.instructions[state] {
            case .match:
                return true
            case .jump(let target):
                stack.append(Int32(target))
            case .split(let first, let second):
                stack.append(Int32(second))
                stack.append(Int32(first))
            case .assertion(let assertion):
                if Self.holds(assertion, previous: previous, following: following) {
                    stack.append(Int32(state + 1))
                }
            case .scalar, .set, .anyScalar:
                break
            }
        }
        return false
    }

    private static func holds(_ assertion: RegexAssertion, previous: UInt32, following: UInt32) -> Bool {
        switch assertion {
        case .beginningOfText: return previous == RegexUTF8.noScalar
        case .endOfText: return following == RegexUTF8.noScalar
        case .beginningOfLine: return previous == RegexUTF8.noScalar || previous == 0x0A
        case .endOfLine: return following == RegexUTF8.noScalar || following == 0x0A
        case .wordBoundary: return isWordScalar(previous) != isWordScalar(following)
        case .notWordBoundary: return isWordScalar(previous) == isWordScalar(following)
        }
    }

    @inline(__always)
    private static func isWordScalar(_ scalar: UInt32) -> Bool {
        scalar < 128 && RegexCharacterSet.wordCharacters.contains(scalar)
    }
}
