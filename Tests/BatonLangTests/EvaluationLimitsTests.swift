import Testing

@testable import BatonLang

/// The bounds on one evaluation (README "Limits"): a few bytes of rule must
/// not build gigabytes or run for hours. Each limit at its boundary: one
/// under passes, one over gives the documented error, and fast.
@Suite struct EvaluationLimitsTests {
    /// Evaluates `source` schema-free with `s` and `l` bound.
    static func evaluate(
        _ source: String, s: Value = .null, l: Value = .null, budget: Int = 1_000_000
    ) throws -> String {
        let environment = Environment.dynamic(variables: ["s", "l"])
        let program = try #require(environment.compile(source).program, "\(source)")
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        activation.bind(s, toSlot: 0)
        activation.bind(l, toSlot: 1)
        activation.stepBudget = budget
        switch program.evaluate(activation) {
        case .error(let error): return "error: \(error.message)"
        case .int(let number): return "\(number)"
        case .bool(let flag): return "\(flag)"
        case let value: return value.typeName
        }
    }

    /// `base` followed by `count` times `step`: chained comprehensions that
    /// double a value per step when nothing bounds them.
    static func chain(_ base: String, _ step: String, _ count: Int) -> String {
        base + String(repeating: step, count: count)
    }

    /// Evaluates `source` as `evaluate` does and expects it to finish within seconds.
    static func evaluateQuickly(_ source: String) throws -> String {
        let clock = ContinuousClock()
        var result = ""
        let elapsed = try clock.measure { result = try evaluate(source) }
        #expect(elapsed < .seconds(5), "\(source.prefix(40))… took \(elapsed)")
        return result
    }

    @Test func doublingAStringStopsAt16MiB() throws {
        #expect(
            try Self.evaluateQuickly(Self.chain("[\"x\"]", ".map(a, a + a)", 40) + "[0].size()")
                == "error: '+' would build a string longer than 16777216 bytes (16 MiB)")
    }

    @Test func stringConcatenationAtTheLimit() throws {
        let almost = Value.string(String(repeating: "x", count: Value.maximumStringBytes - 1))
        #expect(try Self.evaluate("(s + \"y\").size()", s: almost) == "16777216")
        #expect(
            try Self.evaluate("(s + \"yz\").size()", s: almost)
                == "error: '+' would build a string longer than 16777216 bytes (16 MiB)")
    }

    @Test func joinAtTheLimit() throws {
        let mebibyte = Value.string(String(repeating: "x", count: 1 << 20))
        let sixteen = Value.list(Array(repeating: mebibyte, count: 16))
        #expect(try Self.evaluate("l.join(\"\").size()", l: sixteen) == "16777216")
        #expect(
            try Self.evaluate("l.join(\"-\").size()", l: sixteen)
                == "error: 'join' would build a string longer than 16777216 bytes (16 MiB)")
    }

    @Test func doublingAListStopsAtAMillionElements() throws {
        #expect(
            try Self.evaluate(Self.chain("[[1]]", ".map(a, a + a)", 40) + "[0].size()")
                == "error: '+' would build a list of more than 1000000 elements")
        let half = Value.list(Array(repeating: .int(1), count: Value.maximumListElements / 2))
        #expect(try Self.evaluate("(l + l).size()", l: half) == "1000000")
        #expect(
            try Self.evaluate("(l + l + [1]).size()", l: half)
                == "error: '+' would build a list of more than 1000000 elements")
    }

    /// Lists share their elements, so `[a, a]` doubles the size of a value
    /// in one step: what `map` keeps is counted against the step budget.
    @Test func sharedValuesOfExponentialSizeRunOutOfBudget() throws {
        #expect(
            try Self.evaluateQuickly(Self.chain("[1]", ".map(a, [a, a])", 60) + " == []")
                == "error: evaluation step budget of 1000000 exceeded")
    }

    /// `map` pays one step per element visited plus the size of what it keeps:
    /// here 10 elements, each kept as 25,600 bytes of string (100 steps).
    @Test func mapResultsCountAgainstTheBudget() throws {
        let ten = Value.list(Array(repeating: .int(1), count: 10))
        let text = Value.string(String(repeating: "x", count: 25_600))
        #expect(try Self.evaluate("l.map(x, s).size()", s: text, l: ten, budget: 1_010) == "10")
        #expect(
            try Self.evaluate("l.map(x, s).size()", s: text, l: ten, budget: 1_009)
                == "error: evaluation step budget of 1009 exceeded")
    }

    @Test func listsBuiltByMapAndFilterAtTheLimit() throws {
        let environment = Environment.dynamic(variables: ["l"])
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        #expect(activation.maximumListSize == 100_000)
        activation.maximumListSize = 10
        for (name, source) in [("map", "l.map(x, x).size()"), ("filter", "l.filter(x, true).size()")] {
            let program = try #require(environment.compile(source).program)
            activation.bind(.list(Array(repeating: .int(1), count: 10)), toSlot: 0)
            #expect(program.evaluate(activation).deepEquals(.int(10)))
            activation.bind(.list(Array(repeating: .int(1), count: 11)), toSlot: 0)
            guard case .error(let error) = program.evaluate(activation) else {
                Issue.record("\(name) built a list past the limit")
                continue
            }
            #expect(error.message == "'\(name)' would build a list of more than 10 elements")
        }
    }

    @Test func stepBudgetStopsNestedComprehensionsAtTheBoundary() throws {
        let hundred = Value.list(Array(repeating: .int(1), count: 100))
        // 100 outer steps and 100 × 100 inner ones.
        #expect(try Self.evaluate("l.all(a, l.all(b, true))", l: hundred, budget: 10_100) == "true")
        #expect(
            try Self.evaluate("l.all(a, l.all(b, true))", l: hundred, budget: 10_099)
                == "error: evaluation step budget of 10099 exceeded")
    }

    @Test func writingAValueOverTheLimitIsRefused() throws {
        // `[1,1,…]` with 10 ones is 21 bytes.
        let ten = Value.list(Array(repeating: .int(1), count: 10))
        var writer = JSONWriter()
        try writer.writeValue(ten, style: .expr, maximumBytes: 21)
        #expect(writer.text == "[1,1,1,1,1,1,1,1,1,1]")
        var over = JSONWriter()
        #expect(throws: EvalError("the value is too large to write: more than 20 bytes of JSON")) {
            try over.writeValue(ten, style: .expr, maximumBytes: 20)
        }
    }

    /// 2⁴⁰ ones in a few hundred bytes of memory: refused after the limit, not written whole.
    @Test func writingAHugeSharedValueStopsAtTheLimit() throws {
        var value = Value.list([.int(1)])
        for _ in 0..<40 { value = .list([value, value]) }
        var writer = JSONWriter()
        #expect(throws: EvalError.self) { try writer.writeValue(value, style: .expr, maximumBytes: 1 << 16) }
        #expect(writer.bytes.count < 1 << 17)
        #expect(JSONWriter.maximumValueBytes == 64 << 20)
    }
}
