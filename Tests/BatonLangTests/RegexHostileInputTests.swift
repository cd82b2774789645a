import Testing

@testable import BatonLang

/// Patterns that make a backtracking matcher take exponential time must finish
/// at once here; only the results are asserted, the suite's speed shows the rest.
@Suite("Regex hostile input")
struct RegexHostileInputTests {
    static let manyAs = String(repeating: "a", count: 30_000)

    @Test func nestedPlusAgainstALongRunThatFailsAtTheEnd() throws {
        let regex = try BatonRegex("(a+)+$")
        #expect(!regex.matches(Self.manyAs + "b"))
        #expect(regex.matches(Self.manyAs))
    }

    @Test func nestedPlusAnchoredAtBothEnds() throws {
        #expect(try !BatonRegex("^(a+)+$").matches(Self.manyAs + "b"))
    }

    @Test func overlappingPlusesBeforeAMissingLetter() throws {
        let regex = try BatonRegex("(x+x+)+y")
        let text = String(repeating: "x", count: 30_000)
        #expect(!regex.matches(text))
        #expect(regex.matches(text + "y"))
    }

    @Test func alternationOfOverlappingBranches() throws {
        #expect(try !BatonRegex("^(a|aa|a?a)*c$").matches(Self.manyAs))
    }

    @Test func nestedCountedRepetitionNearTheSizeLimit() throws {
        let regex = try BatonRegex("(?:a{0,30}){0,30}b")
        #expect(!regex.matches(String(repeating: "a", count: 500)))
    }

    @Test func longLiteralAgainstARepetitiveText() throws {
        let needle = String(repeating: "a", count: 2_000) + "b"
        #expect(try !BatonRegex(needle).matches(Self.manyAs))
        #expect(try BatonRegex(needle).matches(Self.manyAs + "b"))
    }

    @Test func deeplyNestedGroupsUpToTheLimit() throws {
        let depth = RegexParser.maximumNestingDepth
        let pattern = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        #expect(try BatonRegex(pattern).matches("a"))
    }

    @Test func aProgramAtTheSizeLimitCompiles() throws {
        let regex = try BatonRegex("(?:a{1000}){10}")
        #expect(!regex.matches("aaa"))
    }

    @Test func oneCompiledPatternIsSharedAcrossTasks() async throws {
        let regex = try BatonRegex("(?i)\\b(ceo|founder)\\b")
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<16 {
                group.addTask {
                    let text = index.isMultiple(of: 2) ? "Co-Founder at Acme" : "Foundering ship"
                    return (0..<200).allSatisfy { _ in regex.matches(text) == index.isMultiple(of: 2) }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 16))
    }

    /// The catastrophic-backtracking classics through `matches()` on 100 KB
    /// of text: a backtracking engine would not finish; this one is linear.
    @Test(arguments: ["(a+)+$", "^(a|a)*$", "(a*)*b", "^(\\w+\\s?)*$", "(.*a){20}"])
    func catastrophicPatternOnAHundredKilobytes(pattern: String) throws {
        let environment = Environment.dynamic(variables: ["s"])
        let program = try #require(environment.compile("s.matches(r\"\(pattern)\")").program)
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        activation.bind(.string(String(repeating: "a", count: 100_000) + "!"), toSlot: 0)
        let clock = ContinuousClock()
        var result = Value.null
        let elapsed = clock.measure { result = program.evaluate(activation) }
        guard case .bool = result else {
            Issue.record("\(pattern): \(result)")
            return
        }
        #expect(elapsed < .seconds(5), "\(pattern) took \(elapsed)")
    }
}
