import ArgumentParser

/// The `baton` command line: score, route and explain B2B leads with rules written as text.
@main
struct Baton: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baton",
        abstract: "Score, route and hand off B2B leads with rules written as text.",
        discussion: """
            Rules live in YAML files (see Rules/example). Every command that evaluates takes
            --rules PATH (or the BATON_RULES environment variable) and --now TIMESTAMP.

            Example:
              baton explain --rules Rules/example --now 2026-11-25T12:00:00Z Rules/example/leads/named-account-ooo.json
            """,
        subcommands: [
            CheckCommand.self, EvalCommand.self, ExplainCommand.self, ExprCommand.self, TestCommand.self,
            DiffCommand.self,
        ]
    )
}
