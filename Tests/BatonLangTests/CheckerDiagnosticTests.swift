import Testing

@testable import BatonLang

/// Check-time diagnostics: exact code, message and span.
@Suite struct CheckerDiagnosticTests {
    static func diagnostics(_ source: String, expecting: ExpectedResult = .any) -> [String] {
        LanguageFixture.environment.compile(source, expecting: expecting).diagnostics.map { diagnostic in
            "\(diagnostic.span.start)-\(diagnostic.span.end) \(diagnostic.severity.rawValue) \(diagnostic.code): \(diagnostic.message)"
        }
    }

    @Test(arguments: [
        (
            "lead.employes >= 1000",
            "5-13 error unknown-field: unknown field 'employes' on lead; did you mean 'employees'?"
        ),
        ("lead.zzz", "5-8 error unknown-field: unknown field 'zzz' on lead"),
        ("has(lead.contry)", "9-15 error unknown-field: unknown field 'contry' on lead; did you mean 'country'?"),
        ("leed.country", "0-4 error unknown-variable: unknown variable 'leed'; did you mean 'lead'?"),
        ("lowr(lead.country)", "0-4 error unknown-function: unknown function 'lowr'; did you mean 'lower'?"),
        (
            "lead.country.startswith(\"U\")",
            "13-23 error unknown-function: unknown function 'startswith'; did you mean 'startsWith'?"
        ),
        ("\"a\" + 1", "0-7 error type-mismatch: cannot apply '+' to string and int"),
        ("lead.country - 1", "0-16 error type-mismatch: cannot apply '-' to string and int"),
        ("lead.employees % 2.0", "0-20 error type-mismatch: cannot apply '%' to int and double"),
        ("lead.country < 5", "0-16 error incomparable-types: cannot compare string with int using '<'"),
        ("lead.country == 5", "0-17 warning incomparable-types: comparing string with int is always false"),
        ("lead.employees", "0-14 error non-bool-condition: a condition must be bool, got int"),
        ("lead.country", "0-12 error type-mismatch: expected a number (int or double), got string"),
        ("lead.employees ? 1 : 2", "0-14 error non-bool-condition: the condition of '? :' must be bool, got int"),
        ("lead.employees && lead.active", "0-14 error type-mismatch: an operand of '&&' must be bool, got int"),
        (
            "lead.employees > 10 || true",
            "23-27 warning constant-condition: this condition is always true: an operand of '||' is the literal true"
        ),
        (
            "true or lead.active",
            "0-4 warning constant-condition: this condition is always true: an operand of '||' is the literal true"
        ),
        (
            "false && lead.active",
            "0-5 warning constant-condition: this condition is always false: an operand of '&&' is the literal false"
        ),
        (
            "lead.active and false",
            "16-21 warning constant-condition: this condition is always false: an operand of '&&' is the literal false"
        ),
        (
            "lead.active && true",
            "15-19 warning constant-condition: the literal true has no effect as an operand of '&&'"
        ),
        (
            "lead.active || false",
            "15-20 warning constant-condition: the literal false has no effect as an operand of '||'"
        ),
        ("!lead.country", "1-13 error type-mismatch: the operand of '!' must be bool, got string"),
        (
            "lead.country.matches(\"a(b\")",
            "21-26 error invalid-regex: invalid regular expression: missing closing ')' at offset 1 of the pattern"
        ),
        (
            "lead.events.all(lead, true)",
            "16-20 error shadowed-variable: 'lead' is already a name in scope; choose another name for the variable of 'all'"
        ),
        (
            "lead.tags.all(t, lead.tags.exists(t, true))",
            "34-35 error shadowed-variable: 't' is already a name in scope; choose another name for the variable of 'exists'"
        ),
        ("{1: \"a\"}", "1-2 error map-key-not-string: map keys must be strings, got int"),
        ("lead.tags.all(1, true)", "14-15 error invalid-macro: the first argument of 'all' must be a variable name"),
        (
            "lead.tags.all(t)",
            "0-16 error invalid-macro: 'all' takes 2 arguments (a variable name, then expressions), got 1"
        ),
        ("all(lead.tags, t, true)", "0-3 error invalid-macro: 'all' is a macro: write it as list.all(x, ...)"),
        ("has(lead)", "0-9 error invalid-macro: has() needs one field selection, like has(lead.phone)"),
        (
            "lead.country.contains()",
            "0-23 error wrong-argument-count: wrong number of arguments to 'contains': expected 1, got 0"
        ),
        ("size()", "0-6 error wrong-argument-count: wrong number of arguments to 'size': expected 1, got 0"),
        (
            "lead.employees.lower()",
            "0-22 error wrong-argument-type: wrong argument type for 'lower': got (int), expected (string)"
        ),
        (
            "min(lead.country, 1)",
            "0-20 error wrong-argument-type: wrong argument type for 'min': got (string, int), expected (int or double, int or double, ...)"
        ),
        ("lead.employees.all(x, true)", "0-14 error type-mismatch: 'all' ranges over a list or map, got int"),
        ("lead.tags[\"a\"]", "10-13 error type-mismatch: a list index must be an int, got string"),
        ("lead.employees.x", "15-16 error type-mismatch: int has no fields; cannot select 'x'"),
        ("lead.tags.sum(t, t)", "17-18 error type-mismatch: 'sum' adds numbers, got string"),
        ("lead.country in 5", "16-17 error type-mismatch: 'in' needs a list or map on its right, got int"),
    ])
    func reports(source: String, expected: String) {
        let expecting: ExpectedResult =
            source == "lead.employees" ? .condition : (source == "lead.country" ? .number : .any)
        #expect(Self.diagnostics(source, expecting: expecting) == [expected], "\(source)")
    }

    @Test func reportsEveryErrorInSourceOrder() {
        #expect(
            Self.diagnostics("lead.zzz + leed.x > \"a\" + 1") == [
                "5-8 error unknown-field: unknown field 'zzz' on lead",
                "11-15 error unknown-variable: unknown variable 'leed'; did you mean 'lead'?",
                "20-27 error type-mismatch: cannot apply '+' to string and int",
            ])
    }

    @Test func warningsComeWithAProgram() {
        let compilation = LanguageFixture.environment.compile("lead.country == 5")
        #expect(compilation.program != nil)
        #expect(compilation.diagnostics.count == 1)
    }

    @Test func dynamicModeChecksAtRunTime() {
        let environment = Environment.dynamic(variables: ["x"])
        let compilation = environment.compile("x.y + 1 > x.z", expecting: .condition)
        #expect(compilation.diagnostics.isEmpty)
        let program = compilation.program
        let activation = Activation(environment: environment, now: LanguageFixture.now)
        activation.bind(.map(MapValue([("y", .string("a")), ("z", .int(1))])), toSlot: 0)
        #expect(
            program.map { LanguageFixture.describe($0.evaluate(activation)) }
                == "error: cannot apply '+' to string and int")
        #expect(environment.slot(of: "x") == 0)
        #expect(environment.slot(of: "nope") == nil)
    }

    @Test func literalConditionsFoldToConstants() throws {
        let program = try #require(LanguageFixture.environment.compile("1 < 2 && \"a\" in [\"a\"]").program)
        #expect(program.constantValue.map(LanguageFixture.describe) == "bool:true")
        let other = try #require(LanguageFixture.environment.compile("lead.employees > 2").program)
        #expect(other.constantValue == nil)
        #expect(other.resultType == .bool)
    }
}
