import Testing

@testable import BatonLang

/// A small, fixed-seed generator (SplitMix64) so failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

@Suite("Regex against a reference backtracker")
struct RegexRandomizedTests {
    static let patternScalars: [Unicode.Scalar] = ["a", "b", "A", " ", "é", "É"]
    static let textScalars: [Unicode.Scalar] = ["a", "b", "A", " ", "\n", "é", "É", "😀"]

    static func randomPattern(depth: Int, using generator: inout SeededGenerator) -> RegexReferencePattern {
        let leafOnly = depth == 0
        switch Int.random(in: 0..<(leafOnly ? 6 : 11), using: &generator) {
        case 0, 1, 2:
            return .literal(patternScalars.randomElement(using: &generator)!)
        case 3:
            return .anyButNewline
        case 4:
            let members = (0..<Int.random(in: 1...2, using: &generator)).map { _ in
                patternScalars.randomElement(using: &generator)!
            }
            return .set(members, negated: Bool.random(using: &generator))
        case 5:
            return [.beginningOfText, .endOfText, .wordBoundary].randomElement(using: &generator)!
        case 6, 7:
            return .concatenation(
                (0..<Int.random(in: 2...3, using: &generator)).map { _ in
                    randomPattern(depth: depth - 1, using: &generator)
                })
        case 8:
            return .alternation(
                (0..<Int.random(in: 2...3, using: &generator)).map { _ in
                    randomPattern(depth: depth - 1, using: &generator)
                })
        case 9:
            let bounds: [(Int, Int?)] = [(0, nil), (1, nil), (0, 1), (2, nil), (2, 2), (0, 2), (1, 3)]
            let (minimum, maximum) = bounds.randomElement(using: &generator)!
            return .repetition(
                randomPattern(depth: depth - 1, using: &generator), minimum: minimum, maximum: maximum,
                lazy: Bool.random(using: &generator))
        default:
            return .caseInsensitive(randomPattern(depth: depth - 1, using: &generator))
        }
    }

    @Test func randomPatternsAgreeWithTheReference() throws {
        var generator = SeededGenerator(seed: 0xBA70_2026)
        var disagreements: [String] = []
        for _ in 0..<3_000 {
            let pattern = Self.randomPattern(depth: 3, using: &generator)
            let regex = try BatonRegex(pattern.rendered)
            for _ in 0..<8 {
                let length = Int.random(in: 0...7, using: &generator)
                let text = (0..<length).map { _ in Self.textScalars.randomElement(using: &generator)! }
                let expected = pattern.search(text)
                let textString = String(String.UnicodeScalarView(text))
                if regex.matches(textString) != expected {
                    disagreements.append(
                        "/\(pattern.rendered)/ on \(textString.debugDescription): expected \(expected)")
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10).joined(separator: "\n"))")
    }

    @Test func theReferenceItselfGetsKnownCasesRight() {
        let pattern = RegexReferencePattern.concatenation([
            .beginningOfText, .repetition(.literal("a"), minimum: 2, maximum: 3, lazy: false), .endOfText,
        ])
        #expect(pattern.rendered == "^a{2,3}$")
        #expect(!pattern.search(Array("a".unicodeScalars)))
        #expect(pattern.search(Array("aaa".unicodeScalars)))
        #expect(!pattern.search(Array("aaaa".unicodeScalars)))
        #expect(RegexReferencePattern.caseInsensitive(.literal("a")).search(Array("xA".unicodeScalars)))
    }
}
