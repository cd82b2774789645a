/// The outcomes of a `baton test` run and their text (cli.md: a block per
/// failure with expected vs actual, then `N passed, M failed`).
public struct TestReport: Sendable {
    public private(set) var passed = 0
    public private(set) var failed = 0

    public init() {}

    /// Counts an outcome; returns the text to print for it (empty for a pass).
    public mutating func record(_ outcome: TestOutcome, color: Bool = false) -> String {
        if outcome.passed {
            passed += 1
            return ""
        }
        failed += 1
        return Self.failureText(outcome, color: color)
    }

    /// The last line of the run: `N passed, M failed`.
    public var summaryLine: String { "\(passed) passed, \(failed) failed" }

    /// A failed test:
    /// ```
    /// FAIL Rules/example/tests/sample-leads.yaml:12: Named account goes to its owner
    ///   grade: expected C, got B
    ///   total: expected 51.17, got 61.17
    ///
    /// ```
    public static func failureText(_ outcome: TestOutcome, color: Bool) -> String {
        let fail = color ? "\u{1B}[1;31mFAIL\u{1B}[0m" : "FAIL"
        var text = "\(fail) \(outcome.file):\(outcome.line): \(outcome.name)\n"
        for mismatch in outcome.mismatches {
            text += "  \(mismatch.key): expected \(mismatch.expected), got \(mismatch.actual)\n"
            for detail in mismatch.details { text += "    \(detail)\n" }
        }
        return text + "\n"
    }
}
