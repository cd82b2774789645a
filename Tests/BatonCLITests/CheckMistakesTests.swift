import Testing

/// `baton check` on a ruleset full of mistakes an author makes: each one a
/// diagnostic at the YAML file's line and column with a stable code, all of
/// them in one run (Fixtures/mistakes/rules.yaml).
@Suite struct CheckMistakesTests {
    static let fixture = "Tests/BatonCLITests/Fixtures/mistakes"

    @Test func everyMistakeIsReportedAtOnceWithItsCode() throws {
        let result = try BatonProcess.run(["check", "--rules", Self.fixture, "--format", "json"])
        #expect(result.status == 1)
        let file = Self.fixture + "/rules.yaml"
        #expect(
            result.stdout == """
                [
                  {"file":"\(file)","line":12,"column":17,"end_column":34,"severity":"warning","message":"comparing string with int is always false","code":"incomparable-types"},
                  {"file":"\(file)","line":15,"column":20,"end_column":25,"severity":"error","message":"expected a number (int or double), got string","code":"type-mismatch"},
                  {"file":"\(file)","line":17,"column":19,"end_column":31,"severity":"error","message":"expected a number (int or double), got string","code":"type-mismatch"},
                  {"file":"\(file)","line":19,"column":40,"end_column":44,"severity":"warning","message":"this condition is always true: an operand of '||' is the literal true","code":"constant-condition"},
                  {"file":"\(file)","line":22,"column":17,"end_column":22,"severity":"warning","message":"this condition is always false: an operand of '&&' is the literal false","code":"constant-condition"},
                  {"file":"\(file)","line":25,"column":36,"end_column":47,"severity":"error","message":"invalid regular expression: missing closing ')' at offset 0 of the pattern","code":"invalid-regex"},
                  {"file":"\(file)","line":28,"column":36,"end_column":44,"severity":"error","message":"invalid regular expression: backreferences are not supported at offset 3 of the pattern","code":"invalid-regex"}
                ]

                """)
    }

    @Test func textDiagnosticsPointAtTheCause() throws {
        let result = try BatonProcess.run(["check", "--rules", Self.fixture])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                Tests/BatonCLITests/Fixtures/mistakes/rules.yaml:19:40: warning: this condition is always true: an operand of '||' is the literal true
                          when: lead.employees > 10 || true
                                                       ^~~~
                """))
        #expect(result.stdout == "4 errors, 3 warnings\n")
    }
}
