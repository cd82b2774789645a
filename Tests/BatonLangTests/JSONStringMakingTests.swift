import Testing

@testable import BatonLang

/// The fast ways the JSON readers make strings: short ASCII straight into
/// the inline form, and repeated values from a decoder's table of recent
/// strings. Each must give exactly the string the general path gives.
@Suite struct JSONStringMakingTests {
    static let texts: [String] = [
        "", "a", "US", "abc", "Noah", "page_view", "IronEnergy SA", "fifteen bytes!!", "sixteen bytes!!!",
        "noah.garcia@ironenergy.com", "https://lumen.example/product/dashboards", "Zoë", "Zoë Müller",
        "ﬁfteen bytes ok", "日本", "🎉", "a\u{7F}b", String(repeating: "x", count: 64),
        String(repeating: "y", count: 65), String(repeating: "é", count: 40),
    ]

    @Test(arguments: texts)
    func makeStringAgreesWithDecoding(text: String) {
        let bytes = Array(text.utf8)
        let made = bytes.withUnsafeBufferPointer { JSONScanner.makeString($0) }
        #expect(made == text)
        #expect(Array(made.utf8) == bytes)
        #expect(made.count == text.count)
        #expect(made.unicodeScalars.elementsEqual(text.unicodeScalars))
    }

    /// Escaped strings are decoded into the scanner's scratch buffer first.
    @Test(arguments: [
        (#""a\"b""#, "a\"b"), (#""\u00e9t\u00e9""#, "été"), (#""\ud83c\udf89""#, "🎉"), (#""tab\tnew\n""#, "tab\tnew\n"),
        (#""\u0041BC""#, "ABC"), (#""a\/b""#, "a/b"),
    ])
    func escapedStrings(json: String, expected: String) throws {
        let bytes = Array(json.utf8)
        let made = try bytes.withUnsafeBufferPointer { buffer throws(JSONProblem) in
            var scanner = JSONScanner(bytes: buffer, maxStringBytes: 1000)
            return try scanner.scanStringValue()
        }
        #expect(made == expected)
        #expect(Array(made.utf8) == Array(expected.utf8))
    }

    /// `scanString`'s inlined fast path (plain ASCII up to the quote) and
    /// the general scan it falls back to give the same string, position and
    /// error, at every length around the 8-byte words, at the end of the
    /// input or not, and at the string length limit.
    @Test(arguments: [
        #""""#, #""a""#, #""abcdefg""#, #""abcdefgh""#, #""abcdefghi""#, #""fifteen bytes!!""#,
        #""sixteen bytes!!!""#, #""noah.garcia@ironenergy.com""#, #""Zoë Müller""#, #""abcdefgh\u00e9""#,
        #""abcdefgh\"q""#, "\"abcdefgh\u{01}x\"", #""abcdefgh"#, #""a"#, #"""#, #""abcdefghijkl"#,
        "\"abcdefgh\u{FF}\"", #""twenty-one bytes long""#, #""twenty bytes long!!!""#,
    ])
    func scanStringFastPathAgreesWithGeneralScan(json: String) {
        for suffix in ["", ",", ", \"next\": 1}"] {
            let bytes = Array((json + suffix).utf8)
            for limit in [20, 1000] {
                bytes.withUnsafeBufferPointer { buffer in
                    var fast = JSONScanner(bytes: buffer, maxStringBytes: limit)
                    var general = JSONScanner(bytes: buffer, maxStringBytes: limit)
                    general.position = 1
                    let fastResult = Result { () throws(JSONProblem) in try fast.scanStringValue() }
                    let generalResult = Result { () throws(JSONProblem) in
                        let scanned = try general.scanRestOfString(quote: 0, start: 1)
                        return general.makeString(scanned)
                    }
                    switch (fastResult, generalResult) {
                    case (.success(let a), .success(let b)):
                        #expect(a == b)
                        #expect(fast.position == general.position)
                    case (.failure(let a), .failure(let b)):
                        #expect(a.message == b.message)
                        #expect(a.offset == b.offset)
                    default:
                        Issue.record("paths disagree on \(json + suffix): \(fastResult) vs \(generalResult)")
                    }
                }
            }
        }
    }

    /// Every text, looked up many times among many others (more than the
    /// table has slots, so that slots are taken over): always its own string.
    @Test func recentStringsGiveEachTextItsOwnString() {
        let cache = RecentStringCache(nodeCount: 1)
        var texts = Self.texts
        for index in 0..<(RecentStringCache.slotCount * 2) { texts.append("value \(index)") }
        // Texts that differ only in their last or first byte.
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") {
            texts.append("https://lumen.example/product/dashboard" + String(UnicodeScalar(byte)))
            texts.append(String(UnicodeScalar(byte)) + "ttps://lumen.example/product/dashboards")
        }
        cache.withTable { table in
            guard let table else {
                Issue.record("the table of a new cache is free")
                return
            }
            for round in 0..<3 {
                for text in round == 1 ? texts.reversed() : texts {
                    let bytes = Array(text.utf8)
                    let found = bytes.withUnsafeBufferPointer {
                        table.string(for: $0, node: 0, making: JSONScanner.makeString)
                    }
                    #expect(found == text)
                    #expect(Array(found.utf8) == bytes)
                }
            }
        }
    }

    /// A field whose values keep missing skips the table for a while (its
    /// values made, not looked up), then tries it again; other fields are
    /// not affected.
    @Test func aFieldThatKeepsMissingSkipsTheTableForAWhile() {
        let cache = RecentStringCache(nodeCount: 2)
        cache.withTable { table in
            guard let table else {
                Issue.record("the table of a new cache is free")
                return
            }
            func look(_ text: String, node: Int) -> String {
                Array(text.utf8).withUnsafeBufferPointer {
                    table.string(for: $0, node: node, making: JSONScanner.makeString)
                }
            }
            for index in 0..<Int(RecentStringCache.missesBeforeSkipping) {
                #expect(look("unique \(index)", node: 0) == "unique \(index)")
            }
            #expect(table.missRuns[0] == RecentStringCache.missesBeforeSkipping)
            #expect(look("repeated", node: 0) == "repeated")
            #expect(look("repeated", node: 0) == "repeated")
            #expect(table.missRuns[0] == RecentStringCache.missesBeforeSkipping + 2)
            #expect(look("repeated", node: 1) == "repeated")
            #expect(look("repeated", node: 1) == "repeated")
            #expect(table.missRuns[1] == 0)
            while table.missRuns[0] != 0 { #expect(look("skipped", node: 0) == "skipped") }
            // Tried again: found, as node 1 left it in the table.
            #expect(look("repeated", node: 0) == "repeated")
            #expect(table.missRuns[0] == 0)
        }
    }

    /// While one decode holds the table, another makes its strings itself.
    @Test func aTakenTableIsNotShared() {
        let cache = RecentStringCache(nodeCount: 1)
        cache.withTable { outer in
            #expect(outer != nil)
            cache.withTable { inner in #expect(inner == nil) }
        }
        cache.withTable { again in #expect(again != nil) }
    }

    /// The same leads decoded with the table (twice: filling it, then from
    /// it) and without: the same values.
    @Test func decodingWithAndWithoutTheTableAgree() throws {
        let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead")
        // Unique ids and emails (which come to skip the table) among
        // repeated values.
        let generated = (0..<300).map { index in
            #"{"id": "L-\#(index)", "email": "user\#(index)@example.com", "tags": ["t\#(index % 7)", "x"]}"#
        }
        let leads =
            generated + [
                #"{"id": "L-1", "email": "dana@globex.com", "tags": ["a", "a", "", "Zoë", "a\u00e9"], "events": [{"type": "page_view", "at": "2026-11-24T09:12:00Z", "url": "https://acme.example/pricing"}, {"type": "page_view", "at": "2026-11-24T09:12:00Z", "url": "https://acme.example/pricing"}]}"#,
                #"{"id": "L-2", "email": null, "tags": ["", "a"], "owner": {"domain": "globex.com"}}"#,
                #"{"id": "L-3", "email": "dana@globex.com", "tags": ["b"], "extra": {"s": "dana@globex.com"}}"#,
                #"{"email": "missing id"}"#,
            ]
        func printed(_ result: Result<RecordValue, LeadInputError>) -> String {
            switch result {
            case .success(let record): Value.record(record).printedText
            case .failure(let error): "error: " + error.message
            }
        }
        let withoutTable = leads.map { lead in
            decoder.recentStrings.withTable { _ in printed(decoder.decode(Array(lead.utf8))) }
        }
        for _ in 0..<2 {
            #expect(leads.map { printed(decoder.decode(Array($0.utf8))) } == withoutTable)
        }
        #expect(withoutTable.last == "error: lead.id: required field is missing")
    }
}
