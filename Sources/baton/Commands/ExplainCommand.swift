import ArgumentParser
import BatonLang
import BatonRules

/// `baton explain`: evaluate one lead and say why it got its score and owner.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Evaluate one lead and explain every rule, the routing walk and the handoff.",
        discussion: """
            Text for people (coloured on a terminal unless NO_COLOR is set), --format json for tools.

            Example:
              baton explain --rules Rules/example --now 2026-11-25T12:00:00Z Rules/example/leads/named-account-ooo.json
            """
    )

    @OptionGroup var rulesOption: RulesOption
    @OptionGroup var nowOption: NowOption

    @Option(name: .long, help: "text (default) or json.")
    var format: OutputFormat = .text

    @Argument(help: "The lead as a JSON file, or - for stdin (default).")
    var lead: String?

    func run() throws {
        let now = try nowOption.timestamp()
        let ruleset = try RulesetLoading.load(try rulesOption.path())
        let record = try LeadInput.decode(try LeadInput.bytes(lead), ruleset: ruleset)
        let explanation = Engine(ruleset: ruleset).explain(lead: record, now: now, state: nil)
        switch format {
        case .text:
            Console.out(ExplanationTextRenderer.render(explanation, color: Console.useColor(fileDescriptor: 1)))
        case .json:
            var writer = JSONWriter(reservingCapacity: 8192)
            ExplanationWriter.write(explanation, to: &writer)
            Console.out(writer.text + "\n")
        }
    }
}
