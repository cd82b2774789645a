/// Membership in a constant list of strings or ints as a hash-set lookup
/// (a few strings compared in turn).
struct ConstantMembership: Sendable {
    private let strings: Set<String>
    private let integers: Set<Int64>
    /// A short list of strings as their UTF-8 bytes one after another, and
    /// where each lies: compared in turn, which is cheaper than hashing the
    /// probe (a few instructions a string of another length against some 450
    /// to hash one), as most differ from it in length. Empty for a long list.
    private let fewBytes: [UInt8]
    private let fewRanges: [Range<Int>]

    /// The most strings compared in turn rather than hashed.
    private static let fewStrings = 16

    /// Nil when the list is not made only of strings, or only of ints (or
    /// holds strings that Swift would consider equal though their scalars differ).
    init?(_ constant: Value) {
        guard case .list(let elements) = constant, !elements.isEmpty else { return nil }
        var strings = Set<String>()
        var integers = Set<Int64>()
        for element in elements {
            switch element {
            case .string(let text):
                let (inserted, existing) = strings.insert(text)
                if !inserted && !sameScalars(existing, text) { return nil }
            case .int(let number): integers.insert(number)
            default: return nil
            }
        }
        guard strings.isEmpty || integers.isEmpty else { return nil }
        self.strings = strings
        self.integers = integers
        var fewBytes: [UInt8] = []
        var fewRanges: [Range<Int>] = []
        if strings.count <= Self.fewStrings {
            for text in strings {
                fewRanges.append(fewBytes.count..<(fewBytes.count + text.utf8.count))
                fewBytes.append(contentsOf: text.utf8)
            }
        }
        self.fewBytes = fewBytes
        self.fewRanges = fewRanges
    }

    /// Whether the value is in the list; nil when the set cannot tell (the
    /// general path decides then).
    @inline(__always)
    func contains(_ value: Value) -> Bool? {
        switch value {
        case .string(let text):
            if !fewRanges.isEmpty { return isFew(text) }
            guard let index = strings.firstIndex(of: text) else { return false }
            return sameScalars(strings[index], text)
        case .int(let number): return integers.contains(number)
        case .null: return false
        default: return nil
        }
    }

    /// Whether the strings are few enough to be compared in turn, which
    /// `containsLowercased` and `containsDomain` need.
    var comparesInTurn: Bool { !fewRanges.isEmpty }

    /// Whether `lower(text)` is in the list, tested on `text`'s bytes
    /// lowered as they are compared; nil when `text` is not ASCII or the
    /// list is not compared in turn (the caller lowers it and asks `contains`).
    @inline(__always)
    func containsLowercased(_ text: String) -> Bool? {
        guard comparesInTurn else { return nil }
        return UnicodeText.withBytes(text) { probe in
            for byte in probe where byte >= 0x80 { return nil }
            return isFew(probe, lowering: true)
        }
    }

    /// Whether `domain(text)` is in the list, tested on the domain's bytes
    /// in `text`, lowered as they are compared, without building it; nil
    /// when `text` is not ASCII or the list is not compared in turn. A text
    /// without a domain gives null, which a list of strings does not hold.
    @inline(__always)
    func containsDomain(of text: String) -> Bool? {
        guard comparesInTurn else { return nil }
        return UnicodeText.withBytes(text) { bytes in
            guard let domain = UnicodeText.asciiDomainRange(bytes) else { return nil }
            guard let domain else { return false }
            return isFew(UnsafeBufferPointer(rebasing: bytes[domain]), lowering: true)
        }
    }

    @inline(__always)
    private func isFew(_ text: String) -> Bool {
        UnicodeText.withBytes(text) { isFew($0, lowering: false) }
    }

    /// Whether one of the few strings has exactly the bytes of `probe`, with
    /// A–Z lowered first when `lowering`.
    @inline(__always)
    private func isFew(_ probe: UnsafeBufferPointer<UInt8>, lowering: Bool) -> Bool {
        @inline(__always) func byte(_ offset: Int) -> UInt8 {
            let byte = probe[offset]
            return lowering && byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
        }
        return fewBytes.withUnsafeBufferPointer { bytes in
            for range in fewRanges where range.count == probe.count {
                var offset = 0
                while offset < probe.count, bytes[range.lowerBound + offset] == byte(offset) { offset += 1 }
                if offset == probe.count { return true }
            }
            return false
        }
    }
}
