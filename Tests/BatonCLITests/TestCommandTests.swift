import Foundation
import Testing

/// `baton test` end to end: the real binary on the fixture suites and on Rules/example.
@Suite struct TestCommandTests {
    static let fixtures = "Tests/BatonRulesTests/Fixtures/testrunner"

    @Test func passingSuiteExitsZeroWithTheSummaryAsLastLine() throws {
        let result = try BatonProcess.run([
            "test", "--rules", "\(Self.fixtures)/passing", "--now", "2026-11-25T12:00:00Z",
        ])
        #expect(result.stdout == "3 passed, 0 failed\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func failingSuiteExitsOneWithExpectedAndActual() throws {
        let result = try BatonProcess.run(["test", "--rules", "\(Self.fixtures)/failing"])
        let file = "\(Self.fixtures)/failing/tests/a-failing.yaml"
        #expect(
            result.stdout == """
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
        #expect(result.status == 1)
    }

    @Test func filterRunsASubset() throws {
        let result = try BatonProcess.run(["test", "--rules", "\(Self.fixtures)/failing", "--filter", "Ana is back"])
        #expect(result.stdout.hasSuffix("\n0 passed, 1 failed\n"))
        #expect(
            result.stdout.hasPrefix(
                "FAIL \(Self.fixtures)/failing/tests/a-failing.yaml:30: Ana is back, so no backup\n"))
        #expect(result.status == 1)
        let none = try BatonProcess.run([
            "test", "--rules", "\(Self.fixtures)/failing", "--filter", "nothing like this",
        ])
        #expect(none.stdout == "0 passed, 0 failed\n")
        #expect(none.stderr == "note: no test name contains \"nothing like this\"\n")
        #expect(none.status == 0)
    }

    @Test func brokenTestFilesExitTwoWithEveryProblem() throws {
        let result = try BatonProcess.run([
            "test", "--rules", "\(Self.fixtures)/broken", "--now", "2026-11-25T12:00:00Z",
        ])
        #expect(result.stdout == "")
        #expect(
            result.stderr.hasPrefix(
                "\(Self.fixtures)/broken/tests/broken.yaml:3:5: error: unknown key 'nwo' in tests[0]; did you mean 'now'?\n"
            ))
        #expect(result.stderr.hasSuffix("error: the test files do not load; no test was run\n"))
        #expect(result.stderr.components(separatedBy: ": error: ").count - 1 == 10)
        #expect(result.status == 2)
    }

    @Test func aTestWithoutNowNeedsTheOption() throws {
        let result = try BatonProcess.run(["test", "--rules", "\(Self.fixtures)/passing"])
        #expect(
            result.stderr.hasPrefix(
                "\(Self.fixtures)/passing/tests/passing.yaml:13:5: error: tests[1]: no 'now' and no --now: give the test a time\n"
            ))
        #expect(result.status == 2)
    }

    @Test func usageAndLoadErrors() throws {
        let badNow = try BatonProcess.run(["test", "--rules", "\(Self.fixtures)/passing", "--now", "soon"])
        #expect(badNow.status == 64)
        let noRules = try BatonProcess.run(["test", "--rules", "\(Self.fixtures)/no-such-folder"])
        #expect(noRules.status == 2)
        #expect(noRules.stdout == "")
    }

    @Test func theExampleRulesetsTestsAllPass() throws {
        let result = try BatonProcess.run(["test", "--rules", "Rules/example"])
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        #expect(lines.dropLast().last?.hasSuffix(" passed, 0 failed") == true)
        #expect(result.stdout.split(separator: "\n").count == 1, "\(result.stdout)")
        #expect(result.status == 0)
    }
}
