import BatonLang
import Testing

@testable import BatonRules

@Suite struct CSVTableTests {
    @Test func everyCSVProblemAtItsFileLineAndColumn() {
        let result = LoaderFixtures.load("csv-errors.yaml")
        #expect(result.ruleset == nil)
        #expect(
            LoaderFixtures.lines(result) == [
                "csv-errors.yaml:12:19: error: tables.missing.csv: cannot read the CSV file 'csv/missing.csv': no such file [csv]",
                "csv-errors.yaml:18:39: error: tables.untyped.type: unknown record type 'acount'; did you mean 'account'? [unknown-type]",
                "csv/broken.csv:2:12: error: a quoted cell is not closed [csv]",
                "csv/cells.csv:2:27: error: 'many' in column 'employees' does not read as int [csv]",
                "csv/cells.csv:3:22: error: 'yesterday' in column 'since' does not read as timestamp [csv]",
                "csv/cells.csv:4:1: error: this row has 3 cells but the header has 4 [csv]",
                "csv/columns.csv:1:8: error: column 'nmae' is not a field of account; did you mean 'name'? [csv]",
                "csv/columns.csv:1:13: error: column 'tier' is not a field of account [csv]",
                "csv/keys.csv:3:1: error: the key column 'domain' is empty [csv]",
                "csv/keys.csv:4:1: error: duplicate key 'globex.com' in column 'domain' (first on line 2) [csv]",
                "csv/no-key.csv:1:1: error: the header has no key column 'domain' [csv]",
            ])
    }

    @Test func aCSVErrorShowsTheCSVLine() throws {
        let result = LoaderFixtures.load("csv-errors.yaml")
        let cell = try #require(result.diagnostics.first { $0.message.hasPrefix("'many'") })
        var relative = cell
        relative.file = LoaderFixtures.relative(cell.file)
        #expect(
            relative.rendered(color: false) == """
                csv/cells.csv:2:27: error: 'many' in column 'employees' does not read as int
                globex.com,"Globex, Inc.",many,2026-01-01T00:00:00Z
                                          ^~~~
                """)
    }

    @Test func rowsAreTypedAndKeyed() throws {
        let result = LoaderFixtures.load("csv-good")
        #expect(LoaderFixtures.lines(result) == [])
        let ruleset = try #require(result.ruleset)
        #expect(ruleset.tables.map(\.name) == ["accounts", "regions", "sizes", "nested"])
        let accounts = ruleset.tables[0]
        #expect(accounts.type == .map(.record("account")))
        guard case .map(let rows) = accounts.value else {
            Issue.record("accounts is not a map")
            return
        }
        #expect(rows.keys == ["globex.com", "initech.com"])
        guard case .record(let globex)? = rows["globex.com"], case .record(let initech)? = rows["initech.com"] else {
            Issue.record("rows are not records")
            return
        }
        #expect(describe(globex["domain"]) == "string globex.com")
        #expect(describe(globex["name"]) == "string Globex, \"the\" company")
        #expect(describe(globex["employees"]) == "int 5000")
        #expect(describe(globex["revenue"]) == "double 1500000.0")
        #expect(describe(globex["strategic"]) == "bool true")
        #expect(describe(globex["since"]) == "timestamp \(1_577_833_200)")
        #expect(describe(globex["owner"]) == "null")
        #expect(describe(initech["employees"]) == "null")
        #expect(describe(initech["strategic"]) == "bool false")
        #expect(ruleset.accountMatching?.table == "accounts")
        #expect(ruleset.scopes.scoring.variables.first { $0.name == "account" }?.type == .record("account"))
        #expect(
            ruleset.schema["tables"]?.fields.map(\.type) == [
                .map(.record("account")), .map(.string), .map(.double), .map(.list(.string)),
            ])
        #expect(
            ruleset.scoring.grades == [
                Grade(grade: "A", minimum: ScorePoints(hundredths: 1250)),
                Grade(grade: "B", minimum: ScorePoints(hundredths: 1)),
                Grade(grade: "C", minimum: nil),
            ])
        // The YAML file and the CSV file it names, by relative path.
        #expect(ruleset.digest == "sha256:7af2a84056fefecad27bfc9a3f078bc0321caaeb0e33fd3519cb3f96d700b610")
    }

    @Test func aCSVWithAProblemOnEveryRowStopsListingThem() throws {
        let rows = (1...80).map { "d\($0).com,many" }.joined(separator: "\n")
        let folder = try LoaderFixtures.temporary([
            "rules.yaml": """
            ruleset: big
            schema:
              lead: { id: string! }
              row: { domain: string!, employees: int }
            tables:
              rows: { csv: rows.csv, type: row, key: domain }
            queues: [{ id: inbox }]
            routing: { fallback: { queue: inbox } }
            """,
            "rows.csv": "domain,employees\n" + rows + "\n",
        ])
        let result = RulesetLoader.load(path: folder)
        #expect(result.diagnostics.count == CSVTableLimits.expectedCount)
        #expect(result.diagnostics.last?.message == "more than 50 problems in this file; the rest are not listed")
        #expect(result.diagnostics.last?.line == 52)
    }

    private enum CSVTableLimits {
        static let expectedCount = LoadSession.maximumCSVErrors + 1
    }

    private func describe(_ value: Value?) -> String {
        switch value {
        case .string(let text)?: "string \(text)"
        case .int(let number)?: "int \(number)"
        case .double(let number)?: "double \(number)"
        case .bool(let flag)?: "bool \(flag)"
        case .timestamp(let time)?: "timestamp \(time.seconds)"
        case .null?: "null"
        default: "other"
        }
    }
}
