/// The fuzz targets of issue 5: each takes arbitrary bytes through one
/// public entry point of Baton and returns the invariants it broke.
///
/// The libFuzzer executables under `Fuzz/` call ``run(_:)`` and abort on a
/// non-empty answer; `swift test` replays every committed corpus file
/// through the same function, so a corpus is also a regression suite.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Expression text: lex, parse, check, compile, evaluate against a fixed lead.
    case expression
    /// A YAML rule file: diagnostics or a ruleset, which then evaluates a lead.
    case ruleset
    /// A lead as JSON, read against the example ruleset's schema.
    case lead
    /// A CSV file: the RFC 4180 reader, then a CSV table of the example's accounts.
    case csv
    /// NDJSON leads: each line read, evaluated and written as a decision.
    case ndjson
    /// A whole `baton batch` run, NDJSON or CSV, through the record sources and the pipeline.
    case batch

    /// Runs one input; the answer lists every broken invariant (empty: fine).
    /// A crash or a hang is a finding too, caught by the fuzzer itself.
    public func run(_ bytes: [UInt8]) -> [String] {
        var checks = FuzzChecks()
        switch self {
        case .expression: ExpressionFuzzing.run(bytes, &checks)
        case .ruleset: RulesetFuzzing.run(bytes, &checks)
        case .lead: LeadFuzzing.run(bytes, &checks)
        case .csv: CSVFuzzing.run(bytes, &checks)
        case .ndjson: NDJSONFuzzing.run(bytes, &checks)
        case .batch: BatchFuzzing.run(bytes, &checks)
        }
        return checks.problems
    }
}

/// The invariants one input broke, collected rather than trapped on so that
/// a test can show them all.
struct FuzzChecks {
    private(set) var problems: [String] = []

    mutating func expect(_ condition: Bool, _ problem: @autoclosure () -> String) {
        if !condition { problems.append(problem()) }
    }
}

extension FuzzTarget {
    /// Runs one libFuzzer input; a broken invariant aborts, which libFuzzer
    /// reports as a crash and saves the input for a regression test.
    public func runLibFuzzerInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let problems = run(bytes)
        if !problems.isEmpty {
            fatalError("fuzz target \(rawValue): " + problems.joined(separator: "\n"))
        }
        return 0
    }
}
