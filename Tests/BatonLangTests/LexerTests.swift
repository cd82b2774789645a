import Testing

@testable import BatonLang

/// The tokens of every form in language.md, "Lexical structure".
@Suite struct LexerTests {
    /// The kinds of every token of `source` but the final `endOfInput`.
    private func kinds(_ source: String) -> [TokenKind] {
        let (tokens, diagnostics) = Lexer.tokenize(source)
        #expect(diagnostics == [], "\(source)")
        #expect(tokens.last?.kind == .endOfInput)
        return tokens.dropLast().map(\.kind)
    }

    private func nanoseconds(_ value: Int64) -> TokenKind { .duration(TimeDuration(nanoseconds: value)) }

    @Test(arguments: [
        ("lead", [TokenKind.identifier("lead")]),
        ("_x1 A_b", [.identifier("_x1"), .identifier("A_b")]),
        ("true false null", [.keyword(.true), .keyword(.false), .keyword(.null)]),
        ("and or not in", [.keyword(.and), .keyword(.or), .keyword(.not), .keyword(.in)]),
        (
            "if then else let for while as import",
            ["if", "then", "else", "let", "for", "while", "as", "import"].map { TokenKind.reservedWord($0) }
        ),
        (
            "android orange notice inside",
            [.identifier("android"), .identifier("orange"), .identifier("notice"), .identifier("inside")]
        ),
        ("a // comment == 1\nb", [.identifier("a"), .identifier("b")]),
        ("// only a comment", []),
        (" \t\r\n\u{0C}", []),
    ])
    func words(source: String, expected: [TokenKind]) {
        #expect(kinds(source) == expected)
    }

    @Test(arguments: [
        ("0", TokenKind.integer(0)),
        ("1000", .integer(1000)),
        ("1_000_000", .integer(1_000_000)),
        ("007", .integer(7)),
        ("0x1F", .integer(31)),
        ("0XfF", .integer(255)),
        ("0xFF_FF", .integer(65535)),
        ("9223372036854775807", .integer(9_223_372_036_854_775_807)),
        ("9223372036854775808", .integer(9_223_372_036_854_775_808)),
        ("0x7FFFFFFFFFFFFFFF", .integer(9_223_372_036_854_775_807)),
        ("3.5", .double(3.5)),
        (".5", .double(0.5)),
        ("1e6", .double(1e6)),
        ("2.5e-3", .double(2.5e-3)),
        ("1E+3", .double(1000)),
        ("1_0.2_5", .double(10.25)),
        ("0.0", .double(0)),
    ])
    func numbers(source: String, expected: TokenKind) {
        #expect(kinds(source) == [expected])
    }

    static let durationCases: [(String, Int64)] = [
        ("30d", 30 * 86_400_000_000_000),
        ("12h", 12 * 3_600_000_000_000),
        ("90m", 90 * 60_000_000_000),
        ("2w", 2 * 604_800_000_000_000),
        ("45s", 45_000_000_000),
        ("1_000ms", 1_000_000_000),
        ("0s", 0),
        ("15250w", 15250 * 604_800_000_000_000),
    ]

    @Test(arguments: durationCases)
    func durations(source: String, nanoseconds: Int64) {
        #expect(kinds(source) == [.duration(TimeDuration(nanoseconds: nanoseconds))])
    }

    @Test func numbersNextToPunctuation() {
        #expect(kinds("1.foo") == [.integer(1), .punctuation(.dot), .identifier("foo")])
        #expect(kinds("1..2") == [.integer(1), .punctuation(.dot), .double(0.2)])
        #expect(
            kinds("a[0]") == [.identifier("a"), .punctuation(.leftBracket), .integer(0), .punctuation(.rightBracket)])
        #expect(kinds("1-2") == [.integer(1), .punctuation(.minus), .integer(2)])
    }

    @Test(arguments: Punctuation.allCases)
    func punctuation(_ punctuation: Punctuation) {
        #expect(kinds(punctuation.rawValue) == [.punctuation(punctuation)])
    }

    @Test(arguments: [
        ("a?.b", [TokenKind.identifier("a"), .punctuation(.questionDot), .identifier("b")]),
        ("c?.5:1", [.identifier("c"), .punctuation(.question), .double(0.5), .punctuation(.colon), .integer(1)]),
        ("a??b", [.identifier("a"), .punctuation(.questionQuestion), .identifier("b")]),
        (
            "a?b:c",
            [.identifier("a"), .punctuation(.question), .identifier("b"), .punctuation(.colon), .identifier("c")]
        ),
        ("!=!", [.punctuation(.bangEqual), .punctuation(.bang)]),
        (
            "<=<>=>",
            [.punctuation(.lessEqual), .punctuation(.less), .punctuation(.greaterEqual), .punctuation(.greater)]
        ),
        ("&&||", [.punctuation(.ampersandAmpersand), .punctuation(.pipePipe)]),
        ("a/b", [.identifier("a"), .punctuation(.slash), .identifier("b")]),
    ])
    func operators(source: String, expected: [TokenKind]) {
        #expect(kinds(source) == expected)
    }

    @Test(arguments: [
        (#""abc""#, "abc"),
        ("'abc'", "abc"),
        (#""it's""#, "it's"),
        (#"'say "hi"'"#, #"say "hi""#),
        ("\"\"\"two\nlines with \" and \"\" inside\"\"\"", "two\nlines with \" and \"\" inside"),
        ("'''it's\n'''", "it's\n"),
        (#""""""""#, ""),
        ("''", ""),
        (#"r"\d+\.\d""#, #"\d+\.\d"#),
        (#"R'\w\'"#, #"\w\"#),
        (#"r"""a\"b""""#, #"a\"b"#),
        (#"r'''\n'''"#, #"\n"#),
        ("\"héllo 世界 😀\"", "héllo 世界 😀"),
        ("'e\u{301}'", "e\u{301}"),
    ])
    func strings(source: String, value: String) {
        #expect(kinds(source) == [.string(value)])
    }

    static let escapeCases: [(String, String)] = [
        (#"\\"#, "\\"), (#"\""#, "\""), (#"\'"#, "'"), (#"\`"#, "`"), (#"\?"#, "?"),
        (#"\a"#, "\u{07}"), (#"\b"#, "\u{08}"), (#"\f"#, "\u{0C}"), (#"\n"#, "\n"),
        (#"\r"#, "\r"), (#"\t"#, "\t"), (#"\v"#, "\u{0B}"),
        (#"\x41"#, "A"), (#"\X4a"#, "J"), (#"\xe9"#, "é"), (#"\101"#, "A"), (#"\000"#, "\u{0}"), (#"\377"#, "ÿ"),
        (#"\u00e9"#, "é"), (#"\u4E16"#, "世"), (#"\U0001F600"#, "😀"), (#"\U0010FFFF"#, "\u{10FFFF}"),
        (#"a\tb\nc"#, "a\tb\nc"),
    ]

    @Test(arguments: escapeCases)
    func escapes(escape: String, value: String) {
        #expect(kinds("\"\(escape)\"") == [.string(value)])
        #expect(kinds("'\(escape)'") == [.string(value)])
        #expect(kinds("\"\"\"\(escape)\"\"\"") == [.string(value)])
    }

    @Test func spansAreUTF8Offsets() {
        let (tokens, _) = Lexer.tokenize("'é' + x")
        #expect(tokens.map(\.span) == [Span(0, 4), Span(5, 6), Span(7, 8), Span(8, 8)])
    }

    /// Each malformed token: the exact message and span of its one diagnostic.
    static let malformedCases: [(String, String, String, Span)] = [
        ("1__0", "invalid-number", "invalid number '1__0': '_' must stand between two digits", Span(0, 4)),
        ("1_", "invalid-number", "invalid number '1_': '_' must stand between two digits", Span(0, 2)),
        ("1_.5", "invalid-number", "invalid number '1_.5': '_' must stand between two digits", Span(0, 4)),
        ("0x_1", "invalid-number", "invalid number '0x_1': '_' must stand between two digits", Span(0, 4)),
        ("0x", "invalid-number", "invalid number '0x': expected hex digits after '0x'", Span(0, 2)),
        ("0x1G", "invalid-number", "invalid number '0x1G': hex digits are 0-9 and A-F", Span(0, 4)),
        (
            "1.5h", "invalid-number", "invalid number '1.5h': a duration takes a whole number before its unit",
            Span(0, 4)
        ),
        (
            "12abc", "invalid-number",
            "invalid number '12abc': a number may be followed only by a duration unit (ms s m h d w)", Span(0, 5)
        ),
        (
            "30days", "invalid-number",
            "invalid number '30days': a number may be followed only by a duration unit (ms s m h d w)", Span(0, 6)
        ),
        ("1u", "invalid-number", "invalid number '1u': Baton has no unsigned integers", Span(0, 2)),
        (
            "99999999999999999999", "number-out-of-range",
            "integer '99999999999999999999' is out of range for a 64-bit int (at most 9223372036854775807)", Span(0, 20)
        ),
        (
            "0x10000000000000000", "number-out-of-range",
            "integer '0x10000000000000000' is out of range for a 64-bit int (at most 9223372036854775807)", Span(0, 19)
        ),
        ("1e400", "number-out-of-range", "double '1e400' is out of range", Span(0, 5)),
        ("15251w", "number-out-of-range", "duration '15251w' is out of range (about 292 years at most)", Span(0, 6)),
        (
            "\"abc", "unterminated-string",
            "unterminated string: expected a closing \" before the end of the expression", Span(0, 4)
        ),
        (
            "'abc\n+ 1", "unterminated-string",
            "unterminated string: expected a closing ' before the end of the line (use ''' for text on several lines)",
            Span(0, 4)
        ),
        (
            "'''abc'", "unterminated-string",
            "unterminated string: expected a closing ''' before the end of the expression", Span(0, 7)
        ),
        (
            "r'\\", "unterminated-string",
            "unterminated string: expected a closing ' before the end of the expression", Span(0, 3)
        ),
        (
            #"'a\qb'"#, "invalid-escape",
            #"invalid escape '\q' (valid: \\ \" \' \` \? \a \b \f \n \r \t \v \xHH \ooo \uHHHH \UHHHHHHHH)"#, Span(2, 4)
        ),
        (
            #"'\é'"#, "invalid-escape",
            #"invalid escape '\é' (valid: \\ \" \' \` \? \a \b \f \n \r \t \v \xHH \ooo \uHHHH \UHHHHHHHH)"#, Span(1, 4)
        ),
        (#"'\x4'"#, "invalid-escape", #"invalid escape '\x4': expected 2 hex digits"#, Span(1, 4)),
        (#"'\u12G4'"#, "invalid-escape", #"invalid escape '\u12': expected 4 hex digits"#, Span(1, 5)),
        (
            #"'\0'"#, "invalid-escape", #"invalid escape '\0': octal escapes take three digits, \000 to \377"#,
            Span(1, 3)
        ),
        (
            #"'\08'"#, "invalid-escape", #"invalid escape '\0': octal escapes take three digits, \000 to \377"#,
            Span(1, 3)
        ),
        (
            #"'\uD800'"#, "invalid-escape", #"invalid escape '\uD800': U+D800 is a surrogate, not a Unicode scalar"#,
            Span(1, 7)
        ),
        (
            #"'\UDFFF0000'"#, "invalid-escape",
            #"invalid escape '\UDFFF0000': past U+10FFFF, the largest Unicode scalar"#, Span(1, 11)
        ),
        (
            #"'\U0000DC00'"#, "invalid-escape",
            #"invalid escape '\U0000DC00': U+DC00 is a surrogate, not a Unicode scalar"#, Span(1, 11)
        ),
        (
            #"'\U00110000'"#, "invalid-escape",
            #"invalid escape '\U00110000': past U+10FFFF, the largest Unicode scalar"#, Span(1, 11)
        ),
        ("'''a\\\nb'''", "invalid-escape", "invalid escape: a backslash before a line break", Span(4, 5)),
        ("#", "unexpected-character", "unexpected character '#'", Span(0, 1)),
        ("=", "unexpected-character", "unexpected character '='; did you mean '=='?", Span(0, 1)),
        ("&", "unexpected-character", "unexpected character '&'; did you mean '&&'?", Span(0, 1)),
        ("|", "unexpected-character", "unexpected character '|'; did you mean '||'?", Span(0, 1)),
        ("\u{01}", "unexpected-character", "unexpected control character U+0001", Span(0, 1)),
        (
            "é", "unexpected-character",
            "unexpected character 'é' (U+00E9); names use only ASCII letters, digits and '_'", Span(0, 2)
        ),
        (
            "😀", "unexpected-character",
            "unexpected character '😀' (U+1F600); names use only ASCII letters, digits and '_'", Span(0, 4)
        ),
        (
            "“", "unexpected-character",
            "unexpected character '“' (U+201C); strings are written between straight quotes \" or '", Span(0, 3)
        ),
        ("b'x'", "syntax", "Baton has no bytes literals; write a string without the 'b' prefix", Span(0, 4)),
        ("rb'x'", "syntax", "Baton has no bytes literals; write a string without the 'b' prefix", Span(0, 5)),
        ("BR\"\\\"", "syntax", "Baton has no bytes literals; write a string without the 'b' prefix", Span(0, 5)),
    ]

    @Test(arguments: malformedCases)
    func malformedToken(source: String, code: String, message: String, span: Span) {
        let (_, diagnostics) = Lexer.tokenize(source)
        #expect(diagnostics == [.error(code, message, at: span)])
    }

    @Test func identifierWithUnicodeLetter() {
        let (tokens, diagnostics) = Lexer.tokenize("naïve")
        #expect(tokens.map(\.kind) == [.identifier("na"), .invalid, .identifier("ve"), .endOfInput])
        #expect(
            diagnostics == [
                .error(
                    "unexpected-character",
                    "unexpected character 'ï' (U+00EF); names use only ASCII letters, digits and '_'", at: Span(2, 4))
            ])
    }

    @Test func lexingGoesOnAfterAnError() {
        let (tokens, diagnostics) = Lexer.tokenize("a # b $ 'x\\q'")
        #expect(
            tokens.map(\.kind) == [.identifier("a"), .invalid, .identifier("b"), .invalid, .string("x"), .endOfInput])
        #expect(diagnostics.map(\.span) == [Span(2, 3), Span(6, 7), Span(10, 12)])
    }
}
