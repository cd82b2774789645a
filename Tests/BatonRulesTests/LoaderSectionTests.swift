import BatonLang
import Testing

@testable import BatonRules

/// Each section's own errors, one small ruleset per case.
@Suite struct LoaderSectionTests {
    static let head = """
        ruleset: sections
        schema:
          lead:
            id: string!
            employees: int
            country: string
            events: list<event>
          event:
            type: string!
            at: timestamp!
        queues: [{ id: inbox }]

        """
    static let fallback = "routing: { fallback: { queue: inbox } }\n"

    @Test(arguments: [
        (
            "schema:\n  lead:\n    id: strng!\n    tags: list<tag>\n    seen: map<string, timestamp>\n  score:\n    x: int\n  1st: { a: int }\n",
            [
                "3:9: error: schema.lead.id: unknown type 'strng'; did you mean 'string'? [unknown-type]",
                "4:11: error: schema.lead.tags: unknown type 'tag' (declare it under schema) [unknown-type]",
                "6:3: error: schema: 'score' is a built-in name and cannot be declared [invalid-value]",
                "8:3: error: schema: '1st' is not a valid record name (letters, digits and '_', not starting with a digit) [invalid-value]",
            ]
        ),
        (
            "schema:\n  account: { domain: string }\n",
            ["2:3: error: schema: missing the 'lead' record [missing-key]"]
        ),
    ])
    func schemaErrors(yaml: String, expected: [String]) throws {
        let (_, lines) = try LoaderFixtures.loadText("ruleset: s\nqueues: [{ id: inbox }]\n" + Self.fallback + yaml)
        #expect(lines == expected.map { shift($0, by: 3) })
    }

    @Test(arguments: [
        (
            "tables:\n  mixed: [1, two]\n  nulls: { a: ~ }\n  scalar: 5\n  1bad: [x]\n",
            [
                "14:14: error: tables.mixed[1]: mixed types in a table: string here, int before [wrong-type]",
                "15:15: error: tables.nulls.a: a table cannot hold null [invalid-value]",
                "16:11: error: tables.scalar: expected a mapping, a list or a CSV table ({csv, type, key}), got int 5 [wrong-type]",
                "17:3: error: tables.1bad: a table name must be letters, digits and '_', not starting with a digit (it is used as tables.NAME) [invalid-value]",
            ]
        ),
        (
            "tables:\n  t: { csv: x.csv, type: score }\n",
            [
                "14:6: error: tables.t: missing required key 'key' [missing-key]"
            ]
        ),
        (
            "tables:\n  t: { csv: x.csv, type: event, key: type }\naccounts: { table: t, match: lead.employees }\n",
            [
                "14:13: error: tables.t.csv: cannot read the CSV file 'x.csv': no such file [csv]",
                "15:30: error: expected a string, got int [type-mismatch]",
            ]
        ),
        (
            "tables:\n  l: [a, b]\naccounts: { table: l, match: lead.country }\n",
            [
                "15:20: error: accounts.table: table 'l' is a list<string>; accounts need a map table (a CSV table keyed by domain, say) [wrong-type]"
            ]
        ),
        (
            "accounts: { table: nope, match: lead.country }\n",
            ["13:20: error: accounts.table: unknown table 'nope' [unknown-id]"]
        ),
    ])
    func tableAndAccountErrors(yaml: String, expected: [String]) throws {
        let (result, lines) = try LoaderFixtures.loadText(Self.head + Self.fallback + yaml)
        #expect(lines == expected)
        #expect(result.ruleset == nil)
    }

    @Test(arguments: [
        (
            """
            scoring:
              components:
                fit:
                  min: 10
                  max: 5
                  decay: { half_life: 30d, window: 10d }
                  rules:
                    - { id: a, points: lead.country }
                    - { id: b, when: lead.employees, points: 1 }
                    - { id: c, points: 1, limit: 2 }
                  events:
                    - { id: d, when: event.type == "x", points: 1, limit: 0 }
                    - { id: e, when: lead.events.size() > 0 && event.at < now, points: "event.type.size()" }
                engagement:
                  decay: { half_life: -1d }
                other:
                  decay: { window: soon }
              grades:
                - { grade: A, min: 10.005 }
                - { grade: B }
                - { grade: C, min: 1 }
            """,
            [
                "17:12: error: scoring.components.fit: max (5) is below min (10) [invalid-value]",
                "18:40: error: scoring.components.fit.decay: give either half_life or window, not both [invalid-value]",
                "20:28: error: expected a number (int or double), got string [type-mismatch]",
                "21:26: error: a condition must be bool, got int [non-bool-condition]",
                "22:31: error: unknown key 'limit' in scoring.components.fit.rules[2] (expected one of: id, when, points, reason) [unknown-key]",
                "24:63: error: scoring.components.fit.events[0].limit: must be at least 1, got 0 [invalid-value]",
                "27:27: error: scoring.components.engagement.decay.half_life: the duration must be positive [invalid-value]",
                "29:24: error: scoring.components.other.decay.window: 'soon' is not a duration; write it as 30d, 12h or 90m [invalid-value]",
                "31:24: error: scoring.grades[0].min: 10.005 is not a whole number of hundredths [invalid-value]",
                "32:7: error: scoring.grades[1]: grade 'B' needs a min (only the last grade omits it) [grade-order]",
                "33:24: error: scoring.grades[2]: the last grade ('C') must omit min: it takes every total below the others [grade-order]",
            ]
        ),
        (
            "schema:\n  lead: { id: string! }\nscoring:\n  components:\n    e:\n      events:\n        - { id: x, points: 1 }\n  grades: [{ grade: A }]\n",
            ["17:7: error: per-event rules need 'events: list<RECORD>' declared in schema.lead [invalid-value]"]
        ),
    ])
    func scoringErrors(yaml: String, expected: [String]) throws {
        let text =
            yaml.hasPrefix("schema:")
            ? "ruleset: s\nqueues: [{ id: inbox }]\n" + Self.fallback + "\n\n\n\n\n\n\n\n" + yaml
            : Self.head + Self.fallback + yaml
        let (result, lines) = try LoaderFixtures.loadText(text)
        #expect(lines == expected)
        #expect(result.ruleset == nil)
    }

    @Test(arguments: [
        (
            """
            owners: [{ id: ana, available: yes, capacity: -1, out_of_office: [{ from: 2026-02-30, to: 2026-03-01 }] }]
            routing:
              rules:
                - { id: two, assign: { owner: ana, queue: inbox } }
                - { id: none, assign: {} }
                - { id: expr, assign: { owner_from: lead.employees } }
                - { id: score, when: score.grade == "A" && score.components.fit > 1.5 && score.total >= 0, assign: { queue: inbox } }
            """,
            [
                "12:32: error: owners[0].available: expected true or false, got string \"yes\" [wrong-type]",
                "12:47: error: owners[0].capacity: must not be negative, got -1 [invalid-value]",
                "12:75: error: owners[0].out_of_office[0].from: '2026-02-30' is not a date YYYY-MM-DD (day out of range for the month) [invalid-value]",
                "14:3: error: routing: missing required key 'fallback' [missing-key]",
                "15:26: error: routing.rules[0].assign: name only one of owner, owner_from, team or queue (got owner and queue) [invalid-value]",
                "16:27: error: routing.rules[1].assign: name one of owner, owner_from, team or queue [invalid-value]",
                "17:41: error: expected a string, got int [type-mismatch]",
            ]
        ),
        (
            """
            routing: { rules: [] }
            """,
            ["12:10: error: routing: missing required key 'fallback' [missing-key]"]
        ),
        (
            """
            owners: [{ id: other }]
            """,
            ["1:1: error: ruleset: missing required key 'routing' (at least routing.fallback) [missing-key]"]
        ),
    ])
    func assigneeAndRoutingErrors(yaml: String, expected: [String]) throws {
        let (result, lines) = try LoaderFixtures.loadText(Self.head + yaml)
        #expect(lines == expected)
        #expect(result.ruleset == nil)
    }

    @Test func handoffSection() throws {
        let (result, lines) = try LoaderFixtures.loadText(
            Self.head + Self.fallback
                + """
                handoff:
                  suppress:
                    - { id: dnc, when: lead.country == "XX" }
                    - { id: bad, when: lead.unsubscribed }
                  when: score.total >= 70
                  stage: mql
                  context:
                    visits: lead.events.count(e, e.type == "page_view")
                    broken: lead.nope
                  next_steps:
                    - when: score.grade == "A"
                      say: "Call {{ lead.country ?? 'them' }} now"
                    - say: "Send {{ lead.nope }}"
                    - { when: true }
                """)
        #expect(
            lines == [
                "16:29: error: unknown field 'unsubscribed' on lead [unknown-field]",
                "21:18: error: unknown field 'nope' on lead [unknown-field]",
                "25:26: error: unknown field 'nope' on lead [unknown-field]",
                "26:7: error: handoff.next_steps[2]: missing required key 'say' [missing-key]",
            ])
        #expect(result.ruleset == nil)
    }

    @Test func aCompleteSmallRulesetLoads() throws {
        let (result, lines) = try LoaderFixtures.loadText(
            Self.head
                + """
                owners:
                  - { id: ana, name: Ana, email: ana@x.example, out_of_office: [{ from: 2026-11-20, to: 2026-11-30 }], backup: team-a, capacity: 3 }
                  - { id: ben, available: false }
                teams:
                  - { id: team-a, members: [ana, ben], strategy: weighted, weights: { ana: 2, ben: 1 }, backup: inbox }
                scoring:
                  components:
                    fit:
                      max: 50
                      rules:
                        - { id: big, when: lead.employees >= 1000, points: 20, reason: "Big: {{ lead.employees }}" }
                        - { id: scaled, points: "min(lead.employees ?? 0, 10) / 2" }
                    engagement:
                      min: 0
                      decay: { window: 90d }
                      events:
                        - { id: visit, when: event.type == "page_view", points: 2.5, limit: 3, reason: "{{ event.type }}" }
                  grades:
                    - { grade: A, min: 80 }
                    - { grade: B, min: 55.5 }
                    - { grade: C }
                routing:
                  rules:
                    - { id: named, when: lead.country == "DE", assign: { owner: ana }, reason: Germany }
                    - { id: team, when: score.grade == "A", assign: { team: team-a } }
                    - { id: from, assign: { owner_from: lead.country ?? "ben" } }
                  fallback: { queue: inbox }
                handoff:
                  when: score.total >= 70
                  stage: mql
                  context: { size: lead.employees }
                  next_steps:
                    - { say: Hello }
                """)
        #expect(lines == [])
        let ruleset = try #require(result.ruleset)
        #expect(ruleset.name == "sections")
        #expect(ruleset.owners.map(\.outOfOffice) == [[DateRange(fromDay: 20_777, toDay: 20_787)], []])
        #expect(ruleset.owners.map(\.available) == [true, false])
        #expect(ruleset.owners[0].capacity == 3)
        #expect(ruleset.teams[0].strategy == .weighted)
        #expect(ruleset.teams[0].weights == ["ana": 2, "ben": 1])
        #expect(ruleset.scoring.components.map(\.name) == ["fit", "engagement"])
        #expect(ruleset.scoring.components[0].max == 50)
        #expect(ruleset.scoring.components[1].decay == .window(TimeDuration(seconds: 90 * 86_400)))
        #expect(ruleset.scoring.components[1].eventRules.map(\.limit) == [3])
        if case .constant(let points) = ruleset.scoring.components[1].eventRules[0].points {
            #expect(points == 2.5)
        } else {
            Issue.record("constant points were compiled as an expression")
        }
        if case .expression(let points) = ruleset.scoring.components[0].rules[1].points {
            #expect(points.source == "min(lead.employees ?? 0, 10) / 2")
        } else {
            Issue.record("points expression missing")
        }
        #expect(
            ruleset.scoring.grades.map(\.minimum) == [
                ScorePoints(hundredths: 8000), ScorePoints(hundredths: 5550), nil,
            ])
        #expect(ruleset.routing.rules.map(\.id) == ["named", "team", "from"])
        #expect(ruleset.routing.rules[0].reason?.source == "Germany")
        #expect(ruleset.handoff.context.map(\.name) == ["size"])
        #expect(ruleset.handoff.stage == "mql")
        #expect(ruleset.scopes.decision.slot(of: "score") != nil)
        #expect(ruleset.scopes.scoring.slot(of: "score") == nil)
        #expect(ruleset.scopes.event.slot(of: "event") != nil)
        #expect(ruleset.scopes.accountMatch.slot(of: "account") == nil)
        #expect(ruleset.routing.rules[0].location.line == 35)
    }

    /// `line:column` of an expected diagnostic moved down by `lines`.
    private func shift(_ line: String, by lines: Int) -> String {
        let parts = line.split(separator: ":", maxSplits: 1)
        guard let number = Int(parts[0]) else { return line }
        return "\(number + lines):" + parts[1]
    }
}
