import ArgumentParser
import BatonLang
import BatonRules

/// `baton diff`: the impact of a rules change on a file of leads.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Evaluate leads under two rulesets and report what changes: grade, handoff, assignee.",
        discussion: """
            Every lead of an NDJSON file (one JSON object per line) is evaluated under the base
            ruleset and under the new one (--rules), at the same --now and without routing
            state. The report counts the leads whose grade, handoff status, assignee or total
            changes, shows the grade moves, the routing rules that gained or lost leads, and a
            few example leads of each change. Exit status 1 when a line could not be evaluated.

            Example:
              baton diff --base main-rules/ --rules Rules/example --now 2026-11-25T12:00:00Z leads.ndjson
              baton diff --base main-rules/ --rules Rules/example leads.ndjson --format json
            """
    )

    @Option(name: .long, help: "The ruleset before the change (a file or directory).")
    var base: String

    @OptionGroup var rulesOption: RulesOption
    @OptionGroup var nowOption: NowOption

    @Option(name: .long, help: "text (default) or json.")
    var format: OutputFormat = .text

    @Argument(help: "The leads, NDJSON, or - for stdin.")
    var leads: String

    func run() throws {
        let now = try nowOption.timestamp()
        let newPath = try rulesOption.path()
        let baseRuleset = try RulesetLoading.load(base)
        let newRuleset = try RulesetLoading.load(newPath)
        let input = try InputFile.open(leads)
        defer { input.close() }
        var comparison = RulesetComparison(base: baseRuleset, new: newRuleset, now: now)
        var reader = LineReader(fileDescriptor: input.fileDescriptor)
        var lineNumber = 0
        while let line = reader.nextLine() {
            lineNumber += 1
            if let bad = comparison.compare(line: line, lineNumber: lineNumber) {
                Console.badInput(line: bad.line, leadID: bad.leadID, message: bad.message)
            }
        }
        let report = comparison.report
        switch format {
        case .text: Console.out(report.text())
        case .json: Console.out(report.json() + "\n")
        }
        if report.badLeads > 0 { throw ExitStatus.findings }
    }
}
