import Foundation
import Testing

/// `baton diff` end to end: the real binary on the diff fixtures.
@Suite struct DiffCommandTests {
    static let fixtures = "Tests/BatonRulesTests/Fixtures/diff"
    static let now = "2026-11-25T12:00:00Z"

    @Test func identicalRulesetsReportNoChange() throws {
        let result = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/base", "--now", Self.now,
            "\(Self.fixtures)/leads.ndjson",
        ])
        #expect(
            result.stdout.contains(
                "\n7 leads evaluated under both at 2026-11-25T12:00:00Z\n\nNo lead changes grade, handoff status, assignee or total score.\n"
            ))
        #expect(!result.stdout.contains("Examples"))
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func aChangedThresholdReportsTheMovedLeadsAsJSON() throws {
        let result = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/threshold", "--now", Self.now,
            "--format", "json", "\(Self.fixtures)/leads.ndjson",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("}\n"))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["leads"] as? Int == 7)
        #expect(object["changed"] as? [String: Int] == ["grade": 2, "handoff": 1, "assignee": 2, "total": 0])
        let examples = try #require(object["examples"] as? [String: [[String: Any]]])
        #expect(examples["grade"]?.compactMap { $0["lead_id"] as? String } == ["D-3", "D-6"])
        #expect(examples["handoff"]?.compactMap { $0["lead_id"] as? String } == ["D-3"])
        let moves = try #require(object["grade_moves"] as? [[String: Any]])
        #expect(moves.count == 1)
        #expect(moves.first?["from"] as? String == "B")
        #expect(moves.first?["to"] as? String == "A")
        #expect(moves.first?["leads"] as? Int == 2)
    }

    @Test func leadsComeFromStdinWithDash() throws {
        let leads = try String(
            contentsOf: BatonProcess.packageRoot.appendingPathComponent("\(Self.fixtures)/leads.ndjson"),
            encoding: .utf8)
        let result = try BatonProcess.run(
            [
                "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/threshold", "--now", Self.now,
                "-",
            ],
            stdin: leads)
        #expect(result.stdout.contains("  grade           D-3 B → A; D-6 B → A\n"))
        #expect(result.status == 0)
    }

    @Test func badLinesGoToStderrAndExitOne() throws {
        let result = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/threshold", "--now", Self.now,
            "\(Self.fixtures)/bad-leads.ndjson",
        ])
        #expect(
            result.stderr == """
                line 2: error: lead.id: required field is missing
                line 3: error: lead: unexpected 'n', expected a value at line 1, column 1
                line 4 (E-4): error: lead.employees: expected int, got string "many"
                line 6 (E-6): error: lead.employees: expected int, got array

                """)
        #expect(
            result.stdout.contains(
                "2 leads evaluated under both at 2026-11-25T12:00:00Z; 4 lines could not be evaluated\n"))
        #expect(result.status == 1)
    }

    @Test func unreadableInputsCannotStart() throws {
        let missingLeads = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/base", "--now", Self.now,
            "\(Self.fixtures)/no-such-file.ndjson",
        ])
        #expect(missingLeads.stderr == "error: cannot read \(Self.fixtures)/no-such-file.ndjson\n")
        #expect(missingLeads.status == 2)
        let folderAsLeads = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/base", "--rules", "\(Self.fixtures)/base", Self.fixtures,
        ])
        #expect(folderAsLeads.stderr == "error: cannot read \(Self.fixtures)\n")
        #expect(folderAsLeads.status == 2)
        let missingBase = try BatonProcess.run([
            "diff", "--base", "\(Self.fixtures)/nothing", "--rules", "\(Self.fixtures)/base",
            "\(Self.fixtures)/leads.ndjson",
        ])
        #expect(missingBase.status == 2)
        let noBase = try BatonProcess.run(["diff", "--rules", "\(Self.fixtures)/base", "\(Self.fixtures)/leads.ndjson"])
        #expect(noBase.status == 64)
    }
}
