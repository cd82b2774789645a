import Testing

@testable import BatonLang

/// One row of a match table: does `pattern` find a match somewhere in `text`?
struct RegexMatchCase: CustomTestStringConvertible, Sendable {
    let pattern: String
    let text: String
    let expected: Bool

    init(_ pattern: String, _ text: String, _ expected: Bool) {
        self.pattern = pattern
        self.text = text
        self.expected = expected
    }

    var testDescription: String { "/\(pattern)/ on \(text.debugDescription) → \(expected)" }
}

@Suite("Regex matching")
struct RegexMatchTests {
    static let literalsAndDotCases: [RegexMatchCase] = [
        .init("", "", true),
        .init("", "anything", true),
        .init("abc", "xxabcxx", true),
        .init("abc", "ab c", false),
        .init("abc", "", false),
        .init("a.c", "abc", true),
        .init("a.c", "a\nc", false),
        .init("a.c", "aéc", true),
        .init("a.c", "a😀c", true),
        .init("(?s)a.c", "a\nc", true),
        .init("héllo", "say héllo!", true),
        .init("héllo", "say hello!", false),
        .init("😀+", "ok 😀😀", true),
        .init("\\.", "a.b", true),
        .init("\\.", "ab", false),
        .init("\\\\", "a\\b", true),
        .init("\\n", "a\nb", true),
        .init("\\t", "a\tb", true),
        .init("\\x41", "zAz", true),
        .init("\\x{1F600}", "😀", true),
        .init("\\u00e9", "café", true),
        .init("\\u{e9}", "café", true),
        .init("\\u00e9", "cafe", false),
        .init("\\0", "a\u{0}b", true),
        .init("a{", "a{", true),
        .init("a{,3}", "a{,3}", true),
        .init("x{2,y", "xx{2,y", true),
        .init("}", "}", true),
        .init("]", "]", true),
        .init("\\_\\-\\ ", "_- ", true),
    ]

    static let classesCases: [RegexMatchCase] = [
        .init("[abc]", "xbx", true),
        .init("[abc]", "xyz", false),
        .init("[a-z]+@", "Mail: joe@example.com", true),
        .init("^[a-z]+$", "joe", true),
        .init("^[a-z]+$", "Joe", false),
        .init("[^a-z]", "abc", false),
        .init("[^a-z]", "abC", true),
        .init("[^a]", "\n", true),
        .init("[]a]", "]", true),
        .init("[a-]", "-", true),
        .init("[-a]", "-", true),
        .init("[a\\-z]", "-", true),
        .init("[a\\-z]", "b", false),
        .init("[\\d_]", "_", true),
        .init("[\\s]", "a b", true),
        .init("[\\]]", "]", true),
        .init("[\\x41-\\x43]", "B", true),
        .init("[à-ÿ]", "é", true),
        .init("[à-ÿ]", "e", false),
        .init("[[:alpha:]]+", "123abc", true),
        .init("^[[:digit:]]+$", "123", true),
        .init("^[[:^digit:]]+$", "abc", true),
        .init("[[:upper:]]", "abc", false),
        .init("[[]", "[", true),
        .init("\\d", "a1", true),
        .init("\\d", "abc", false),
        .init("\\d", "٣", false),
        .init("\\D", "123", false),
        .init("\\D", "12a", true),
        .init("\\w+", "__", true),
        .init("\\w", "é", false),
        .init("\\W", "é", true),
        .init("\\W", "abc_1", false),
        .init("\\s", "a\tb", true),
        .init("\\s", "a\u{0B}b", false),
        .init("\\S", "   ", false),
        .init("\\S", "  x ", true),
    ]

    static let anchorsAndBoundariesCases: [RegexMatchCase] = [
        .init("^abc", "abcd", true),
        .init("^abc", "xabc", false),
        .init("abc$", "xabc", true),
        .init("abc$", "abc\n", false),
        .init("^$", "", true),
        .init("^$", "a", false),
        .init("^b", "a\nb", false),
        .init("(?m)^b", "a\nb", true),
        .init("(?m)a$", "a\nb", true),
        .init("a$", "a\nb", false),
        .init("\\Aab", "ab", true),
        .init("ab\\z", "ab", true),
        .init("(?m)ab\\z", "ab\n", false),
        .init("\\bcat\\b", "the cat sat", true),
        .init("\\bcat\\b", "concatenate", false),
        .init("\\bcat", "cat", true),
        .init("cat\\b", "cat", true),
        .init("\\Bcat", "concat", true),
        .init("\\Bcat", "cat", false),
        .init("\\b", "", false),
        .init("\\B", "", true),
        .init("\\bé", " é é", false),
        .init("\\bé", "café", true),
        .init("x^", "x", false),
        .init("$x", "x", false),
        .init("a|^b", "cb", false),
        .init("a|^b", "bc", true),
    ]

    static let groupsAndAlternationCases: [RegexMatchCase] = [
        .init("cat|dog", "hotdog", true),
        .init("cat|dog", "bird", false),
        .init("^(cat|dog)s?$", "dogs", true),
        .init("^(cat|dog)s?$", "dogsled", false),
        .init("^(?:ab)+$", "ababab", true),
        .init("^(?:ab)+$", "ababa", false),
        .init("(?P<word>ab)c", "abc", true),
        .init("(?<word>ab)c", "abc", true),
        .init("a()b", "ab", true),
        .init("a|", "zzz", true),
        .init("|", "", true),
        .init("^(a|ab)(c|bcd)$", "abcd", true),
        .init("^((a)|b)+$", "abab", true),
        .init("^(((x)))$", "x", true),
    ]

    static let quantifiersCases: [RegexMatchCase] = [
        .init("ab*c", "ac", true),
        .init("ab*c", "abbbc", true),
        .init("ab+c", "ac", false),
        .init("ab+c", "abbc", true),
        .init("^ab?c$", "abc", true),
        .init("^ab?c$", "abbc", false),
        .init("^a{3}$", "aaa", true),
        .init("^a{3}$", "aa", false),
        .init("^a{3}$", "aaaa", false),
        .init("^a{2,}$", "a", false),
        .init("^a{2,}$", "aaaaa", true),
        .init("^a{2,3}$", "aaa", true),
        .init("^a{2,3}$", "aaaa", false),
        .init("^a{0}b$", "b", true),
        .init("^a{0,0}b$", "ab", false),
        .init("^(ab){2}$", "abab", true),
        .init("^a*?$", "aaa", true),
        .init("^a+?b$", "aaab", true),
        .init("^a??b$", "ab", true),
        .init("^a{2,3}?$", "aaa", true),
        .init("^a{2}?$", "aa", true),
        .init("^a{1,}?$", "aaaa", true),
        .init("a+?", "", false),
        .init("^(a*)*$", "aaaa", true),
        .init("^(a*)*$", "aab", false),
        .init("^(a?)+b$", "b", true),
        .init("^(?:)*$", "", true),
        .init("^(^|a)+$", "aa", true),
        .init("^\\d{3}-\\d{4}$", "555-1234", true),
        .init("^\\d{3}-\\d{4}$", "555-12345", false),
    ]

    static let caseInsensitiveCases: [RegexMatchCase] = [
        .init("(?i)hello", "HeLLo there", true),
        .init("hello", "HELLO", false),
        .init("(?i)[a-c]+x", "ABCX", true),
        .init("(?i)[^a]", "A", false),
        .init("(?i:ab)c", "ABc", true),
        .init("(?i:ab)c", "ABC", false),
        .init("a(?i)b", "aB", true),
        .init("a(?i)b", "AB", false),
        .init("(a(?i)b)c", "aBc", true),
        .init("(a(?i)b)c", "aBC", false),
        .init("(?i)a(?-i)b", "Ab", true),
        .init("(?i)a(?-i)b", "AB", false),
        .init("(?i)café", "CAFÉ", true),
        .init("(?i)σ", "Σ", true),
        .init("(?i)σ", "ς", true),
        .init("(?i)Σ", "ς", true),
        .init("(?i)k", "\u{212A}", true),
        .init("(?i)\u{212A}", "k", true),
        .init("(?i)s", "ſ", true),
        .init("(?i)ß", "ẞ", true),
        .init("(?i)ß", "SS", false),
        .init("(?i)i", "ı", false),
        .init("(?i)ǆ", "ǅ", true),
        .init("(?i)\\x41", "a", true),
        .init("(?i)[k]", "\u{212A}", true),
        .init("(?i)1", "1", true),
        .init("(?im)^B$", "a\nb\nc", true),
    ]

    /// Rows aimed at the skips taken before the NFA runs: literal prefixes,
    /// whole-literal patterns and the set of possible first bytes.
    static let fastPathCases: [RegexMatchCase] = [
        .init("needle", "haystack with a needle in it", true),
        .init("needle", "haystack with a needl", false),
        .init("abcabd", "abcabcabd", true),
        .init("aab", "aaab", true),
        .init("né+", "le nééé", true),
        .init("né+", "le ne", false),
        .init("été", "ça été", true),
        .init("[é-ë]x", "ça ëx", true),
        .init("[é-ë]x", "ça éy ex", false),
        .init("\\d+ (?i)vp", "Role: 3 VP", true),
        .init("(?i)\\bvp\\b", "Senior VP of Sales", true),
        .init("(?i)\\bvp\\b", "Senior VPN admin", false),
        .init("x*y", "é😀y", true),
        .init("(?:é|y)z", "😀ééz", true),
        .init("[^a]b", "ab😀b", true),
        .init("😀\\b", "😀a", true),
        .init("😀\\b", "😀 ", false),
        .init("a?", "é", true),
        .init("\\ba", "éa", true),
        .init("\\ba", "ba", false),
    ]

    @Test(arguments: fastPathCases)
    func fastPaths(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: literalsAndDotCases)
    func literalsAndDot(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: classesCases)
    func classes(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: anchorsAndBoundariesCases)
    func anchorsAndBoundaries(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: groupsAndAlternationCases)
    func groupsAndAlternation(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: quantifiersCases)
    func quantifiers(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test(arguments: caseInsensitiveCases)
    func caseInsensitive(_ row: RegexMatchCase) throws {
        #expect(try BatonRegex(row.pattern).matches(row.text) == row.expected)
    }

    @Test func aCompiledPatternIsReusable() throws {
        let regex = try BatonRegex("^[A-Z]{2}\\d+$")
        #expect(regex.pattern == "^[A-Z]{2}\\d+$")
        #expect(regex.matches("GB123"))
        #expect(!regex.matches("G123"))
        #expect(regex.matches("FR9"))
    }

    @Test func aLiteralPrefixIsFoundAfterManyFalseStarts() throws {
        let regex = try BatonRegex("abc\\d")
        let text = String(repeating: "abcx", count: 5_000) + "abc7"
        #expect(regex.matches(text))
        #expect(!regex.matches(String(repeating: "abcx", count: 5_000)))
    }

    @Test func aLiteralPrefixKeepsTheScalarBeforeItForWordBoundaries() throws {
        #expect(try !BatonRegex("ab\\b").matches("xxabc"))
        #expect(try BatonRegex("ab\\b").matches("xxabc ab"))
        #expect(try BatonRegex("é\\B").matches("xé"))
    }
}
