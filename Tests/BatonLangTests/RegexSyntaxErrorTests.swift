import Testing

@testable import BatonLang

/// One bad pattern with the exact error it must produce.
struct RegexErrorCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let message: String
    let offset: Int

    init(_ pattern: String, _ message: String, at offset: Int) {
        self.pattern = pattern
        self.message = message
        self.offset = offset
    }

    var testDescription: String { "/\(pattern)/" }
}

@Suite("Regex syntax errors")
struct RegexSyntaxErrorTests {
    static let badPatterns: [RegexErrorCase] = [
        .init("(ab", "missing closing ')'", at: 0),
        .init("a(b(c)", "missing closing ')'", at: 1),
        .init("ab)", "unmatched ')'", at: 2),
        .init("(a))", "unmatched ')'", at: 3),
        .init(")", "unmatched ')'", at: 0),
        .init("[ab", "missing closing ']'", at: 0),
        .init("x[]", "missing closing ']'", at: 1),
        .init("[^", "missing closing ']'", at: 0),
        .init("a\\q", "invalid escape '\\q'", at: 1),
        .init("\\é", "invalid escape '\\é'", at: 0),
        .init("ab\\", "trailing backslash at the end of the pattern", at: 2),
        .init("[a\\", "trailing backslash at the end of the pattern", at: 2),
        .init("\\xZ1", "invalid escape: expected '\\xHH' or '\\x{H...}'", at: 0),
        .init("\\x{}", "invalid escape: expected '\\xHH' or '\\x{H...}'", at: 0),
        .init("\\x{41", "invalid escape: expected '\\xHH' or '\\x{H...}'", at: 0),
        .init("\\u00", "invalid escape: expected '\\uHHHH' or '\\u{H...}'", at: 0),
        .init("\\x{110000}", "invalid escape: \\x{110000} is not a Unicode scalar value", at: 0),
        .init("\\u{D800}", "invalid escape: \\u{D800} is not a Unicode scalar value", at: 0),
        .init("é[z-a]", "invalid character range 'z-a'", at: 3),
        .init("[\\x43-\\x41]", "invalid character range '\\x43-\\x41'", at: 1),
        .init("[a-\\d]", "invalid character range: a class like '\\d' cannot end a range", at: 1),
        .init("[\\b]", "invalid escape '\\b' inside a character class", at: 1),
        .init("[[:alphabet:]]", "unknown character class '[:alphabet:]'", at: 1),
        .init("*a", "nothing to repeat before '*'", at: 0),
        .init("a|+", "nothing to repeat before '+'", at: 2),
        .init("(?i)?", "nothing to repeat before '?'", at: 4),
        .init("(*)", "nothing to repeat before '*'", at: 1),
        .init("{2}", "nothing to repeat before '{2}'", at: 0),
        .init("a**", "repetition operator '*' cannot follow another repetition", at: 2),
        .init("a+?+", "repetition operator '+' cannot follow another repetition", at: 3),
        .init("a{2}{3}", "repetition operator '{3}' cannot follow another repetition", at: 4),
        .init("a{3,2}", "invalid repetition '{3,2}': the minimum exceeds the maximum", at: 1),
        .init("a{1001}", "invalid repetition '{1001}': counts are limited to 1000", at: 1),
        .init(
            "a{2,99999999999999999999}", "invalid repetition '{2,99999999999999999999}': counts are limited to 1000",
            at: 1),
        .init("(a)\\1", "backreferences are not supported", at: 3),
        .init("\\9", "backreferences are not supported", at: 0),
        .init("\\k<name>", "backreferences are not supported", at: 0),
        .init("(?P<n>a)(?P=n)", "backreferences are not supported", at: 8),
        .init("a(?=b)", "lookaround is not supported", at: 1),
        .init("a(?!b)", "lookaround is not supported", at: 1),
        .init("(?<=a)b", "lookaround is not supported", at: 0),
        .init("(?<!a)b", "lookaround is not supported", at: 0),
        .init("\\pL", "Unicode property classes ('\\p') are not supported", at: 0),
        .init("(?x)a", "unknown group flag 'x'", at: 2),
        .init("(?)", "invalid flag group: no flags", at: 0),
        .init("(?i-)", "invalid flag group: no flag after '-'", at: 4),
        .init("(?i--s)", "invalid flag group: more than one '-'", at: 4),
        .init("(?i", "missing closing ')'", at: 0),
        .init("(?P<>a)", "empty group name", at: 0),
        .init("(?P<a-b>c)", "invalid group name: use letters, digits and '_'", at: 5),
        .init("(?P<name", "missing '>' after the group name", at: 0),
        .init(
            "(?:(?:a{1000}){1000})", "pattern too large: it compiles to more than 10000 instructions",
            at: 14),
        .init(
            "[a-z]{1000}[a-z]{1000}x{1000}\\d{1000}\\w{1000}.{1000}a{1000}b{1000}c{1000}d{1000}e",
            "pattern too large: it compiles to more than 10000 instructions", at: 0),
    ]

    @Test(arguments: badPatterns)
    func badPatternIsRejected(_ row: RegexErrorCase) {
        #expect(throws: RegexSyntaxError(message: row.message, offset: row.offset)) {
            _ = try BatonRegex(row.pattern)
        }
    }

    @Test func tooDeepNestingIsAnErrorNotACrash() {
        let depth = RegexParser.maximumNestingDepth + 1
        let pattern = "x" + String(repeating: "(", count: depth) + String(repeating: ")", count: depth)
        #expect(throws: RegexSyntaxError(message: "pattern nests too deeply (more than 200 groups)", offset: 201)) {
            _ = try BatonRegex(pattern)
        }
    }

    @Test func errorDescriptionNamesMessageAndOffset() {
        let error = RegexSyntaxError(message: "missing closing ')'", offset: 4)
        #expect(error.description == "missing closing ')' (at offset 4)")
    }
}
