/// Runs a `RegexProgram` over UTF-8 text by NFA simulation (a Pike VM without captures).
///
/// All live states advance together one scalar at a time, so the work is
/// O(text length × program length) whatever the pattern; no backtracking.
struct RegexMatcher {
    /// A set of instruction indexes with O(1) insert, lookup and clear, over
    /// memory owned by `search` (so the hot loop does no reference counting).
    private struct StateSet<State: FixedWidthInteger> {
        let dense: UnsafeMutablePointer<State>
        let sparse: UnsafeMutablePointer<State>
        var count = 0

        @inline(__always)
        func contains(_ state: Int) -> Bool {
            let slot = Int(sparse[state])
            return slot < count && Int(dense[slot]) == state
        }

        @inline(__always)
        mutating func insert(_ state: Int) {
            (dense + count).initialize(to: State(truncatingIfNeeded: state))
            sparse[state] = State(truncatingIfNeeded: count)
            count += 1
        }
    }

    /// A stack of instruction indexes for the closure walk; each instruction pushes
    /// at most two, and is expanded once per position, so `2n + 2` slots suffice.
    private struct StateStack<State: FixedWidthInteger> {
        let storage: UnsafeMutablePointer<State>
        var count = 0

        @inline(__always)
        mutating func push(_ state: Int) {
            (storage + count).initialize(to: State(truncatingIfNeeded: state))
            count += 1
        }

        @inline(__always)
        mutating func pop() -> Int? {
            guard count > 0 else { return nil }
            count -= 1
            return Int(storage[count])
        }
    }

    /// The program's sets as the hot loop reads them.
    private struct SetTests {
        let sets: UnsafeBufferPointer<RegexSetTest>
        let ranges: UnsafeBufferPointer<ClosedRange<UInt32>>
    }

    private let program: RegexProgram

    init(program: RegexProgram) {
        self.program = program
    }

    /// True if the program matches anywhere in `bytes`.
    ///
    /// The state lists are made once per call and reused at every position.
    /// A program of fewer than 32,768 instructions numbers its states in 16
    /// bits: the lists of a typical pattern then fit the 1 KB that a
    /// temporary allocation always takes on the stack, where a heap block
    /// cost a third of a short search.
    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        program.instructions.count < Int(Int16.max)
            ? search(bytes, numberingStatesAs: Int16.self) : search(bytes, numberingStatesAs: Int32.self)
    }

    private func search<State: FixedWidthInteger>(
        _ bytes: UnsafeBufferPointer<UInt8>, numberingStatesAs: State.Type
    ) -> Bool {
        let capacity = program.instructions.count
        return withUnsafeTemporaryAllocation(of: State.self, capacity: 6 * capacity + 2) { buffer in
            let memory = buffer.baseAddress.unsafelyUnwrapped
            // Only the sparse halves of the sets are read before they are
            // written (a set's dense half and the stack are read only where
            // written), so only they are zeroed: a third of the memory.
            memory.initialize(repeating: 0, count: 2 * capacity)
            defer { memory.deinitialize(count: 2 * capacity) }
            var current = StateSet(dense: memory + 2 * capacity, sparse: memory)
            var next = StateSet(dense: memory + 3 * capacity, sparse: memory + capacity)
            var stack = StateStack(storage: memory + 4 * capacity)
            return program.instructions.withUnsafeBufferPointer { instructions in
                program.sets.withUnsafeBufferPointer { sets in
                    program.setRanges.withUnsafeBufferPointer { setRanges in
                        run(bytes, instructions, SetTests(sets: sets, ranges: setRanges), &current, &next, &stack)
                    }
                }
            }
        }
    }

    private func run<State: FixedWidthInteger>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ instructions: UnsafeBufferPointer<RegexInstruction>,
        _ sets: SetTests, _ current: inout StateSet<State>, _ next: inout StateSet<State>,
        _ stack: inout StateStack<State>
    ) -> Bool {
        var position = 0
        var previous = RegexUTF8.noScalar
        while true {
            if current.count == 0 {
                if program.isAnchoredAtStart && position > 0 { return false }
                // No match attempt is in progress: skip to where one could start.
                var candidate = position
                if let prefixSearcher = program.prefixSearcher {
                    guard let found = prefixSearcher.firstIndex(in: bytes, from: position) else { return false }
                    candidate = found
                } else if let firstByteFilter = program.firstByteFilter {
                    guard let found = firstByteFilter.firstCandidate(in: bytes, from: position) else { return false }
                    candidate = found
                }
                if candidate != position {
                    position = candidate
                    previous = RegexUTF8.decode(bytes, before: position)
                }
            }
            let scalar =
                position < bytes.count
                ? RegexUTF8.decode(bytes, at: position) : (value: RegexUTF8.noScalar, length: 0)
            // A match starting here needs its first byte to be a possible one
            // (the filter exists only for patterns that cannot match empty), so
            // the start state is not followed where it is not: while other
            // attempts are in progress, that was most of a short search.
            if !program.isAnchoredAtStart || position == 0,
                program.firstByteFilter.map({ position < bytes.count && $0.contains(bytes[position]) }) ?? true,
                Self.addClosure(
                    from: 0, into: &current, stack: &stack, instructions, previous: previous, following: scalar.value)
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
                if Self.consumes(instructions[state], scalar.value, sets),
                    Self.addClosure(
                        from: state + 1, into: &next, stack: &stack, instructions, previous: scalar.value,
                        following: following)
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
    private static func consumes(
        _ instruction: RegexInstruction, _ scalar: UInt32, _ sets: SetTests
    ) -> Bool {
        switch instruction {
        case .scalar(let expected): return scalar == expected
        case .set(let index): return sets.sets[index].contains(scalar, ranges: sets.ranges)
        case .anyScalar(let matchesNewline): return matchesNewline || scalar != 0x0A
        case .split, .jump, .assertion, .match: return false
        }
    }

    /// Adds `start` and every state reachable from it without consuming input;
    /// true as soon as a `match` state is reached.
    private static func addClosure<State: FixedWidthInteger>(
        from start: Int, into states: inout StateSet<State>, stack: inout StateStack<State>,
        _ instructions: UnsafeBufferPointer<RegexInstruction>, previous: UInt32, following: UInt32
    ) -> Bool {
        stack.count = 0
        stack.push(start)
        while let state = stack.pop() {
            if states.contains(state) { continue }
            states.insert(state)
            switch instructions[state] {
            case .match:
                return true
            case .jump(let target):
                stack.push(target)
            case .split(let first, let second):
                stack.push(second)
                stack.push(first)
            case .assertion(let assertion):
                if holds(assertion, previous: previous, following: following) { stack.push(state + 1) }
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

    // `[0-9A-Za-z_]` as bit maps of scalars 0...63 and 64...127.
    private static let wordLow: UInt64 = 0x03FF_0000_0000_0000
    private static let wordHigh: UInt64 = 0x07FF_FFFE_87FF_FFFE

    @inline(__always)
    private static func isWordScalar(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return wordLow & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return wordHigh & (1 << UInt64(scalar - 64)) != 0 }
        return false
    }
}
