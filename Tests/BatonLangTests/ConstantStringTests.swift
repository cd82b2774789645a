import Testing

@testable import BatonLang

/// `ConstantString.matches` (a field's `== "text"`, an event rule's leading
/// test) agrees with a plain comparison of the UTF-8 bytes: for constants
/// short enough to be small strings and longer ones, ASCII or not, against
/// texts of every length up to 40 that differ from the constant in one byte
/// at every position, canonical equivalents, and equal texts built apart.
@Suite struct ConstantStringTests {
    static let constants = [
        "", "x", "page_view", "form_submit", "webinar_attended", "/pricing/enterprise-plans-2026", "Ü", "e\u{301}",
        "K", "\u{212A}", "ab\u{0}c", "日本語のテキスト",
    ]

    /// `constant` rebuilt byte by byte, so that a long one has its own storage.
    static func rebuilt(_ constant: String) -> String {
        String(decoding: Array(constant.utf8), as: UTF8.self)
    }

    /// Texts near `constant`: equal, one byte changed at each position, one
    /// byte longer or shorter, and unrelated texts of every length up to 40.
    static func texts(near constant: String) -> [String] {
        let bytes = Array(constant.utf8)
        var texts = [constant, rebuilt(constant), constant + "x", String(decoding: bytes.dropLast(), as: UTF8.self)]
        for position in bytes.indices {
            var changed = bytes
            changed[position] ^= 0x01
            texts.append(String(decoding: changed, as: UTF8.self))
        }
        for length in 0...40 { texts.append(String(repeating: "q", count: length)) }
        texts += ["email_click", "e\u{301}", "é", "\u{212A}", "K", "Ü", "U\u{308}"]
        return texts
    }

    @Test(arguments: constants)
    func matchesExactlyTheSameBytes(constant: String) {
        let tested = ConstantString(constant)
        for text in Self.texts(near: constant) {
            #expect(tested.matches(text) == (Array(text.utf8) == Array(constant.utf8)), "\(constant) vs \(text)")
        }
    }

    @Test(arguments: constants)
    func aConstantBuiltApartMatchesTheSameTexts(constant: String) {
        let tested = ConstantString(Self.rebuilt(constant))
        for text in Self.texts(near: constant) {
            #expect(tested.matches(text) == (Array(text.utf8) == Array(constant.utf8)), "\(constant) vs \(text)")
        }
    }

    /// A field compared with a string constant (`FieldEqualToString`) gives
    /// what the general path gives: for a string (equal, of the same length,
    /// non-ASCII, a canonical equivalent), a null, another type.
    @Test(
        arguments: [
            ("lead.country == 'US'", [:], "bool:true"),
            ("lead.country == 'form_submit'", ["country": .string("email_click")], "bool:false"),
            ("lead.country == 'webinar_attended'", ["country": .string("webinar_attended")], "bool:true"),
            ("lead.country != 'webinar_attended'", ["country": .string("webinar_attendee")], "bool:true"),
            ("lead.country == 'Ü'", ["country": .string("Ü")], "bool:true"),
            ("lead.country == 'Ü'", ["country": .string("U\u{308}")], "bool:false"),
            ("lead.country == 'K'", ["country": .string("\u{212A}")], "bool:false"),
            ("lead.country == ''", ["country": .string("")], "bool:true"),
            ("lead.country == 'US'", ["country": .null], "bool:false"),
            ("lead.country != 'US'", ["country": .null], "bool:true"),
            ("lead.country == 'US'", ["country": .int(3)], "bool:false"),
            ("lead.events.count(e, e.type == 'page_view')", [:], "int:1"),
            ("lead.events.count(e, e.type == 'page_vie')", [:], "int:0"),
            ("lead.events.count(e, e.type != 'form_submit')", [:], "int:1"),
        ] as [(String, [String: Value], String)])
    func fieldComparisonAgreesWithTheGeneralPath(source: String, overrides: [String: Value], expected: String) throws {
        let (fast, general) = try LanguageFixture.fastAndGeneral(source, overriding: overrides)
        #expect(fast == expected)
        #expect(general == expected)
    }
}
