import Testing

@testable import BatonLang

/// The byte-level substring tests of the fused field tests (`contains`
/// eight starts at a time, `startsWith`, `endsWith`, lowered or not) give
/// what a plain search of every start gives, wherever the needle lies
/// relative to the eight-byte words: at every start of haystacks up to 40
/// bytes, next to near misses that share its first and last bytes.
@Suite struct SubstringSearchTests {
    /// A start-by-start search of the (lowered) bytes, the reference.
    static func reference(_ text: String, _ test: UnicodeText.SubstringTest, _ needle: [UInt8], lowering: Bool) -> Bool
    {
        let haystack = text.utf8.map { lowering && $0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0 }
        guard needle.count <= haystack.count else { return false }
        switch test {
        case .prefix: return Array(haystack.prefix(needle.count)) == needle
        case .suffix: return Array(haystack.suffix(needle.count)) == needle
        case .contains:
            return (0...(haystack.count - needle.count)).contains {
                Array(haystack[$0..<($0 + needle.count)]) == needle
            }
        }
    }

    static let needles = ["/", "/x", "ab", "/pricing", "vp", "a-b-c-d-e", "é", "x/é", "aaaaaaaaa", ""]

    /// Haystacks of every length up to 40 with `needle` at every start,
    /// a near miss (first and last byte, wrong middle) elsewhere, and capitals.
    static func haystacks(for needle: String) -> [String] {
        var near = Array(needle.utf8)
        if near.count > 2 { near[1] = UInt8(ascii: "#") }
        let nearMiss = String(decoding: near, as: UTF8.self)
        var texts: [String] = []
        for length in 0...40 {
            let filler = String(repeating: "q", count: length)
            texts.append(filler)
            texts.append(String(filler.prefix(length / 2)) + nearMiss + String(filler.prefix(length / 3)))
            for start in 0...length {
                texts.append(String(filler.prefix(start)) + needle + String(filler.prefix(length - start)))
                texts.append(String(filler.prefix(start)) + needle.uppercased() + String(filler.prefix(length - start)))
            }
        }
        return texts
    }

    @Test(arguments: needles)
    func searchesGiveWhatEveryStartGives(needle: String) {
        let pattern = Array(needle.utf8)
        for text in Self.haystacks(for: needle) {
            for test in [UnicodeText.SubstringTest.contains, .prefix, .suffix] {
                #expect(
                    UnicodeText.test(text, test, pattern) == Self.reference(text, test, pattern, lowering: false),
                    "\(test) \(needle) in \(text)")
                // Lowering answers only for ASCII text (the caller lowers other text).
                let lowered = UnicodeText.asciiLowercased(text, test, pattern)
                #expect(
                    lowered
                        == (text.utf8.allSatisfy { $0 < 0x80 }
                            ? Self.reference(text, test, pattern, lowering: true) : nil),
                    "lowered \(test) \(needle) in \(text)")
            }
        }
    }
}
