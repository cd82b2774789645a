import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// Limits seen from a ruleset (README "Limits"): a rule that runs away is a
/// warning on the decision, not a hang; a rule file over the size limit is
/// refused with the documented error.
@Suite struct RuleLimitsTests {
    static let rules = """
        ruleset: limits
        schema:
          lead: { id: string!, events: list<event> }
          event: { type: string!, at: timestamp! }
        queues: [{ id: inbox }]
        scoring:
          components:
            fit:
              rules:
                - id: runaway
                  when: lead.events.all(a, lead.events.all(b, lead.events.all(c, a.type == c.type)))
                  points: 10
          grades: [{ grade: A }]
        routing: { fallback: { queue: inbox } }

        """

    /// A lead with `count` events: the rule above takes `count + count² + count³` steps.
    static func decide(events count: Int) throws -> Decision {
        let (result, lines) = try LoaderFixtures.loadText(Self.rules)
        #expect(lines == [])
        let ruleset = try #require(result.ruleset)
        let events = Array(repeating: #"{"type": "v", "at": "2026-11-24T09:00:00Z"}"#, count: count)
        let json = #"{"id": "L-1", "events": [\#(events.joined(separator: ","))]}"#
        let lead = try TypedJSONDecoder(schema: ruleset.schema, root: "lead").decode(Array(json.utf8)).get()
        return Engine(ruleset: ruleset).evaluate(lead: lead, now: Timestamp(seconds: 1_795_608_000), state: nil)
    }

    @Test func aRuleWithinTheStepBudgetMatches() throws {
        // 99 + 99² + 99³ = 980,199 steps: under 1,000,000.
        let decision = try Self.decide(events: 99)
        #expect(decision.warnings.isEmpty)
        #expect(decision.score.contributions.map(\.rule) == ["runaway"])
    }

    @Test func aRuleOverTheStepBudgetIsAWarningNotAHang() throws {
        // 101 + 101² + 101³ = 1,040,604 steps.
        let clock = ContinuousClock()
        var decision: Decision?
        let elapsed = try clock.measure { decision = try Self.decide(events: 101) }
        let warnings = try #require(decision?.warnings)
        #expect(warnings.map(\.rule) == ["runaway"])
        #expect(warnings.map(\.message) == ["when: evaluation step budget of 1000000 exceeded"])
        #expect(warnings.map(\.code) == ["eval-error"])
        #expect(decision?.score.contributions.isEmpty == true)
        #expect(elapsed < .seconds(30))
    }

    /// Loading a whole 16 MiB file takes long in a debug build, so the file
    /// at the limit is only read; the YAML reader's own limit is tested at
    /// its boundary in YAMLReaderTests.
    @Test func aRuleFileAtTheSizeLimitIsReadAndOneByteMoreIsRefused() throws {
        let limit = 16 * 1024 * 1024
        let atLimit = Self.rules + String(repeating: "#", count: limit - Self.rules.utf8.count)
        let folder = try LoaderFixtures.temporary(["rules.yaml": atLimit, "over/rules.yaml": atLimit + "#"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard case .success(let bytes) = RulesetFiles.read(folder + "/rules.yaml", limit: limit) else {
            Issue.record("a file of exactly 16 MiB is not read")
            return
        }
        #expect(bytes.count == limit)
        let refused = RulesetLoader.load(path: folder + "/over/rules.yaml")
        #expect(refused.ruleset == nil)
        #expect(
            refused.diagnostics.map { "\($0.line):\($0.column) \($0.code): \($0.message)" } == [
                "1:1 unreadable-file: cannot read the file: it is 16777217 bytes, more than the limit of 16777216"
            ])
    }

    /// A context value may repeat the lead's data in a list literal: the
    /// decision refuses to write more than a million values and says so.
    @Test func aContextValueTooLargeToWriteIsNullWithAWarning() throws {
        let copies = Array(repeating: "lead.events", count: 500).joined(separator: ", ")
        let rules = Self.rules.replacingOccurrences(
            of: "routing:", with: "handoff:\n  context:\n    copies: \"[\(copies)]\"\nrouting:")
        let (result, lines) = try LoaderFixtures.loadText(rules)
        #expect(lines == [])
        let ruleset = try #require(result.ruleset)
        let engine = Engine(ruleset: ruleset)
        let decoder = TypedJSONDecoder(schema: ruleset.schema, root: "lead")
        func decide(events count: Int) throws -> Decision {
            let events = Array(repeating: #"{"type": "v", "at": "2026-11-24T09:00:00Z"}"#, count: count)
            let json = #"{"id": "L-1", "events": [\#(events.joined(separator: ","))]}"#
            let lead = try decoder.decode(Array(json.utf8)).get()
            return engine.evaluate(lead: lead, now: Timestamp(seconds: 1_795_608_000), state: nil)
        }
        // 500 copies of 666 events of 3 values each, plus the lists: 999,501 values.
        let fits = try decide(events: 666)
        #expect(fits.warnings.filter { $0.section == .context }.isEmpty)
        let tooLarge = try decide(events: 667)
        #expect(
            tooLarge.warnings.filter { $0.section == .context }.map(\.message) == [
                "copies: the value is too large to write (more than 1000000 values or 67108864 bytes of text); null"
            ])
        #expect(tooLarge.handoff.context.map { if case .null = $0.value { true } else { false } } == [true])
    }

    /// A rule file may name any path as a CSV table: only a regular file is read.
    @Test func aCSVTableThatIsADeviceIsRefused() throws {
        let rules = """
            ruleset: device
            schema: { lead: { id: string! }, account: { domain: string! } }
            tables: { accounts: { csv: /dev/zero, type: account, key: domain } }
            accounts: { table: accounts, match: lead.id }
            queues: [{ id: inbox }]
            routing: { fallback: { queue: inbox } }

            """
        #expect(
            try LoaderFixtures.loadText(rules).lines == [
                "3:28: error: tables.accounts.csv: cannot read the CSV file '/dev/zero': it is not a regular file [csv]"
            ])
    }
}
