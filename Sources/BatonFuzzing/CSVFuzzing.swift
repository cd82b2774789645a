import BatonLang
import BatonRules

/// Fuzz target (d): CSV bytes through the RFC 4180 reader, then as the
/// file of a CSV table whose rows are typed (every scalar type a cell can
/// hold), as the loader reads `accounts.csv`.
enum CSVFuzzing {
    static let rules = Array(
        """
        ruleset: fuzz-csv
        schema:
          lead: { id: string!, email: string }
          account:
            domain: string!
            name: string
            owner: string
            employees: int
            revenue: double
            strategic: bool
            since: timestamp
            cadence: duration
        tables:
          accounts: { csv: accounts.csv, type: account, key: domain }
        accounts: { table: accounts, match: (lead.email ?? "").domain() ?? "" }
        queues: [{ id: inbox }]
        routing: { fallback: { queue: inbox } }

        """.utf8)

    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        var reader = CSVReader(bytes: bytes)
        var previousLine = 0
        var records = 0
        do {
            while let record = try reader.next() {
                records += 1
                checks.expect(
                    record.cells.count == record.columns.count && record.cells.count == record.lines.count,
                    "record \(records): \(record.cells.count) cells, \(record.columns.count) columns, \(record.lines.count) lines"
                )
                checks.expect(
                    record.line > previousLine, "record \(records) starts on line \(record.line) after \(previousLine)")
                checks.expect(
                    record.lines.allSatisfy { $0 >= record.line } && record.columns.allSatisfy { $0 >= 1 },
                    "record \(records): a cell before the record's start")
                previousLine = record.lines.last ?? record.line
            }
        } catch {
            checks.expect(error.line >= 1 && error.column >= 1, "CSV error at \(error.line):\(error.column)")
        }
        let result = FileSystem.withTemporaryFolder(holding: [("rules.yaml", rules), ("accounts.csv", bytes)]) {
            RulesetLoader.load(path: $0 + "/rules.yaml")
        }
        RulesetFuzzing.check(result, &checks)
    }
}
