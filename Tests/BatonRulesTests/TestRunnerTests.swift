import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// The fixture suites under Fixtures/testrunner: each a ruleset with its tests/ folder.
enum TestRunnerFixtures {
    static let directory = LoaderFixtures.testsDirectory + "/Fixtures/testrunner"
    static let now = Timestamp(seconds: 1_795_608_000)  // 2026-11-25T12:00:00Z

    static func ruleset(_ suite: String) throws -> Ruleset {
        try #require(RulesetLoader.load(path: directory + "/" + suite).ruleset)
    }

    static func suite(_ suite: String, defaultNow: Timestamp? = nil) throws -> TestSuite {
        TestSuiteLoader.load(rulesPath: directory + "/" + suite, ruleset: try ruleset(suite), defaultNow: defaultNow)
    }

    /// Runs every selected test and returns the printed text and the report.
    static func run(_ suiteName: String, defaultNow: Timestamp? = nil, filter: String? = nil) throws -> (
        text: String, report: TestReport
    ) {
        let suite = try suite(suiteName, defaultNow: defaultNow)
        #expect(suite.diagnostics.map { $0.rendered(color: false) } == [])
        let runner = TestRunner(ruleset: try ruleset(suiteName))
        var report = TestReport()
        var text = ""
        for test in suite.tests where TestRunner.selects(test, filter: filter) {
            text += report.record(runner.run(test))
        }
        return (text + report.summaryLine + "\n", report)
    }

    /// Diagnostics with the fixture folder removed from their paths.
    static func rendered(_ diagnostics: [RuleDiagnostic]) -> String {
        diagnostics.map { $0.rendered(color: false) + "\n" }.joined()
            .replacingOccurrences(of: directory + "/", with: "")
    }
}

@Suite struct TestRunnerTests {
    @Test func passingSuiteReportsOnlyTheSummary() throws {
        let (text, report) = try TestRunnerFixtures.run("passing", defaultNow: TestRunnerFixtures.now)
        #expect(text == "3 passed, 0 failed\n")
        #expect(report.passed == 3)
        #expect(report.failed == 0)
    }

    @Test func failingSuitePrintsExpectedAndActualForEveryDifferingKey() throws {
        let (text, report) = try TestRunnerFixtures.run("failing")
        let file = TestRunnerFixtures.directory + "/failing/tests/a-failing.yaml"
        #expect(
            text == """
                FAIL \(file):2: Every key differs
                  grade: expected A, got C
                  total: expected 12.5, got 0
                  route: expected owner ana, got queue small
                  handoff: expected handoff, got suppressed
                  suppressed_by: expected null, got unsubscribed
                  next_step: expected "Call F-1", got null
                  warnings: expected 0, got 1
                    scoring tiny: when: division by zero [eval-error]

                FAIL \(file):18: A range and a team that did not pick
                  total: expected at least 80.01, got 40
                  route: expected owner picked by team big-team, got owner ben (path: owner ana out_of_office until 2026-11-30, owner ben)

                FAIL \(file):30: Ana is back, so no backup
                  total: expected 0 to 5, got 10
                  route: expected owner ben, got owner ana

                3 passed, 3 failed

                """)
        #expect(report.failed == 3)
    }

    @Test func filterRunsTheTestsWhoseNameContainsTheText() throws {
        let (text, report) = try TestRunnerFixtures.run("failing", filter: "file")
        #expect(text == "2 passed, 0 failed\n")
        #expect(report.passed == 2)
        let (none, _) = try TestRunnerFixtures.run("failing", filter: "no such test")
        #expect(none == "0 passed, 0 failed\n")
    }

    @Test func testFilesAreReadInNameOrderAndTestsInFileOrder() throws {
        let suite = try TestRunnerFixtures.suite("failing")
        #expect(suite.files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a-failing.yaml", "b-more.yml"])
        #expect(suite.tests.map(\.name).last == "The second file runs too")
        #expect(suite.tests.map(\.line) == [2, 13, 18, 24, 30, 2])
    }

    @Test func everyProblemOfABrokenTestFileIsAnErrorAtItsPlace() throws {
        let suite = try TestRunnerFixtures.suite("broken")
        #expect(suite.tests.isEmpty)
        #expect(
            TestRunnerFixtures.rendered(suite.diagnostics) == """
                broken/tests/broken.yaml:2:5: error: tests[0]: no 'now' and no --now: give the test a time
                  - name: Misspelled keys
                    ^
                broken/tests/broken.yaml:3:5: error: unknown key 'nwo' in tests[0]; did you mean 'now'?
                    nwo: 2026-11-25T12:00:00Z
                    ^~~
                broken/tests/broken.yaml:7:7: error: unknown key 'handof' in tests[0].expect; did you mean 'handoff'?
                      handof: not_ready
                      ^~~~~~
                broken/tests/broken.yaml:8:5: error: tests[1]: no 'now' and no --now: give the test a time
                  - name: No time at all
                    ^
                broken/tests/broken.yaml:15:18: error: tests[2].lead: lead.employees: expected int, got string "many"
                      employees: many
                                 ^~~~
                broken/tests/broken.yaml:17:14: error: tests[2].expect.grade: unknown grade 'E' (the ruleset's grades: A, B, C)
                      grade: E
                             ^
                broken/tests/broken.yaml:18:23: error: tests[2].expect.route.owner: unknown owner 'bne'; did you mean 'ben'?
                      route: { owner: bne }
                                      ^~~
                broken/tests/broken.yaml:19:16: error: tests[2].expect.handoff: unknown value 'not-ready'; did you mean 'not_ready'? (expected one of: handoff, not_ready, suppressed)
                      handoff: not-ready
                               ^~~~~~~~~
                broken/tests/broken.yaml:20:14: error: tests[2].expect.total: 10.005 is not a whole number of hundredths (scores are exact to 0.01)
                      total: 10.005
                             ^~~~~~
                broken/tests/broken.yaml:22:10: error: tests[3].now: not an RFC 3339 timestamp: "yesterday"
                    now: yesterday
                         ^~~~~~~~~
                broken/tests/broken.yaml:23:16: error: tests[3].lead_file: cannot read broken/tests/../leads/missing.json: no such file (the path is relative to the test file)
                    lead_file: ../leads/missing.json
                               ^~~~~~~~~~~~~~~~~~~~~
                broken/tests/broken.yaml:24:13: error: tests[3].expect: expect at least one of grade, total, route, handoff, suppressed_by, next_step, warnings
                    expect: {}
                            ^

                """)
    }

    @Test func theCommandsNowServesTestsWithoutTheirOwn() throws {
        let suite = try TestRunnerFixtures.suite("broken", defaultNow: TestRunnerFixtures.now)
        let messages = suite.diagnostics.map(\.message)
        #expect(!messages.contains { $0.contains("no 'now'") })
        #expect(messages.count == 10)
    }

    @Test func aRulesetWithoutTestsFolderHasNoTests() throws {
        let folder = try LoaderFixtures.temporary([
            "rules.yaml":
                "ruleset: empty\nschema: { lead: { id: string! } }\nrouting:\n  fallback: { queue: q }\nqueues: [{ id: q }]\n"
        ])
        let ruleset = try #require(RulesetLoader.load(path: folder).ruleset)
        let suite = TestSuiteLoader.load(rulesPath: folder, ruleset: ruleset, defaultNow: nil)
        #expect(suite.files.isEmpty)
        #expect(suite.tests.isEmpty)
        #expect(suite.diagnostics.isEmpty)
        #expect(TestSuiteLoader.testsDirectory(forRules: folder + "/rules.yaml") == folder + "/tests")
    }

    @Test(arguments: [
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: [1], expect: { grade: C } }]",
            "t.yaml:1:53: error: tests[0].lead: expected a mapping of lead fields, got a list"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: 7 }, expect: { grade: C } }]",
            "t.yaml:1:59: error: tests[0].lead: lead.id: expected string, got number 7"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a, events: [{ type: demo, at: 2026-11-25T12:00:00 }] }, expect: { grade: C } }]",
            "t.yaml:1:89: error: tests[0].lead: lead.events[0].at: timestamp without an offset: \"2026-11-25T12:00:00\""
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { employees: 5 }, expect: { grade: C } }]",
            "t.yaml:1:53: error: tests[0].lead: lead.id: required field is missing"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a, employees: .inf }, expect: { grade: C } }]",
            "t.yaml:1:73: error: tests[0].lead: .inf is not a finite number"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a }, lead_file: a.json, expect: { grade: C } }]",
            "t.yaml:1:75: error: tests[0]: give 'lead' or 'lead_file', not both"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, expect: { grade: C } }]",
            "t.yaml:1:9: error: tests[0]: missing required key 'lead' (or 'lead_file')"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a }, expect: { route: { owner: ben, queue: small } } }]",
            "t.yaml:1:81: error: tests[0].expect.route: give exactly one of owner, team, queue"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a }, expect: { total: { min: 5, max: 1 } } }]",
            "t.yaml:1:81: error: tests[0].expect.total: min is above max"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a }, expect: { warnings: -1 } }]",
            "t.yaml:1:84: error: tests[0].expect.warnings: expected a count (0 or more), got -1"
        ),
        (
            "tests: [{ name: x, now: 2026-11-25T12:00:00Z, lead: { id: a }, expect: { suppressed_by: unsubscribd } }]",
            "t.yaml:1:89: error: tests[0].expect.suppressed_by: unknown suppress rule 'unsubscribd'; did you mean 'unsubscribed'?"
        ),
        ("tests: { name: x }", "t.yaml:1:8: error: tests: expected a list of tests, got a mapping"),
        ("test: []", "t.yaml:1:1: error: unknown key 'test'; did you mean 'tests'?"),
        (
            "tests: [1",
            "t.yaml:1:10: error: did not find expected ',' or ']' (while parsing a flow sequence at line 1, column 8)"
        ),
    ])
    func badTestDefinitionsAreErrorsAtTheirPlace(text: String, expected: String) throws {
        let folder = try LoaderFixtures.temporary(["t.yaml": text])
        let suite = TestSuiteLoader.load(
            files: [folder + "/t.yaml"], ruleset: try TestRunnerFixtures.ruleset("passing"), defaultNow: nil)
        let headers = suite.diagnostics.map {
            $0.rendered(color: false).split(separator: "\n").first.map(String.init) ?? ""
        }
        #expect(headers.contains(folder + "/" + expected), "\(headers)")
        #expect(suite.tests.isEmpty)
    }

    @Test func inlineLeadsDecodeLikeLeadFiles() throws {
        let ruleset = try TestRunnerFixtures.ruleset("passing")
        let folder = try LoaderFixtures.temporary([
            "t.yaml": """
            tests:
              - name: inline
                now: 2026-11-25T12:00:00Z
                lead: { id: R-2, employees: 5000.0, events: [{ type: demo, at: "2026-11-25T12:00:00Z" }], extra: [1, { a: b }] }
                expect: { total: 80 }
            """
        ])
        let suite = TestSuiteLoader.load(files: [folder + "/t.yaml"], ruleset: ruleset, defaultNow: nil)
        let test = try #require(suite.tests.first)
        let bytes = Array(
            #"{ "id": "R-2", "employees": 5000, "events": [{ "type": "demo", "at": "2026-11-25T12:00:00Z" }] }"#.utf8)
        let fromJSON = try TypedJSONDecoder(schema: ruleset.schema, root: "lead").decode(bytes).get()
        let engine = Engine(ruleset: ruleset)
        let fromYAMLDecision = DecisionWriter.text(of: engine.evaluate(lead: test.lead, now: test.now, state: nil))
        let fromJSONDecision = DecisionWriter.text(of: engine.evaluate(lead: fromJSON, now: test.now, state: nil))
        #expect(fromYAMLDecision == fromJSONDecision)
        #expect(test.lead.fields.count == fromJSON.fields.count)
        #expect(TestRunner(ruleset: ruleset).run(test).passed)
    }

    @Test func decoderPathsSplitIntoComponents() {
        #expect(
            InlineLead.components(of: #"lead.events[2].tags["a.b"].x"#)
                == [.field("lead"), .field("events"), .index(2), .field("tags"), .key("a.b"), .field("x")])
    }
}
