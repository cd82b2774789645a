import Testing

@testable import BatonLang

/// The limits of language.md: nesting depth 128, 64 KiB, 512 entries; each a
/// diagnostic at a span, never a crash.
@Suite struct ParserLimitsTests {
    private static let tooDeep = "error: expression nests too deeply: more than 128 levels [too-deep]"

    /// Builders of an expression nested `depth` levels deep.
    static let nestings: [(String, @Sendable (Int) -> String)] = [
        ("parentheses", { String(repeating: "(", count: $0) + "1" + String(repeating: ")", count: $0) }),
        ("lists", { String(repeating: "[", count: $0) + String(repeating: "]", count: $0) }),
        ("maps", { String(repeating: "{'k': ", count: $0) + "1" + String(repeating: "}", count: $0) }),
        ("calls", { String(repeating: "f(", count: $0) + String(repeating: ")", count: $0) }),
        ("bangs", { String(repeating: "!", count: $0) + "a" }),
        ("minuses", { String(repeating: "-", count: $0) + "a" }),
        ("nots", { String(repeating: "not ", count: $0) + "a" }),
        ("selects", { "a" + String(repeating: ".b", count: $0) }),
        ("optional selects", { "a" + String(repeating: "?.b", count: $0) }),
        ("method calls", { "a" + String(repeating: ".f()", count: $0) }),
        ("indexes", { "a" + String(repeating: "[0]", count: $0) }),
        ("sums", { "a" + String(repeating: " + a", count: $0) }),
        ("ors", { "a" + String(repeating: " or a", count: $0) }),
        ("coalesces", { "a" + String(repeating: " ?? a", count: $0) }),
        ("conditionals", { String(repeating: "a ? b : ", count: $0) + "c" }),
    ]

    @Test(arguments: nestings)
    func depthLimit(name: String, build: @Sendable (Int) -> String) {
        let atLimit = Parser.parse(build(128))
        #expect(atLimit.diagnostics == [], "\(name) at 128")
        #expect(atLimit.expr != nil)
        let pastLimit = Parser.parse(build(129))
        #expect(pastLimit.expr == nil)
        #expect(pastLimit.diagnostics.count == 1, "\(name) at 129")
        #expect(pastLimit.diagnostics.first?.code == DiagnosticCode.tooDeep)
        #expect(pastLimit.diagnostics.first?.message == "expression nests too deeply: more than 128 levels")
    }

    @Test func depthErrorPointsAtTheLevelPastTheLimit() {
        let source = String(repeating: "(", count: 129) + "1" + String(repeating: ")", count: 129)
        #expect(Parser.parse(source).diagnostics.map(\.description) == ["128..<129: \(Self.tooDeep)"])
        let bangs = String(repeating: "!", count: 129) + "a"
        #expect(Parser.parse(bangs).diagnostics.map(\.description) == ["128..<129: \(Self.tooDeep)"])
    }

    @Test func levelsOfDifferentKindsAddUp() {
        #expect(
            Parser.parse(String(repeating: "-(", count: 64) + "1" + String(repeating: ")", count: 64)).diagnostics == []
        )
        #expect(
            Parser.parse(String(repeating: "-(", count: 65) + "1" + String(repeating: ")", count: 65)).diagnostics.map(
                \.code) == [DiagnosticCode.tooDeep])
    }

    @Test func hostileNestingIsOneErrorAndNoCrash() {
        for opener in ["(", "[", "!", "-", "{'a':", "f(", "a ? b : "] {
            let source = String(repeating: opener, count: 60_000 / opener.utf8.count)
            let result = Parser.parse(source)
            #expect(result.expr == nil)
            #expect(result.diagnostics.map(\.code) == [DiagnosticCode.tooDeep], "\(opener)")
        }
    }

    /// A list, map or argument list with `count` entries.
    static let sequences: [(String, @Sendable (Int) -> String, String)] = [
        ("list", { "[" + Array(repeating: "1", count: $0).joined(separator: ", ") + "]" }, "list entries"),
        ("list with trailing comma", { "[" + String(repeating: "1,", count: $0) + "]" }, "list entries"),
        ("map", { "{" + (0..<$0).map { "'k\($0)': 1" }.joined(separator: ", ") + "}" }, "map entries"),
        ("arguments", { "f(" + Array(repeating: "1", count: $0).joined(separator: ", ") + ")" }, "arguments"),
        ("method arguments", { "a.f(" + Array(repeating: "1", count: $0).joined(separator: ",") + ")" }, "arguments"),
    ]

    @Test(arguments: sequences)
    func entryLimit(name: String, build: @Sendable (Int) -> String, plural: String) {
        let atLimit = Parser.parse(build(512))
        #expect(atLimit.diagnostics == [], "\(name) at 512")
        let pastLimit = Parser.parse(build(513))
        #expect(pastLimit.expr == nil)
        #expect(pastLimit.diagnostics.map(\.message) == ["too many \(plural): at most 512 are allowed"])
        #expect(pastLimit.diagnostics.map(\.code) == [DiagnosticCode.tooManyEntries])
    }

    @Test func entryLimitPointsAtTheFirstEntryPastIt() {
        let source = "[" + String(repeating: "1,", count: 513) + "]"
        // Entry 513 starts at 1 + 512 * 2.
        #expect(Parser.parse(source).diagnostics.map(\.span) == [Span(1025, 1026)])
    }

    @Test func lengthLimit() {
        // A string literal: two quotes around the rest.
        let atLimit = "'" + String(repeating: "x", count: Parser.maximumLength - 2) + "'"
        #expect(atLimit.utf8.count == 65_536)
        #expect(Parser.parse(atLimit).diagnostics == [])
        let pastLimit = "'" + String(repeating: "x", count: Parser.maximumLength - 1) + "'"
        #expect(
            Parser.parse(pastLimit).diagnostics.map(\.description) == [
                "65536..<65537: error: expression is too long: 65537 bytes, the limit is 65536 (64 KiB) [too-long]"
            ])
        #expect(
            Parser.parse(String(repeating: "a + ", count: 1_000_000)).diagnostics.map(\.code) == [
                DiagnosticCode.tooLong
            ])
    }

    @Test func longFlatExpressionsWithinTheLimits() {
        // 500 entries of 120 terms each: long, but neither deep nor wide.
        let entry = "a" + String(repeating: " + a", count: 119)
        let source = "[" + Array(repeating: entry, count: 100).joined(separator: ", ") + "]"
        #expect(source.utf8.count < Parser.maximumLength)
        let result = Parser.parse(source)
        #expect(result.diagnostics == [])
    }
}
