/// The case variants of every cased Unicode scalar, for `(?i)`.
///
/// Two scalars are variants when simple (one-to-one) case mapping takes them to
/// the same scalar, which is what simple Unicode case folding does: `k`, `K` and
/// the Kelvin sign `K` are one orbit, as are `σ`, `ς` and `Σ`; `ß` matches `ẞ` but
/// not `SS`. The orbits are embedded (`orbitsText`) and parsed the first time a
/// case-insensitive pattern is compiled.
///
/// Flat, not an array per orbit, and searched, not hashed: building ~1,450
/// small arrays and a dictionary of ~2,900 scalars cost ~3.8 million
/// instructions (~1 ms) at the start of every process with a `(?i)` pattern.
struct RegexCaseFolding: Sendable {
    struct Entry: Sendable {
        let scalar: UInt32
        let orbit: Int
    }

    /// Every scalar that has case variants, in ascending order, with its orbit.
    let entries: [Entry]
    /// The members of every orbit, back to back, each orbit in ascending order.
    private let members: [UInt32]
    /// Where each orbit starts in `members`, and its end as a last element.
    private let starts: [Int]

    static let table = RegexCaseFolding(text: orbitsText)

    /// The table of orbits written as `orbitsText` is: groups separated by
    /// white space, members in hexadecimal joined by ':'.
    init(text: String) {
        var members: [UInt32] = []
        var starts = [0]
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
                members.append(member)
                member = 0
                inMember = false
            default:
                if inMember { members.append(member) }
                if members.count > starts[starts.count - 1] { starts.append(members.count) }
                member = 0
                inMember = false
            }
        }
        if inMember { members.append(member) }
        if members.count > starts[starts.count - 1] { starts.append(members.count) }
        self.members = members
        self.starts = starts
        // Sorted as plain integers (scalar, then orbit): a third of the cost
        // of sorting the entries by a closure.
        var keys: [UInt64] = []
        keys.reserveCapacity(members.count)
        for orbit in 0..<(starts.count - 1) {
            for index in starts[orbit]..<starts[orbit + 1] { keys.append(UInt64(members[index]) << 32 | UInt64(orbit)) }
        }
        keys.sort()
        entries = keys.map { Entry(scalar: UInt32($0 >> 32), orbit: Int($0 & 0xFFFF_FFFF)) }
    }

    /// The members of orbit `index`, in ascending order.
    func orbit(_ index: Int) -> ArraySlice<UInt32> {
        members[starts[index]..<starts[index + 1]]
    }

    /// Every orbit, in the order of the text.
    var orbits: [[UInt32]] {
        (0..<(starts.count - 1)).map { Array(orbit($0)) }
    }

    /// The scalar's case variants including itself, or `nil` if it has none.
    func variants(of scalar: UInt32) -> ArraySlice<UInt32>? {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].scalar < scalar { low = middle + 1 } else { high = middle }
        }
        guard low < entries.count, entries[low].scalar == scalar else { return nil }
        return orbit(entries[low].orbit)
    }
}
