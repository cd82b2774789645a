import ArgumentParser

/// The exit statuses of cli.md.
enum ExitStatus {
    /// Findings: check errors, failing tests, leads that could not be evaluated, a failed expression.
    static let findings = ExitCode(1)
    /// The run could not start: rules that do not load, an unreadable file.
    static let cannotStart = ExitCode(2)
    /// A usage error (what ArgumentParser itself uses for bad options).
    static let usage = ExitCode(64)
}
