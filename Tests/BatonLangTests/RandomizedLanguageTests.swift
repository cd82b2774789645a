import Testing

@testable import BatonLang

/// Random token sequences and random well-formed expressions through parse,
/// check, compile and evaluate: a value or diagnostics, never a crash.
@Suite struct RandomizedLanguageTests {
    /// A small deterministic generator (SplitMix64).
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let tokens = [
        "lead", "tables", "now", "x", "e", ".", "?.", "employees", "country", "tags", "events", "type", "title",
        "(", ")", "[", "]", "{", "}", ",", ":", "?", "??", "+", "-", "*", "/", "%", "==", "!=", "<", ">=", "&&", "||",
        "!", "not", "in", "and", "or", "0", "1", "-1", "2.5", "9223372036854775807", "\"a\"", "'VP'", "\"\"", "null",
        "true", "false", "30d", "1h", "size", "lower", "contains", "matches", "\"(\"", "\"^a+$\"", "min", "max", "int",
        "string", "domain", "split", "join", "first", "all", "exists", "map", "filter", "count", "sum", "has",
        "exists_one", "timestamp", "duration", "days_since", "clamp", "round", "abs",
    ]

    /// Checks one text in both the typed and the dynamic environment; returns whether any compiled.
    static func exercise(_ source: String) -> Bool {
        var compiled = false
        let dynamic = Environment.dynamic(variables: ["lead", "tables", "x", "e"])
        for environment in [LanguageFixture.environment, dynamic] {
            let compilation = environment.compile(source, expecting: .condition)
            if let program = compilation.program {
                compiled = true
                #expect(!compilation.diagnostics.contains { $0.severity == .error })
                var activation = LanguageFixture.activation()
                if environment.variables.count == 4 {
                    let tables = activation.variable(1)
                    activation = Activation(environment: environment, now: LanguageFixture.now)
                    for (slot, value) in [LanguageFixture.sampleLead(), tables, .list([.int(1), .string("a")]), .null]
                        .enumerated()
                    {
                        activation.bind(value, toSlot: slot)
                    }
                }
                _ = program.evaluate(activation)
                _ = program.evaluateTraced(activation)
            } else {
                #expect(compilation.diagnostics.contains { $0.severity == .error }, "\(source)")
            }
        }
        return compiled
    }

    @Test func randomTokenSequences() {
        var generator = SeededGenerator(state: 2026)
        for _ in 0..<1500 {
            let count = Int.random(in: 1...14, using: &generator)
            let source = (0..<count).map { _ in Self.tokens.randomElement(using: &generator)! }.joined(separator: " ")
            _ = Self.exercise(source)
        }
    }

    /// Random expressions from the grammar, so that most compile and the evaluator is exercised.
    @Test func randomWellFormedExpressions() {
        var generator = SeededGenerator(state: 7)
        var compiledCount = 0
        for _ in 0..<1500 {
            let source = Self.expression(depth: 4, using: &generator)
            if Self.exercise(source) { compiledCount += 1 }
        }
        #expect(compiledCount > 200)
    }

    static func expression(depth: Int, using generator: inout SeededGenerator) -> String {
        let leaves = [
            "lead.employees", "lead.country", "lead.tags", "lead.events", "lead.annual_revenue", "lead.first_name",
            "lead.created_at", "now", "1", "0", "2.5", "\"US\"", "null", "true", "[1, 2]", "{\"a\": 1}", "1h",
            "tables.regions", "x", "lead.email",
        ]
        if depth == 0 || Int.random(in: 0..<4, using: &generator) == 0 {
            return leaves.randomElement(using: &generator)!
        }
        let a = expression(depth: depth - 1, using: &generator)
        let b = expression(depth: depth - 1, using: &generator)
        let c = expression(depth: depth - 1, using: &generator)
        let forms = [
            "(\(a) + \(b))", "(\(a) - \(b))", "(\(a) * \(b))", "(\(a) / \(b))", "(\(a) % \(b))", "(\(a) == \(b))",
            "(\(a) < \(b))", "(\(a) && \(b))", "(\(a) || \(b))", "(\(a) ? \(b) : \(c))", "(\(a) ?? \(b))",
            "(\(a) in \(b))", "!\(a)", "-\(a)", "size(\(a))", "string(\(a))", "\(a).lower()", "\(a).contains(\(b))",
            "[\(a), \(b)]", "\(a).all(v, \(b))", "\(a).exists(v, v == \(b))", "\(a).map(w, \(b))",
            "\(a).filter(w, \(b))", "\(a).count(w, \(b))", "\(a).sum(w, \(b))", "min(\(a), \(b))", "int(\(a))",
            "has(\(a).x)", "\(a)[\(b)]", "\(a)?.country", "\(a).first()", "double(\(a))", "round(\(a))",
        ]
        return forms.randomElement(using: &generator)!
    }
}

/// Hostile shapes: deep trees, huge literals, extreme clock values.
@Suite struct LanguageHostileInputTests {
    @Test func longOperatorChainsAreRefusedNotOverflowed() {
        let chain = Array(repeating: "1", count: 1_000).joined(separator: " + ")
        let compilation = LanguageFixture.environment.compile(chain)
        #expect(compilation.program == nil)
        #expect(compilation.diagnostics.map(\.code).contains(DiagnosticCode.tooDeep))
        let fine = Array(repeating: "1", count: 100).joined(separator: " + ")
        #expect(LanguageFixture.run(fine) == "int:100")
    }

    @Test func extremeClockValuesGiveErrorsNotTraps() throws {
        let program = try #require(LanguageFixture.environment.compile("(now + 1d) - lead.created_at").program)
        let activation = LanguageFixture.activation()
        activation.now = Timestamp(seconds: .max)
        #expect(LanguageFixture.describe(program.evaluate(activation)) == "error: timestamp out of range")
        let since = try #require(LanguageFixture.environment.compile("now - lead.created_at").program)
        activation.now = Timestamp(seconds: .min)
        #expect(LanguageFixture.describe(since.evaluate(activation)) == "error: duration out of range")
    }

    @Test func activationWithMissingValuesReadsNull() throws {
        let program = try #require(LanguageFixture.environment.compile("lead.employees ?? 7").program)
        // An activation made for an environment without variables.
        let activation = Activation(environment: Environment.dynamic(variables: []), now: LanguageFixture.now)
        #expect(LanguageFixture.describe(program.evaluate(activation)) == "error: null operand: lead is null")
    }
}
