/// The UTF-8 bytes a match can start with, so the matcher can skip the rest
/// without running the NFA when no match attempt is in progress.
struct RegexFirstByteFilter: Sendable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    /// The filter for `program`'s start, or `nil` when it would not narrow
    /// anything: the pattern can match the empty string, or starts with `.`.
    init?(instructions: [RegexInstruction], sets: [RegexSetTest]) {
        guard !instructions.isEmpty else { return nil }
        var visited = [Bool](repeating: false, count: instructions.count)
        var stack = [0]
        while let state = stack.popLast() {
            guard !visited[state] else { continue }
            visited[state] = true
            switch instructions[state] {
            case .match, .anyScalar:
                return nil
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(first)
                stack.append(second)
            case .assertion:
                // Whether it holds depends on the text; assume it may.
                stack.append(state + 1)
            case .scalar(let value):
                guard let scalar = Unicode.Scalar(value), let lead = String(scalar).utf8.first else { return nil }
                insert(lead)
            case .set(let index):
                let set = sets[index]
                for byte in 0..<64 where set.asciiLow & (1 << UInt64(byte)) != 0 { insert(UInt8(byte)) }
                for byte in 64..<128 where set.asciiHigh & (1 << UInt64(byte - 64)) != 0 { insert(UInt8(byte)) }
                if set.rangeEnd > set.rangeStart {
                    for lead in UInt8(0xC2)...UInt8(0xF4) { insert(lead) }
                }
            }
        }
    }

    private mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: return words.0 & bit != 0
        case 1: return words.1 & bit != 0
        case 2: return words.2 & bit != 0
        default: return words.3 & bit != 0
        }
    }

    /// The first index at or after `start` holding a possible first byte, or `nil`.
    ///
    /// `start` must be a scalar boundary; so is the result, because skipped ASCII
    /// bytes are whole scalars and a lead byte is found before its continuation
    /// bytes (which are only ever found when no non-ASCII start is possible).
    @inline(__always)
    func firstCandidate(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if contains(bytes[index]) { return index }
            index += 1
        }
        return nil
    }
}
