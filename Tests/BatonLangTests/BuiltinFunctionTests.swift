import Testing

@testable import BatonLang

/// Every built-in function, in global and receiver form, and every macro.
@Suite struct BuiltinFunctionTests {
    @Test(arguments: [
        ("size(\"héllo\")", "int:5"), ("\"e\\u0301\".size()", "int:2"), ("size([1, 2])", "int:2"),
        ("size({\"a\": 1})", "int:1"), ("size(\"\")", "int:0"),
        ("int(\"12\")", "int:12"), ("int(\"-12\")", "int:-12"), ("int(2.9)", "int:2"), ("int(-2.9)", "int:-2"),
        ("int(\"1.5\")", "error: int(): not an integer: \"1.5\""),
        ("int(\"x\")", "error: int(): not an integer: \"x\""),
        ("int(\"9223372036854775808\")", "error: int(): not an integer: \"9223372036854775808\""),
        ("int(1e19)", "error: int(): 1e+19 is out of the int range"), ("int(7)", "int:7"),
        ("double(2)", "double:2"), ("double(\"2.5\")", "double:2.5"),
        ("double(\"nan\")", "error: double(): not a number: \"nan\""),
        ("string(1.0)", "string:1"), ("string(0.5)", "string:0.5"), ("string(12)", "string:12"),
        ("string(true)", "string:true"),
        ("string([1, \"a\", null])", "string:[1,\"a\",null]"), ("string({\"k\": 2.50})", "string:{\"k\":2.5}"),
        ("string(1h)", "string:3600s"), ("string(500ms)", "string:0.5s"), ("string(\"x\")", "string:x"),
        ("string(timestamp(\"2026-11-25T10:00:00+02:00\"))", "string:2026-11-25T08:00:00Z"),
        ("\"Hello\".contains(\"ell\")", "bool:true"), ("contains(\"Hello\", \"L\")", "bool:false"),
        ("\"Hello\".startsWith(\"He\")", "bool:true"), ("\"Hello\".endsWith(\"lo\")", "bool:true"),
        ("\"e\\u0301\".contains(\"é\")", "bool:false"), ("\"\".contains(\"\")", "bool:true"),
        ("\"VP Sales\".matches(\"(?i)^vp\\\\b\")", "bool:true"), ("matches(\"abc\", \"^b\")", "bool:false"),
        ("\"Straße\".upper()", "string:STRASSE"), ("\"ÀÉÎ\".lower()", "string:àéî"), ("upper(\"abc\")", "string:ABC"),
        ("\"\\u00a0\\u2003 hi\\t\\n\".trim()", "string:hi"), ("\"   \".trim()", "string:"),
        ("\"a,b,,c\".split(\",\")", "list:[\"a\",\"b\",\"\",\"c\"]"),
        ("\"héllo\".split(\"\")", "list:[\"h\",\"é\",\"l\",\"l\",\"o\"]"),
        ("\"a--b\".split(\"--\")", "list:[\"a\",\"b\"]"), ("[\"a\", \"b\"].join(\"-\")", "string:a-b"),
        ("join([\"a\", \"b\"])", "string:ab"),
        ("\"Ana.Souza@Globex.COM\".domain()", "string:globex.com"),
        ("\"a@b@mail.acme.io\".domain()", "string:mail.acme.io"),
        ("\"https://www.Acme.com:8080/x?y\".domain()", "string:acme.com"),
        ("\"http://user@sub.acme.com/\".domain()", "string:sub.acme.com"),
        ("\"www.acme.co.uk/about\".domain()", "string:acme.co.uk"), ("\"not an address\".domain()", "null:null"),
        ("\"ana@\".domain()", "null:null"),
        ("abs(-3)", "int:3"), ("abs(-2.5)", "double:2.5"),
        ("abs(-9223372036854775807 - 1)", "error: integer overflow: abs(-9223372036854775808)"),
        ("floor(2.7)", "int:2"), ("floor(-2.1)", "int:-3"), ("ceil(2.1)", "int:3"), ("round(2.5)", "int:3"),
        ("round(-2.5)", "int:-3"), ("round(2.4)", "int:2"), ("round(7)", "int:7"),
        ("round(1e300)", "error: round(): 1e+300 is out of the int range"),
        ("min(3, 1, 2)", "int:1"), ("max(3, 1.5)", "double:3"), ("min([2.5, 1])", "double:1"), ("max([4, 9])", "int:9"),
        ("min([])", "error: min() of an empty list"), ("sum([])", "int:0"), ("sum([1, 2.5])", "double:3.5"),
        ("sum([1, 2])", "int:3"),
        ("[1, 2].sum()", "int:3"), ("sum([9223372036854775807, 1])", "error: integer overflow in sum()"),
        ("clamp(15, 0, 10)", "int:10"), ("clamp(-1, 0, 10)", "int:0"), ("clamp(5, 0.5, 10)", "double:5"),
        ("clamp(1, 10, 0)", "error: clamp() needs lo <= hi, got 10 and 0"),
        ("days_since(now - 36h)", "double:1.5"), ("hours_since(now - 90m)", "double:1.5"),
        ("(now - 1d).days_since()", "double:1"),
        ("[1, 2].first()", "int:1"), ("last([1, 2])", "int:2"), ("[].first()", "null:null"),
        ("timestamp(\"2026-11-25T10:00:00Z\")", "timestamp:2026-11-25T10:00:00Z"),
        (
            "timestamp(\"2026-11-25T10:00:00\")",
            "error: timestamp(): timestamp without an offset: \"2026-11-25T10:00:00\""
        ),
        ("duration(\"36h\")", "duration:129600s"), ("duration(\"30d\")", "duration:2592000s"),
        ("duration(\"1h30m\")", "duration:5400s"),
        ("duration(\"soon\")", "error: duration(): not a duration: \"soon\""),
    ])
    func function(source: String, expected: String) {
        #expect(LanguageFixture.run(source) == expected, "\(source)")
    }

    @Test(arguments: [
        ("lead.events.exists(e, e.type == \"form_submit\" && e.form == \"demo\")", "bool:true"),
        ("lead.events.all(e, e.at < now)", "bool:true"),
        ("lead.events.exists_one(e, e.type == \"form_submit\")", "bool:true"),
        ("[1, 1].exists_one(x, x == 1)", "bool:false"), ("lead.events.count(e, e.type == \"page_view\")", "int:1"),
        ("lead.events.map(e, e.type)", "list:[\"page_view\",\"form_submit\"]"),
        ("[1, 2, 3].map(x, x > 1, x * 10)", "list:[20,30]"), ("[1, 2, 3].filter(x, x % 2 == 1)", "list:[1,3]"),
        ("[1, 2, 3].sum(x, x * 2)", "int:12"), ("[1, 2].sum(x, x / 2)", "double:1.5"), ("[].sum(x, x)", "int:0"),
        ("{\"a\": 1, \"b\": 2}.map(k, k + \"!\")", "list:[\"a!\",\"b!\"]"),
        ("{\"a\": 1}.exists(k, k == \"a\")", "bool:true"),
        ("[[1, 2], [3]].map(l, l.map(x, x + 1))", "list:[[2,3],[4]]"),
        ("[[1], [2, 3]].exists(l, l.exists(x, x == 3))", "bool:true"),
        // all/exists combine per element as && / ||: an error on one element is absorbed when another decides.
        ("[0, 1].all(x, 1 / x > 2)", "bool:false"), ("[1, 0].exists(x, 1 / x > 0)", "bool:true"),
        ("[0, 1].all(x, 1 / x > 0)", "error: division by zero"),
        ("[0, 1].exists(x, 1 / x > 2)", "error: division by zero"),
        ("[0, 1].count(x, 1 / x > 0)", "error: division by zero"), ("[1, 0].map(x, 1 / x)", "error: division by zero"),
        ("tables.regions.all(k, tables.regions[k])", "error: the condition of 'all' must be bool, got string"),
        ("[1, 2].all(x, x)", "non-bool-condition: the condition of 'all' must be bool, got int"),
    ])
    func macro(source: String, expected: String) {
        #expect(LanguageFixture.run(source) == expected, "\(source)")
    }

    @Test func stepBudgetStopsRunawayComprehensions() throws {
        let environment = Environment.dynamic(variables: ["l"])
        let program = try #require(environment.compile("l.all(x, l.all(y, l.all(z, true)))").program)
        let activation = Activation(environment: environment, now: LanguageFixture.now)
        #expect(activation.stepBudget == 1_000_000)
        activation.stepBudget = 1_000
        // 10 + 100 + 1000 steps.
        activation.bind(.list(Array(repeating: .int(1), count: 10)), toSlot: 0)
        guard case .error(let error) = program.evaluate(activation) else {
            Issue.record("expected the budget to run out")
            return
        }
        #expect(error.message == "evaluation step budget of 1000 exceeded")
        activation.stepBudget = 1_110
        #expect(program.evaluate(activation).deepEquals(.bool(true)))
    }

    @Test func listCapStopsHugeMaps() throws {
        let environment = Environment.dynamic(variables: ["l"])
        let program = try #require(environment.compile("l.map(x, x)").program)
        let activation = Activation(environment: environment, now: LanguageFixture.now)
        activation.maximumListSize = 10
        activation.bind(.list(Array(repeating: .int(1), count: 11)), toSlot: 0)
        #expect(
            LanguageFixture.describe(program.evaluate(activation))
                == "error: 'map' would build a list of more than 10 elements")
    }

    /// Every function is registered once with both sides, and both forms are accepted.
    @Test func everyDocumentedFunctionIsRegistered() {
        let documented = [
            "size", "int", "double", "string", "contains", "startsWith", "endsWith", "matches", "lower", "upper",
            "trim",
            "split", "join", "domain", "abs", "floor", "ceil", "round", "min", "max", "sum", "clamp", "days_since",
            "hours_since", "first", "last", "timestamp", "duration",
        ]
        #expect(Set(Builtins.byName.keys) == Set(documented))
    }
}

/// `s.lower().contains(literal)` takes a byte-level path for ASCII text; it must agree with the general one.
@Suite struct LowerThenTestTests {
    @Test(arguments: [
        ("VP Sales", "lead.title.lower().contains(\"vp\")", "bool:true"),
        ("VP Sales", "lead.title.lower().startsWith(\"vp s\")", "bool:true"),
        ("VP Sales", "lead.title.lower().endsWith(\"sales\")", "bool:true"),
        ("VP Sales", "lead.title.lower().endsWith(\"vp\")", "bool:false"),
        ("VP Sales", "lead.title.lower().contains(\"VP\")", "bool:false"),
        ("VP Sales", "lead.title.lower().contains(\"\")", "bool:true"),
        ("V", "lead.title.lower().contains(\"vp\")", "bool:false"),
        ("GROSSE VP", "lead.title.lower().contains(\"große\")", "bool:false"),
        ("Größe VP", "lead.title.lower().contains(\"vp\")", "bool:true"),
        ("ÉVP", "lead.title.lower().startsWith(\"é\")", "bool:true"),
    ])
    func agreesWithTheGeneralPath(title: String, source: String, expected: String) {
        let lead = LanguageFixture.sampleLead(overriding: ["title": .string(title)])
        #expect(LanguageFixture.run(source, lead: lead) == expected, "\(source) on \(title)")
    }

    @Test func nullTextIsNamed() {
        let lead = LanguageFixture.sampleLead(overriding: ["title": .null])
        #expect(
            LanguageFixture.run("lead.title.lower().contains(\"vp\")", lead: lead)
                == "error: null operand: lead.title is null")
    }
}
