import Testing

@testable import BatonLang

@Suite struct JSONReaderTests {
    /// Reads JSON and writes it back in the `baton expr` style, which shows
    /// int versus double.
    func roundTrip(_ text: String) throws -> String {
        var writer = JSONWriter()
        try writer.writeValue(try decodeDynamicJSON(Array(text.utf8)), style: .expr)
        return writer.text
    }

    @Test(arguments: [
        ("1", "1"), ("-0", "0"), ("1.0", "1.0"), ("2.5e2", "250.0"), ("1E3", "1000.0"), ("-1.5e-3", "-0.0015"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("9223372036854775808", "9223372036854776000.0"), ("0.1", "0.1"), ("123456789.123", "123456789.123"),
        ("1e-7", "0.0000001"), ("4.9e-324", "0." + String(repeating: "0", count: 323) + "5"),
        ("17976931348623157e292", "17976931348623157" + String(repeating: "0", count: 292) + ".0"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("123456789012345678901234567890", "123456789012345680000000000000.0"),
        ("true", "true"), ("null", "null"), (" \"a\\u00e9\\ud83c\\udf89\\/\" ", "\"aé🎉/\""),
        ("[]", "[]"), ("{}", "{}"),
        ("{\"b\": [1, {\"c\": null}], \"a\": \"x\"}", "{\"b\":[1,{\"c\":null}],\"a\":\"x\"}"),
        ("\u{FEFF}{\"bom\": 1}", "{\"bom\":1}"),
    ])
    func validJSON(text: String, expected: String) throws {
        #expect(try roundTrip(text) == expected)
    }

    @Test func keepsTypes() throws {
        let value = try decodeDynamicJSON(Array(#"{"n": 250, "d": 250.0}"#.utf8))
        guard case .map(let map) = value, case .int(250)? = map["n"], case .double(250)? = map["d"] else {
            Issue.record("unexpected \(value)")
            return
        }
        #expect(map.keys == ["n", "d"])
    }

    @Test(arguments: [
        ("", "invalid JSON at line 1, column 1: unexpected end of input, expected a value"),
        ("[1,]", "invalid JSON at line 1, column 3: trailing comma"),
        ("{\"a\":1,}", "invalid JSON at line 1, column 7: trailing comma"),
        ("[1 2]", "invalid JSON at line 1, column 4: unexpected '2', expected ',' or ']'"),
        ("{\"a\" 1}", "invalid JSON at line 1, column 6: unexpected '1', expected ':' after an object key"),
        ("{a:1}", "invalid JSON at line 1, column 2: unexpected 'a', expected a string key"),
        ("// c\n1", "invalid JSON at line 1, column 1: unexpected '/', expected a value"),
        ("NaN", "invalid JSON at line 1, column 1: unexpected 'N', expected a value"),
        ("[1,\n  Infinity]", "invalid JSON at line 2, column 3: unexpected 'I', expected a value"),
        ("01", "invalid JSON at line 1, column 1: invalid number: leading zero"),
        ("1.", "invalid JSON at line 1, column 1: invalid number"),
        ("-", "invalid JSON at line 1, column 1: invalid number"),
        ("1e", "invalid JSON at line 1, column 1: invalid number"),
        (".5", "invalid JSON at line 1, column 1: unexpected '.', expected a value"),
        ("1e400", "invalid JSON at line 1, column 1: number out of range"),
        ("tru", "invalid JSON at line 1, column 1: unexpected 't', expected a value"),
        ("\"abc", "invalid JSON at line 1, column 1: unterminated string"),
        ("\"a\tb\"", "invalid JSON at line 1, column 3: unescaped control character in string"),
        ("\"\\x\"", "invalid JSON at line 1, column 2: invalid escape sequence"),
        ("\"\\u12\"", "invalid JSON at line 1, column 2: invalid \\u escape"),
        ("\"\\ud800\"", "invalid JSON at line 1, column 2: unpaired surrogate in \\u escape"),
        ("\"\\udc00\"", "invalid JSON at line 1, column 2: unpaired surrogate in \\u escape"),
        ("{\"a\":1,\"a\":2}", "invalid JSON at line 1, column 8: duplicate key \"a\""),
        ("1 2", "invalid JSON at line 1, column 3: unexpected text after the JSON value"),
        ("{\"é\": x}", "invalid JSON at line 1, column 7: unexpected 'x', expected a value"),
    ])
    func invalidJSON(text: String, expected: String) {
        #expect(throws: JSONReadError.self) { try decodeDynamicJSON(Array(text.utf8)) }
        do {
            _ = try decodeDynamicJSON(Array(text.utf8))
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test(
        arguments: [
            [0x22, 0xC3, 0x22], [0x22, 0xC0, 0x80, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22],
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            [0x22, 0xE2, 0x82, 0x22], [0x22, 0xFF, 0x22], [0x22, 0x80, 0x22], [0x22, 0xE0, 0x80, 0x80, 0x22],
        ] as [[UInt8]])
    func invalidUTF8(bytes: [UInt8]) {
        #expect(throws: JSONReadError(message: "invalid UTF-8", offset: 1, line: 1, column: 2)) {
            try decodeDynamicJSON(bytes)
        }
    }

    @Test func depthLimit() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try roundTrip(ok) == ok)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(throws: JSONReadError(message: "nesting deeper than 64 levels", offset: 64, line: 1, column: 65)) {
            try decodeDynamicJSON(Array(deep.utf8))
        }
        let hostile = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        #expect(throws: JSONReadError.self) { try decodeDynamicJSON(hostile) }
    }

    @Test func truncatedInputNeverCrashes() {
        let text = Array(#"{"a": [1, -2.5e3, "x\u00e9\n", true, false, null, {"b": {}}], "c": "日本"}"#.utf8)
        for end in 0..<text.count {
            #expect(throws: JSONReadError.self) { try decodeDynamicJSON(text[0..<end]) }
        }
        #expect((try? decodeDynamicJSON(text)) != nil)
    }
}
