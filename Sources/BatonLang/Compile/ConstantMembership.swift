/// Membership in a constant list of strings or ints as a hash-set lookup
/// (a few strings compared in turn).
struct ConstantMembership: Sendable {
    private let strings: Set<String>
    private let integers: Set<Int64>
    /// A short list of strings, compared in turn: cheaper than hashing the
    /// probe, as most candidates differ from it in length.
    private let fewStrings: [String]?

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
        self.fewStrings = (1...8).contains(strings.count) ? Array(strings) : nil
    }

    /// Whether the value is in the list; nil when the set cannot tell (the
    /// general path decides then).
    @inline(__always)
    func contains(_ value: Value) -> Bool? {
        switch value {
        case .string(let text):
            if let fewStrings { return fewStrings.contains { sameScalars($0, text) } }
            guard let index = strings.firstIndex(of: text) else { return false }
            return sameScalars(strings[index], text)
        case .int(let number): return integers.contains(number)
        case .null: return false
        default: return nil
        }
    }
}
