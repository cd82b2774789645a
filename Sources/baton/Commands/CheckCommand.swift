import ArgumentParser
import BatonRules

/// `baton check`: load, parse, type-check and lint a ruleset.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Load, type-check and lint a ruleset; print every problem at file:line:col.",
        discussion: """
            Exits 1 when there is any error (YAML and load errors included), 0 with warnings only.

            Example:
              baton check --rules Rules/example
              baton check --rules Rules/example --format json
            """
    )

    @OptionGroup var rulesOption: RulesOption

    @Option(name: .long, help: "text (default) or json.")
    var format: OutputFormat = .text

    func run() throws {
        let result = RulesetLoader.load(path: try rulesOption.path())
        let diagnostics = RuleDiagnostic.sortedForDisplay(result.diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        switch format {
        case .json:
            Console.out(RuleDiagnostic.json(diagnostics) + "\n")
        case .text:
            let color = Console.useColor(fileDescriptor: 2)
            for diagnostic in diagnostics {
                Console.error(diagnostic.rendered(color: color) + "\n")
            }
            let summary = "\(Self.count(errors, "error")), \(Self.count(warnings, "warning"))"
            if let ruleset = result.ruleset {
                Console.out("\(ruleset.name): ok (\(summary))\n")
            } else {
                Console.out("\(summary)\n")
            }
        }
        if errors > 0 { throw ExitStatus.findings }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
