import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// The fixtures under Fixtures/diff: a base ruleset, the same with grade A
/// from 50 instead of 60, and lead files.
enum DiffFixtures {
    static let directory = LoaderFixtures.testsDirectory + "/Fixtures/diff"
    static let now = Timestamp(seconds: 1_795_608_000)  // 2026-11-25T12:00:00Z

    static func ruleset(_ name: String) throws -> Ruleset {
        try #require(RulesetLoader.load(path: directory + "/" + name).ruleset)
    }

    /// Compares every line of a fixture lead file.
    static func compare(base: String, new: String, leads: String) throws -> ImpactReport {
        var comparison = RulesetComparison(base: try ruleset(base), new: try ruleset(new), now: now)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: directory + "/" + leads)))
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            comparison.compare(line: line, lineNumber: index + 1)
        }
        return comparison.report
    }
}

@Suite struct DiffTests {
    @Test func identicalRulesetsReportNoChange() throws {
        let report = try DiffFixtures.compare(base: "base", new: "base", leads: "leads.ndjson")
        #expect(report.leads == 7)
        #expect(report.badLeads == 0)
        #expect(!report.hasChanges)
        for kind in ChangeKind.allCases { #expect(report.count(kind) == 0) }
        #expect(report.examples.isEmpty)
        #expect(report.changedGradeMoves.isEmpty)
        #expect(report.shiftedRoutingRules.isEmpty)
        let digest = report.base.digest.prefix(19)
        #expect(
            report.text() == """
                base: diff-fixture 1 (\(digest))
                new:  diff-fixture 1 (\(digest))
                7 leads evaluated under both at 2026-11-25T12:00:00Z

                No lead changes grade, handoff status, assignee or total score.

                Grade moves (rows: base, columns: new)
                     A  B  C
                  A  2  .  .
                  B  .  4  .
                  C  .  .  1

                """)
    }

    @Test func aChangedThresholdReportsExactlyTheLeadsItMoves() throws {
        let report = try DiffFixtures.compare(base: "base", new: "threshold", leads: "leads.ndjson")
        #expect(report.leads == 7)
        #expect(report.count(.grade) == 2)
        #expect(report.count(.handoff) == 1)
        #expect(report.count(.assignee) == 2)
        #expect(report.count(.total) == 0)
        #expect(
            report.examples[.grade] == [
                ChangeExample(leadID: "D-3", line: 3, base: "B", new: "A"),
                ChangeExample(leadID: "D-6", line: 7, base: "B", new: "A"),
            ])
        // D-6 is unsubscribed: suppressed under both, so only D-3's handoff changes.
        #expect(report.examples[.handoff] == [ChangeExample(leadID: "D-3", line: 3, base: "not_ready", new: "handoff")])
        #expect(
            report.examples[.assignee] == [
                ChangeExample(leadID: "D-3", line: 3, base: "queue unassigned", new: "queue hot"),
                ChangeExample(leadID: "D-6", line: 7, base: "queue unassigned", new: "queue hot"),
            ])
        #expect(report.changedGradeMoves.map(\.move) == [GradeMove(from: "B", to: "A")])
        #expect(report.changedGradeMoves.map(\.leads) == [2])
        let shifted = report.shiftedRoutingRules
        #expect(shifted.map(\.rule) == ["hot", nil])
        #expect(
            shifted.map(\.tally) == [
                RoutingRuleTally(base: 1, new: 3, gained: 2, lost: 0),
                RoutingRuleTally(base: 2, new: 0, gained: 0, lost: 2),
            ])
    }

    @Test func theTextReportIsAligned() throws {
        let report = try DiffFixtures.compare(base: "base", new: "threshold", leads: "leads.ndjson")
        #expect(
            report.text() == """
                base: diff-fixture 1 (\(report.base.digest.prefix(19)))
                new:  diff-fixture 1 (\(report.new.digest.prefix(19)))
                7 leads evaluated under both at 2026-11-25T12:00:00Z

                Leads that change  leads  share
                  grade                2  28.6%
                  handoff status       1  14.3%
                  assignee             2  28.6%
                  total score          0     0%

                Grade moves (rows: base, columns: new)
                     A  B  C
                  A  2  .  .
                  B  2  2  .
                  C  .  .  1

                Routing rules          base  new  gained  lost
                  hot                     1    3      +2     0
                  (no rule: fallback)     2    0       0    -2

                Examples
                  grade           D-3 B → A; D-6 B → A
                  handoff status  D-3 not_ready → handoff
                  assignee        D-3 queue unassigned → queue hot; D-6 queue unassigned → queue hot

                """)
    }

    @Test func theJSONReportIsForTools() throws {
        let report = try DiffFixtures.compare(base: "base", new: "threshold", leads: "leads.ndjson")
        let expected =
            #"{"base":{"name":"diff-fixture","version":"1","digest":"\#(report.base.digest)"},"#
            + #""new":{"name":"diff-fixture","version":"1","digest":"\#(report.new.digest)"},"#
            + #""evaluated_at":"2026-11-25T12:00:00Z","leads":7,"bad_leads":0,"#
            + #""changed":{"grade":2,"handoff":1,"assignee":2,"total":0},"#
            + #""grade_moves":[{"from":"B","to":"A","leads":2}],"#
            + #""grades":{"base":{"A":2,"B":4,"C":1},"new":{"A":4,"B":2,"C":1}},"#
            + #""routing_rules":[{"rule":"hot","base":1,"new":3,"gained":2,"lost":0},{"rule":null,"base":2,"new":0,"gained":0,"lost":2}],"#
            + #""examples":{"grade":[{"lead_id":"D-3","line":3,"base":"B","new":"A"},{"lead_id":"D-6","line":7,"base":"B","new":"A"}],"#
            + #""handoff":[{"lead_id":"D-3","line":3,"base":"not_ready","new":"handoff"}],"#
            + #""assignee":[{"lead_id":"D-3","line":3,"base":"queue unassigned","new":"queue hot"},{"lead_id":"D-6","line":7,"base":"queue unassigned","new":"queue hot"}],"#
            + #""total":[]},"bad_lead_examples":[]}"#
        #expect(report.json() == expected)
    }

    @Test func badLinesAreCountedAndTheRunGoesOn() throws {
        let report = try DiffFixtures.compare(base: "base", new: "threshold", leads: "bad-leads.ndjson")
        #expect(report.leads == 2)
        #expect(report.badLeads == 4)
        #expect(
            report.badLeadExamples == [
                BadLead(line: 2, leadID: nil, message: "lead.id: required field is missing"),
                BadLead(line: 3, leadID: nil, message: "lead: unexpected 'n', expected a value at line 1, column 1"),
                BadLead(line: 4, leadID: "E-4", message: "lead.employees: expected int, got string \"many\""),
            ])
        #expect(report.text().contains("  … and 1 more\n"))
    }

    @Test func examplesStopAtThreeButCountsGoOn() throws {
        var comparison = RulesetComparison(
            base: try DiffFixtures.ruleset("base"), new: try DiffFixtures.ruleset("threshold"), now: DiffFixtures.now)
        for index in 1...10 {
            let line =
                #"{"id": "M-\#(index)", "employees": 150, "events": [{"type": "demo", "at": "2026-11-25T12:00:00Z"}]}"#
            comparison.compare(line: ArraySlice(line.utf8), lineNumber: index)
        }
        #expect(comparison.report.count(.grade) == 10)
        #expect(comparison.report.examples[.grade]?.map(\.leadID) == ["M-1", "M-2", "M-3"])
    }

    @Test func aLeadTheNewSchemaRefusesIsBad() throws {
        let folder = try LoaderFixtures.temporary([
            "rules.yaml": try String(contentsOfFile: DiffFixtures.directory + "/base/rules.yaml", encoding: .utf8)
                .replacingOccurrences(of: "    employees: int\n", with: "    employees: int!\n")
        ])
        let strict = try #require(RulesetLoader.load(path: folder).ruleset)
        var comparison = RulesetComparison(base: try DiffFixtures.ruleset("base"), new: strict, now: DiffFixtures.now)
        let bad = comparison.compare(line: ArraySlice(#"{"id": "S-1"}"#.utf8), lineNumber: 1)
        #expect(
            bad
                == BadLead(
                    line: 1, leadID: "S-1", message: "lead.employees: required field is missing (new ruleset's schema)")
        )
        #expect(comparison.compare(line: ArraySlice("  \t".utf8), lineNumber: 2) == nil)
        #expect(comparison.report.leads == 0)
        #expect(comparison.report.badLeads == 1)
    }

    @Test(arguments: [(0, 0, "0%"), (1, 3, "33.3%"), (2, 3, "66.7%"), (1, 8, "12.5%"), (7, 7, "100%")])
    func sharesHaveOneDecimal(part: Int, whole: Int, expected: String) {
        #expect(ImpactReport.share(part, of: whole) == expected)
    }
}
