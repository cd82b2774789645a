/// The case variants of every cased Unicode scalar, for `(?i)`.
///
/// Two scalars are variants when simple (one-to-one) case mapping takes them to
/// the same scalar, which is what simple Unicode case folding does: `k`, `K` and
/// the Kelvin sign `K` are one orbit, as are `σ`, `ς` and `Σ`; `ß` matches `ẞ` but
/// not `SS`. The table is built from the standard library's Unicode data the
/// first time a case-insensitive pattern is compiled.
struct RegexCaseFolding: Sendable {
    struct Entry: Sendable {
        let scalar: UInt32
        let orbit: Int
    }

    /// Every scalar that has case variants, in ascending order, with its orbit.
    let entries: [Entry]
    /// Each orbit's members, in ascending order.
    let orbits: [[UInt32]]
    private let orbitOfScalar: [UInt32: Int]

    static let table = RegexCaseFolding()

    // No cased scalar lies above the Adlam block (U+1E900...U+1E943).
    private static let lastCasedScalar: UInt32 = 0x1E9FF
    // Dotless i upper-cases to I, but simple case folding leaves it alone.
    private static let dotlessI: UInt32 = 0x131

    private init() {
        var membersOfKey: [UInt32: [UInt32]] = [:]
        for value in 0...Self.lastCasedScalar {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            let key = Self.foldingKey(of: scalar)
            membersOfKey[key, default: [key]].append(value)
        }
        var orbits: [[UInt32]] = []
        var orbitOfScalar: [UInt32: Int] = [:]
        for members in membersOfKey.values {
            let orbit = Array(Set(members)).sorted()
            guard orbit.count > 1 else { continue }
            for member in orbit { orbitOfScalar[member] = orbits.count }
            orbits.append(orbit)
        }
        self.orbits = orbits
        self.orbitOfScalar = orbitOfScalar
        self.entries = orbitOfScalar.map { Entry(scalar: $0.key, orbit: $0.value) }.sorted { $0.scalar < $1.scalar }
    }

    /// The scalar's case variants including itself, or `nil` if it has none.
    func variants(of scalar: UInt32) -> [UInt32]? {
        guard let orbit = orbitOfScalar[scalar] else { return nil }
        return orbits[orbit]
    }

    /// The scalar all of this scalar's variants map to: its upper case, then lower-cased.
    private static func foldingKey(of scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value == dotlessI { return scalar.value }
        let upper = singleScalar(scalar.properties.uppercaseMapping) ?? scalar
        let lower = singleScalar(upper.properties.lowercaseMapping) ?? upper
        return lower.value
    }

    private static func singleScalar(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard scalars.count == 1 else { return nil }
        return scalars.first
    }
}
