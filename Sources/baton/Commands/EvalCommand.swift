import ArgumentParser
import BatonLang
import BatonRules

/// `baton eval`: evaluate one lead into the decision JSON.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate one lead: score, grade, owner and handoff, as the decision JSON.",
        discussion: """
            Example:
              baton eval --rules Rules/example --now 2026-11-25T12:00:00Z Rules/example/leads/named-account-ooo.json
            """
    )

    @OptionGroup var rulesOption: RulesOption
    @OptionGroup var nowOption: NowOption

    @Argument(help: "The lead as a JSON file, or - for stdin (default).")
    var lead: String?

    func run() throws {
        let now = try nowOption.timestamp()
        let ruleset = try RulesetLoading.load(try rulesOption.path())
        let record = try LeadInput.decode(try LeadInput.bytes(lead), ruleset: ruleset)
        let decision = Engine(ruleset: ruleset).evaluate(lead: record, now: now, state: nil)
        var writer = JSONWriter(reservingCapacity: 2048)
        DecisionWriter.write(decision, to: &writer)
        Console.out(writer.text + "\n")
    }
}
