import Testing

@testable import BatonLang

/// The embedded case orbits must be what the standard library's Unicode data
/// says today; a toolchain with newer data fails here with the text to paste.
@Suite("Regex case folding table")
struct RegexCaseFoldingTests {
    @Test("the embedded orbits equal the orbits built from the standard library")
    func embeddedOrbitsMatchUnicodeData() {
        let embedded = RegexCaseFolding.table.orbits
        let built = Self.orbitsFromUnicodeData()
        #expect(embedded == built, "replace RegexCaseFolding.orbitsText with:\n\(Self.text(of: built))")
    }

    @Test(
        "orbits hold the variants simple case folding joins",
        arguments: [
            (0x6B, [0x4B, 0x6B, 0x212A]),  // k, K, Kelvin sign
            (0x3C3, [0x3A3, 0x3C2, 0x3C3]),  // σ, Σ, final ς
            (0xDF, [0xDF, 0x1E9E]),  // ß and capital ẞ, never "SS"
        ] as [(UInt32, [UInt32])])
    func knownOrbits(scalar: UInt32, expected: [UInt32]) {
        #expect(RegexCaseFolding.table.variants(of: scalar).map(Array.init) == expected)
    }

    @Test("every member of every orbit finds its orbit, and no scalar is in two")
    func everyMemberFindsItsOrbit() {
        let table = RegexCaseFolding.table
        for orbit in table.orbits {
            for member in orbit { #expect(table.variants(of: member).map(Array.init) == orbit) }
        }
        #expect(Set(table.entries.map(\.scalar)).count == table.entries.count)
    }

    @Test("scalars without case have no variants")
    func uncasedScalars() {
        for scalar: UInt32 in [0x30, 0x20, 0x131, 0x4E00, 0x1F600] {
            #expect(RegexCaseFolding.table.variants(of: scalar) == nil)
        }
    }

    @Test("parsing tolerates line breaks and indentation between groups")
    func parsesGroupsAcrossLines() {
        #expect(RegexCaseFolding(text: "  41:61\n  4B:6B:212A\n").orbits == [[0x41, 0x61], [0x4B, 0x6B, 0x212A]])
    }

    // Two scalars share an orbit when upper-casing then lower-casing takes
    // them to the same scalar (dotless i excepted: simple folding leaves it).
    private static func orbitsFromUnicodeData() -> [[UInt32]] {
        var membersOfKey: [UInt32: [UInt32]] = [:]
        for value: UInt32 in 0...0x1E9FF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { continue }
            membersOfKey[foldingKey(of: scalar), default: []].append(value)
        }
        var orbits: [[UInt32]] = []
        for (key, members) in membersOfKey {
            let orbit = Set(members + [key]).sorted()
            if orbit.count > 1 { orbits.append(orbit) }
        }
        return orbits.sorted { $0[0] < $1[0] }
    }

    private static func foldingKey(of scalar: Unicode.Scalar) -> UInt32 {
        if scalar.value == 0x131 { return scalar.value }
        let upper = singleScalar(scalar.properties.uppercaseMapping) ?? scalar
        return (singleScalar(upper.properties.lowercaseMapping) ?? upper).value
    }

    private static func singleScalar(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        return scalars.count == 1 ? scalars.first : nil
    }

    private static func text(of orbits: [[UInt32]]) -> String {
        orbits.map { $0.map { String($0, radix: 16, uppercase: true) }.joined(separator: ":") }.joined(separator: " ")
    }
}
