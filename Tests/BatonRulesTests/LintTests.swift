import BatonLang
import Testing

@testable import BatonRules

@Suite struct LintTests {
    @Test func everyCheckAcrossSections() {
        let result = LoaderFixtures.load("lint.yaml")
        #expect(result.ruleset == nil)
        #expect(
            LoaderFixtures.lines(result) == [
                "lint.yaml:8:3: warning: table 'unused_domains' is never used: no expression reads tables.unused_domains and accounts.table does not name it [unused-table]",
                "lint.yaml:11:13: error: backup cycle: 'ana' → 'ben' → 'sales' → 'ana' [backup-cycle]",
                "lint.yaml:12:45: error: owners[0].out_of_office[0]: the range ends (2026-11-10) before it starts (2026-11-20) [invalid-date-range]",
                "lint.yaml:16:13: error: the backup of 'carla' names unknown owner, team or queue 'nobody' [unknown-id]",
                "lint.yaml:19:20: error: member 'inbox' of team 'sales' is a queue, not an owner [member-not-owner]",
                "lint.yaml:19:27: error: member 'dora' of team 'sales' is not an owner [unknown-id]",
                "lint.yaml:21:14: error: team 'sales' is weighted but 'dora' has no positive weight; every member needs one [invalid-weights]",
                "lint.yaml:24:14: error: team 'empty' has no members [empty-team]",
                "lint.yaml:31:23: error: routing rule 'emea' names 'inbox', which is a queue, not a team [unknown-id]",
                "lint.yaml:33:24: error: routing rule 'everyone' names unknown owner 'anna'; did you mean 'ana'? [unknown-id]",
                "lint.yaml:34:7: warning: routing rule 'never' can never be reached: rule 'everyone' before it always matches [unreachable-rule]",
                "lint.yaml:37:7: warning: routing rule 'never-either' can never be reached: rule 'everyone' before it always matches [unreachable-rule]",
                "lint.yaml:40:22: error: routing.fallback names 'sales', which is a team, not a queue [unknown-id]",
                "lint.yaml:44:24: error: scoring.grades[1]: grades must have strictly decreasing min: 'B' (60) is not below 'A' (50) [grade-order]",
            ])
    }

    @Test func aCycleIsShownInFull() {
        let result = LoaderFixtures.load("lint.yaml")
        let cycle = result.diagnostics.first { $0.code == "backup-cycle" }
        #expect(
            cycle.map {
                LoaderFixtures.relative($0.file) + "\n"
                    + $0.rendered(color: false).split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
                    .joined(separator: "\n")
            }
                == "lint.yaml\n    backup: ben\n            ^~~")
    }

    static let base = """
        ruleset: lint
        schema: { lead: { id: string!, country: string } }
        owners: [{ id: ana }, { id: ben }]
        queues: [{ id: inbox }]

        """

    /// One ruleset per check, with the diagnostics it must give (warnings only load).
    @Test(arguments: [
        (
            """
            routing:
              rules:
                - { id: a, when: "1 < 2 && 'a' != 'b'", assign: { owner: ana } }
                - { id: b, assign: { owner: ben } }
              fallback: { queue: inbox }
            """,
            [
                "8:7: warning: routing rule 'b' can never be reached: rule 'a' before it always matches [unreachable-rule]"
            ]
        ),
        (
            """
            tables: { spare: [1, 2] }
            routing: { fallback: { queue: inbox } }
            """,
            [
                "5:11: warning: table 'spare' is never used: no expression reads tables.spare and accounts.table does not name it [unused-table]"
            ]
        ),
        (
            """
            tables: { spare: [1, 2] }
            routing:
              rules:
                - { id: a, assign: { owner: ana }, reason: "{{ tables.spare.size() }} spares" }
              fallback: { queue: inbox }
            """,
            []
        ),
        (
            """
            teams:
              - { id: t, members: [ana, ben], strategy: weighted, weights: { ana: 1, ben: 0, carl: 2 } }
            routing: { fallback: { queue: inbox } }
            """,
            [
                "6:82: error: team 't' has a weight for 'carl', who is not a member [invalid-weights]",
                "6:64: error: team 't' is weighted but 'ben' has no positive weight; every member needs one [invalid-weights]",
            ]
        ),
        (
            """
            teams:
              - { id: t, members: [ana], strategy: round_robbin, backup: t }
            routing: { fallback: { queue: inbox } }
            """,
            [
                "6:40: error: teams[0].strategy: unknown value 'round_robbin'; did you mean 'round_robin'? (expected one of: round_robin, balanced, weighted, hash) [invalid-value]",
                "6:62: error: backup cycle: 't' → 't' [backup-cycle]",
            ]
        ),
    ])
    func oneCheck(yaml: String, expected: [String]) throws {
        let (result, lines) = try LoaderFixtures.loadText(Self.base + yaml)
        #expect(lines.sorted() == expected.sorted())
        #expect((result.ruleset != nil) == expected.allSatisfy { !$0.contains(": error: ") })
    }
}
