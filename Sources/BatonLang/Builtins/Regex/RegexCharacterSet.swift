/// A set of Unicode scalar values, kept as sorted, disjoint, non-adjacent ranges.
///
/// ASCII membership is also kept as a 128-bit map, since most lead data is ASCII
/// and a bit test is cheaper than a binary search.
struct RegexCharacterSet: Sendable, Hashable {
    /// The largest Unicode scalar value.
    static let maximumScalar: UInt32 = 0x10FFFF

    private(set) var ranges: [ClosedRange<UInt32>] = []
    /// Membership of scalars 0...63, one bit each.
    private(set) var asciiLow: UInt64 = 0
    /// Membership of scalars 64...127, one bit each.
    private(set) var asciiHigh: UInt64 = 0

    init() {}

    init(ranges: [ClosedRange<UInt32>]) {
        self.ranges = ranges
        normalize()
    }

    /// `[0-9]`, the set of `\d`.
    static let digits = RegexCharacterSet(ranges: [0x30...0x39])
    /// `[0-9A-Za-z_]`, the set of `\w`.
    static let wordCharacters = RegexCharacterSet(ranges: [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `[0-9A-Za-z]`.
    static let asciiLettersAndDigits = RegexCharacterSet(ranges: [0x30...0x39, 0x41...0x5A, 0x61...0x7A])
    /// `[\t\n\f\r ]`, the set of `\s` (as in RE2: no `\v`).
    static let whitespace = RegexCharacterSet(ranges: [0x09...0x0A, 0x0C...0x0D, 0x20...0x20])

    /// True if `scalar` (a Unicode scalar value) is in the set.
    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        if scalar < 64 { return asciiLow & (1 << UInt64(scalar)) != 0 }
        if scalar < 128 { return asciiHigh & (1 << UInt64(scalar - 64)) != 0 }
        var low = 0
        var high = ranges.count
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

    mutating func insert(_ range: ClosedRange<UInt32>) {
        ranges.append(range)
        normalize()
    }

    mutating func insert(contentsOf other: RegexCharacterSet) {
        ranges.append(contentsOf: other.ranges)
        normalize()
    }

    /// Every scalar not in this set.
    func inverted() -> RegexCharacterSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= Self.maximumScalar { result.append(next...Self.maximumScalar) }
        return RegexCharacterSet(ranges: result)
    }

    /// The set with every member's simple case variants added.
    func caseFolded() -> RegexCharacterSet {
        var added: [ClosedRange<UInt32>] = []
        for entry in RegexCaseFolding.table.entries where contains(entry.scalar) {
            for variant in RegexCaseFolding.table.orbit(entry.orbit) {
                added.append(variant...variant)
            }
        }
        if added.isEmpty { return self }
        var result = self
        result.ranges.append(contentsOf: added)
        result.normalize()
        return result
    }

    /// Sorts and merges the ranges and rebuilds the ASCII map.
    private mutating func normalize() {
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        merged.reserveCapacity(ranges.count)
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                if range.upperBound > last.upperBound {
                    merged[merged.count - 1] = last.lowerBound...range.upperBound
                }
            } else {
                merged.append(range)
            }
        }
        ranges = merged
        asciiLow = 0
        asciiHigh = 0
        for range in ranges where range.lowerBound < 128 {
            for scalar in range.lowerBound...min(range.upperBound, 127) {
                if scalar < 64 {
                    asciiLow |= 1 << UInt64(scalar)
                } else {
                    asciiHigh |= 1 << UInt64(scalar - 64)
                }
            }
        }
    }
}
