/// The case variants of every cased Unicode scalar, for `(?i)`.
///
/// Two scalars are variants when simple (one-to-one) case mapping takes them to
/// the same scalar, which is what simple Unicode case folding does: `k`, `K` and
/// the Kelvin sign `K` are one orbit, as are `σ`, `ς` and `Σ`; `ß` matches `ẞ` but
/// not `SS`. The orbits are embedded (`orbitsText`) and parsed the first time a
/// case-insensitive pattern is compiled.
struct RegexCaseFolding: Sendable {
    struct Entry: Sendable {
        let scalar: UInt32
        let orbit: Int
    }

    /// Every scalar that has case variants, in ascending order, with its orbit.
    let entries: [Entry]
    /// Each orbit's members, in ascending order.
    let orbits: [[UInt32]]

    static let table = RegexCaseFolding(orbits: parseOrbits(orbitsText))

    /// Searched in `entries`, not through a dictionary of every scalar:
    /// hashing the ~2,900 scalars cost 2.7 million instructions (~0.7 ms)
    /// at the start of every process that loads a `(?i)` pattern.
    init(orbits: [[UInt32]]) {
        self.orbits = orbits
        // Sorted as plain integers (scalar, then orbit), a third of the
        // cost of sorting the entries by a closure.
        var keys: [UInt64] = []
        keys.reserveCapacity(orbits.reduce(0) { $0 + $1.count })
        for (index, orbit) in orbits.enumerated() {
            for member in orbit { keys.append(UInt64(member) << 32 | UInt64(index)) }
        }
        keys.sort()
        entries = keys.map { Entry(scalar: UInt32($0 >> 32), orbit: Int($0 & 0xFFFF_FFFF)) }
    }

    /// The scalar's case variants including itself, or `nil` if it has none.
    func variants(of scalar: UInt32) -> [UInt32]? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].scalar < scalar { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].scalar == scalar else { return nil }
        return orbits[entries[low].orbit]
    }

    /// Orbits written as `orbitsText` is: groups separated by white space, members
    /// in hexadecimal joined by ':'.
    static func parseOrbits(_ text: String) -> [[UInt32]] {
        var orbits: [[UInt32]] = []
        var orbit: [UInt32] = []
        var member: UInt32 = 0
        var inMember = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                member = member << 4 | UInt32(byte - UInt8(ascii: "0"))
                inMember = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                member = member << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
                inMember = true
            case UInt8(ascii: ":"):
                orbit.append(member)
                member = 0
                inMember = false
            default:
                if inMember { orbit.append(member) }
                if !orbit.isEmpty { orbits.append(orbit) }
                orbit = []
                member = 0
                inMember = false
            }
        }
        if inMember { orbit.append(member) }
        if !orbit.isEmpty { orbits.append(orbit) }
        return orbits
    }
}
