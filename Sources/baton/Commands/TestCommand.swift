import ArgumentParser
import BatonLang
import BatonRules

/// `baton test`: run the ruleset's `tests/` and report every failing expectation.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the ruleset's tests/ and print expected vs actual for every failure.",
        discussion: """
            Every *.yaml / *.yml file in the tests/ folder of the ruleset is a list of tests
            (rules.md "Tests"). The last line is `N passed, M failed`; the exit status is 1
            when a test fails, 2 when the rules or the test files do not load.

            Example:
              baton test --rules Rules/example
              baton test --rules Rules/example --filter "named account"
            """
    )

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: "The time for tests without `now:` (RFC 3339).")
    var now: String?

    @Option(name: .long, help: "Run only the tests whose name contains this text.")
    var filter: String?

    func run() throws {
        var defaultNow: Timestamp?
        if let now {
            do {
                defaultNow = try Timestamp(rfc3339: now)
            } catch {
                throw ValidationError("--now: \(error.description): \"\(now)\"")
            }
        }
        let rulesPath = try rulesOption.path()
        let ruleset = try RulesetLoading.load(rulesPath)
        let suite = TestSuiteLoader.load(rulesPath: rulesPath, ruleset: ruleset, defaultNow: defaultNow)
        if suite.hasErrors {
            let color = Console.useColor(fileDescriptor: 2)
            for diagnostic in suite.diagnostics {
                Console.error(diagnostic.rendered(color: color) + "\n")
            }
            Console.error("error: the test files do not load; no test was run\n")
            throw ExitStatus.cannotStart
        }
        if suite.files.isEmpty {
            Console.error("note: no test files in \(TestSuiteLoader.testsDirectory(forRules: rulesPath))\n")
        }
        let selected = suite.tests.filter { TestRunner.selects($0, filter: filter) }
        if let filter, selected.isEmpty, !suite.tests.isEmpty {
            Console.error("note: no test name contains \"\(filter)\"\n")
        }
        let runner = TestRunner(ruleset: ruleset)
        let color = Console.useColor(fileDescriptor: 1)
        var report = TestReport()
        for test in selected {
            let text = report.record(runner.run(test), color: color)
            if !text.isEmpty { Console.out(text) }
        }
        Console.out(report.summaryLine + "\n")
        if report.failed > 0 { throw ExitStatus.findings }
    }
}
