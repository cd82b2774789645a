import Testing

@testable import BatonLang

/// Random text and random token sequences: the lexer and parser always give a
/// tree or diagnostics, never both, never neither, never a crash; and every
/// tree survives a round trip through `parenthesized`.
@Suite struct ParserFuzzTests {
    /// SplitMix64: a small, fixed-seed generator so that failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
    }

    /// Checks the contract of `Parser.parse` on one input.
    private func check(_ source: String) {
        let result = Parser.parse(source)
        if let expr = result.expr {
            #expect(result.diagnostics.isEmpty, "\(source.debugDescription)")
            let printed = expr.parenthesized
            let reparsed = Parser.parse(printed)
            #expect(reparsed.expr?.parenthesized == printed, "\(source.debugDescription) printed as \(printed)")
        } else {
            #expect(!result.diagnostics.isEmpty, "\(source.debugDescription)")
        }
        let sourceLength = source.utf8.count
        for diagnostic in result.diagnostics {
            #expect(
                diagnostic.span.start >= 0 && diagnostic.span.start <= diagnostic.span.end, "\(source.debugDescription)"
            )
            #expect(diagnostic.span.end <= sourceLength, "\(source.debugDescription)")
        }
    }

    private static let characters: [String] = [
        "a", "z", "_", "0", "1", "9", "x", "e", "E", "r", "b", "u", "U", "d", "h", "m", "s", "w", ".", "?", ":", "!",
        "=", "<", ">", "&", "|", "+", "-", "*", "/", "%", "(", ")", "[", "]", "{", "}", ",", "\"", "'", "\\", "`",
        " ", "\n", "\t", "#", "@", "é", "世", "😀", "“", "\u{0}", "\u{7F}",
    ]

    @Test func randomCharacters() {
        var generator = SeededGenerator(state: 0xBA70)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...24, using: &generator)
            var source = ""
            for _ in 0..<length { source += Self.characters.randomElement(using: &generator) ?? "" }
            check(source)
        }
    }

    private static let tokens: [String] = [
        "lead", "x", "f", "size", "true", "false", "null", "and", "or", "not", "in", "let", "if", "as",
        "0", "1_000", "0x1F", "9223372036854775808", "99999999999999999999", "3.5", ".5", "1e6", "2.5e-3", "30d",
        "12h", "1_000ms", "\"s\"", "'t'", "\"\"\"u\"\"\"", "'''v'''", "r\"\\d\"", "'\\n'", "'\\u00e9'", "'\\q'",
        "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "!", "??", "?", ":", ".", "?.",
        "[", "]", "(", ")", "{", "}", ",", "// c\n", "#",
    ]

    @Test func randomTokenSequences() {
        var generator = SeededGenerator(state: 0x5EED)
        for _ in 0..<4000 {
            let count = Int.random(in: 1...20, using: &generator)
            var source = ""
            for _ in 0..<count {
                source += Self.tokens.randomElement(using: &generator) ?? ""
                if Bool.random(using: &generator) { source += " " }
            }
            check(source)
        }
    }

    /// A random well-formed expression, at most `depth` levels of generation deep.
    private static func wellFormed(depth: Int, using generator: inout SeededGenerator) -> String {
        let leaves = [
            "lead.employees", "x", "42", "-7", "2.5", "30d", "'US'", "null", "true", "now", "-9223372036854775808",
        ]
        guard depth > 0, Int.random(in: 0..<4, using: &generator) != 0 else {
            return leaves.randomElement(using: &generator) ?? "x"
        }
        func sub(_ generator: inout SeededGenerator) -> String { wellFormed(depth: depth - 1, using: &generator) }
        switch Int.random(in: 0..<13, using: &generator) {
        case 0:
            let operators = ["||", "or", "&&", "and", "??", "+", "-", "*", "/", "%"]
            return "\(sub(&generator)) \(operators.randomElement(using: &generator) ?? "+") \(sub(&generator))"
        case 1:
            let relations = ["==", "!=", "<", "<=", ">", ">=", "in", "not in"]
            return "(\(sub(&generator)) \(relations.randomElement(using: &generator) ?? "==") \(sub(&generator)))"
        case 2: return "\(sub(&generator)) ? \(sub(&generator)) : \(sub(&generator))"
        // The word `not` cannot stand under a tighter operator: parenthesize it, or
        // put it where it may stand, at the start of an operand of `and` / `or`.
        case 3: return "(not \(sub(&generator)))"
        case 11:
            return "(not \(sub(&generator)) \(Bool.random(using: &generator) ? "and" : "or") not \(sub(&generator)))"
        case 4: return "!\(sub(&generator))"
        case 5: return "-\(sub(&generator))"
        case 6: return "(\(sub(&generator))).field"
        case 7: return "(\(sub(&generator)))?.f(\(sub(&generator)), \(sub(&generator)))"
        case 8: return "(\(sub(&generator)))[\(sub(&generator))]"
        case 9: return "[\(sub(&generator)), \(sub(&generator)),]"
        case 10: return "{\(sub(&generator)): \(sub(&generator))}"
        default: return "(\(sub(&generator)))"
        }
    }

    @Test func randomWellFormedExpressionsParseAndRoundTrip() {
        var generator = SeededGenerator(state: 0xC0FFEE)
        for _ in 0..<2000 {
            let source = Self.wellFormed(depth: 6, using: &generator)
            let result = Parser.parse(source)
            #expect(result.diagnostics == [], "\(source)")
            check(source)
        }
    }

    @Test func mutatedGrammarExamples() throws {
        var generator = SeededGenerator(state: 0xE8A)
        let examples = try GrammarTests.examples()
        for _ in 0..<3000 {
            var scalars = Array((examples.randomElement(using: &generator) ?? "x").unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let position = Int.random(in: 0...scalars.count, using: &generator)
                let replacement = Self.characters.randomElement(using: &generator)?.unicodeScalars.first ?? "x"
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < scalars.count: scalars.remove(at: position)
                case 1 where position < scalars.count: scalars[position] = replacement
                default: scalars.insert(replacement, at: position)
                }
            }
            var source = ""
            source.unicodeScalars.append(contentsOf: scalars)
            check(source)
            // Every prefix of a mutated example is an input too.
            check(String(source.prefix(Int.random(in: 0...source.count, using: &generator))))
        }
    }

    @Test func randomTemplates() {
        var generator = SeededGenerator(state: 0x7E3)
        let pieces = ["Hi ", "{{", "}}", "{{{{", "lead.name", " ?? ", "'x'", "'}}'", "\"", "{", "}", "é", " + ", "\n"]
        for _ in 0..<2000 {
            var source = ""
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                source += pieces.randomElement(using: &generator) ?? ""
            }
            let (parts, diagnostics) = TemplateParser.parse(source)
            for diagnostic in diagnostics {
                #expect(diagnostic.span.end <= source.utf8.count, "\(source.debugDescription)")
            }
            if diagnostics.isEmpty {
                // Without holes the text comes back unchanged but for `{{{{` escapes.
                let holes = parts.filter { if case .hole = $0 { true } else { false } }
                if holes.isEmpty, !source.contains("{{{{") {
                    #expect(parts == (source.isEmpty ? [] : [.text(source)]), "\(source.debugDescription)")
                }
            }
        }
    }
}
