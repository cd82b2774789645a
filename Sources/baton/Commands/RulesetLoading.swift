import BatonRules

/// Loads the ruleset for a command that evaluates: on any error, prints the
/// diagnostics and exits 2 (the run could not start), as cli.md says.
enum RulesetLoading {
    static func load(_ path: String) throws -> Ruleset {
        let result = RulesetLoader.load(path: path)
        guard let ruleset = result.ruleset else {
            let color = Console.useColor(fileDescriptor: 2)
            for diagnostic in RuleDiagnostic.sortedForDisplay(result.diagnostics) where diagnostic.severity == .error {
                Console.error(diagnostic.rendered(color: color) + "\n")
            }
            Console.error("error: the ruleset at \(path) does not load; run `baton check --rules \(path)`\n")
            throw ExitStatus.cannotStart
        }
        return ruleset
    }
}
