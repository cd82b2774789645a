import BatonLang
import Testing

@testable import BatonRules

/// Routing semantics of rules.md "Owners, teams, queues and routing", one
/// table row or test per rule: availability and its order, backup chains and
/// their length, teams picking among available members only, the four
/// strategies with and without routing state, `owner_from`, the fallback.
@Suite("Routing")
struct RoutingTests {
    let fixture = EngineFixture()
    /// 2026-11-25T12:00:00Z.
    let now = Timestamp(seconds: 1_795_608_000)

    /// A path step as one readable line, so that whole walks compare as arrays.
    static func describe(_ step: RouteStep) -> String {
        var words = ["\(step.kind.rawValue) \(step.id)"]
        if let skipped = step.skipped { words.append("skipped \(skipped.rawValue)") }
        if let until = step.untilDay { words.append("until \(until)") }
        if let picked = step.picked { words.append("picked \(picked)") }
        if let strategy = step.strategy { words.append("by \(strategy.rawValue)") }
        if let configured = step.configured { words.append("configured \(configured.rawValue)") }
        if step.isFallback { words.append("fallback") }
        return words.joined(separator: " ")
    }

    func route(
        owners: [Owner], teams: [Team] = [], queues: [Queue] = [EngineFixture.queue("unassigned")],
        rules: [RoutingRule], leadID: String = "L-1", state: RoutingState? = nil
    ) throws -> Decision {
        let ruleset = fixture.ruleset(owners: owners, teams: teams, queues: queues, routingRules: rules)
        return Engine(ruleset: ruleset).evaluate(
            lead: try EngineFixture.lead(["id": .string(leadID), "owner_hint": .string("nobody")]), now: now,
            state: state)
    }

    static let outNow = [DateRange(fromDay: 20_777, toDay: 20_787)]  // 2026-11-20 … 2026-11-30
    static let outBefore = [DateRange(fromDay: 20_765, toDay: 20_776)]  // ends the day before 2026-11-20

    @Test(
        "an owner is unavailable when switched off, out of office (dates inclusive), or at capacity, checked in that order",
        arguments: [
            (true, [], nil, 0, "owner ana"),
            (false, [], nil, 0, "owner ana skipped unavailable"),
            (true, outNow, nil, 0, "owner ana skipped out_of_office until 20787"),
            (true, outBefore, nil, 0, "owner ana"),
            (false, outNow, nil, 0, "owner ana skipped unavailable"),
            (true, [], 2, 1, "owner ana"),
            (true, [], 2, 2, "owner ana skipped at_capacity"),
            (true, outNow, 2, 2, "owner ana skipped out_of_office until 20787"),
        ] as [(Bool, [DateRange], Int?, Int, String)])
    func availability(available: Bool, outOfOffice: [DateRange], capacity: Int?, assigned: Int, expected: String) throws
    {
        let state = RoutingState()
        for _ in 0..<assigned { state.recordAssignment(of: "ana") }
        let decision = try route(
            owners: [EngineFixture.owner("ana", available: available, outOfOffice: outOfOffice, capacity: capacity)],
            rules: [try fixture.routingRule("all", assign: .owner("ana"))], state: state)
        #expect(decision.route.path.map(Self.describe).first == expected)
    }

    @Test("an owner with no backup, passed over, leaves the lead in the fallback queue; the rule is still named")
    func noBackupEndsInFallback() throws {
        let decision = try route(
            owners: [EngineFixture.owner("ana", available: false)],
            rules: [try fixture.routingRule("named", assign: .owner("ana"))])
        #expect(
            decision.route.path.map(Self.describe) == ["owner ana skipped unavailable", "queue unassigned fallback"])
        #expect(decision.route.assignee.id == "unassigned")
        #expect(decision.route.rule == "named")
    }

    @Test("backups chain through owners and teams until an available owner, a team member or a queue")
    func backupChain() throws {
        let owners = [
            EngineFixture.owner("ana", outOfOffice: Self.outNow, backup: "ben"),
            EngineFixture.owner("ben", available: false, backup: "emea"),
            EngineFixture.owner("carla", available: false),
            EngineFixture.owner("dev", name: "Dev Patel", email: "dev@acme.example"),
        ]
        let teams = [EngineFixture.team("emea", members: ["carla"], backup: "overflow")]
        let queues = [EngineFixture.queue("overflow", name: "Overflow"), EngineFixture.queue("unassigned")]
        let decision = try route(
            owners: owners, teams: teams, queues: queues,
            rules: [try fixture.routingRule("named", assign: .owner("ana"))])
        #expect(
            decision.route.path.map(Self.describe) == [
                "owner ana skipped out_of_office until 20787", "owner ben skipped unavailable",
                "team emea skipped no_available_member", "queue overflow",
            ])
        #expect(decision.route.assignee == Assignee(kind: .queue, id: "overflow", name: "Overflow", email: nil))
    }

    @Test(
        "at most 8 backups are followed after the first target; one more ends in the fallback queue",
        arguments: [(8, "owner o8", 9), (9, "queue unassigned fallback", 10)])
    func chainLength(backups: Int, expectedLast: String, expectedSteps: Int) throws {
        var owners: [Owner] = []
        for index in 0..<backups {
            owners.append(EngineFixture.owner("o\(index)", available: false, backup: "o\(index + 1)"))
        }
        owners.append(EngineFixture.owner("o\(backups)"))
        let decision = try route(owners: owners, rules: [try fixture.routingRule("r", assign: .owner("o0"))])
        #expect(decision.route.path.map(Self.describe).last == expectedLast)
        #expect(decision.route.path.count == expectedSteps)
    }

    /// FNV-1a, 64 bits, of the UTF-8 bytes: written out here so the test does not trust the engine's.
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    @Test(
        "without routing state a team picks by the FNV-1a hash of lead.id among its available members only",
        arguments: ["L-1", "L-2", "L-3", "L-4", "L-5", "Zoë-42", ""])
    func hashPickAmongAvailable(leadID: String) throws {
        let owners = [
            EngineFixture.owner("ana", outOfOffice: Self.outNow), EngineFixture.owner("ben"),
            EngineFixture.owner("carla", available: false), EngineFixture.owner("dev"),
        ]
        let teams = [EngineFixture.team("emea", members: ["ana", "ben", "carla", "dev"], strategy: .roundRobin)]
        let decision = try route(
            owners: owners, teams: teams, rules: [try fixture.routingRule("r", assign: .team("emea"))], leadID: leadID)
        let available = ["ben", "dev"]
        let expected = available[Int(Self.fnv1a(leadID) % UInt64(available.count))]
        #expect(
            decision.route.path.map(Self.describe) == ["team emea picked \(expected) by hash configured round_robin"])
        #expect(decision.route.assignee.id == expected)
    }

    @Test(
        "with routing state each strategy picks in sequence among available members",
        arguments: [
            (TeamStrategy.roundRobin, [:], ["ana", "dev", "ana", "dev", "ana"]),
            (TeamStrategy.balanced, [:], ["ana", "dev", "ana", "dev", "ana"]),
            // Smooth weighted round robin over ana 3, dev 1 (ben is out): nginx's order.
            (TeamStrategy.weighted, ["ana": 3, "ben": 5, "dev": 1], ["ana", "ana", "dev", "ana", "ana"]),
        ] as [(TeamStrategy, [String: Int], [String])])
    func strategiesWithState(strategy: TeamStrategy, weights: [String: Int], expected: [String]) throws {
        let owners = [
            EngineFixture.owner("ana"), EngineFixture.owner("ben", available: false), EngineFixture.owner("dev"),
        ]
        let teams = [EngineFixture.team("t", members: ["ana", "ben", "dev"], strategy: strategy, weights: weights)]
        let ruleset = fixture.ruleset(
            owners: owners, teams: teams, routingRules: [try fixture.routingRule("r", assign: .team("t"))])
        let engine = Engine(ruleset: ruleset)
        let state = RoutingState()
        var picks: [String] = []
        for index in 0..<expected.count {
            let lead = try EngineFixture.lead(["id": .string("L-\(index)")])
            let decision = engine.evaluate(lead: lead, now: now, state: state)
            picks.append(decision.route.assignee.id)
            #expect(decision.route.path.first?.strategy == strategy)
            #expect(decision.route.path.first?.configured == nil)
        }
        #expect(picks == expected)
    }

    @Test("balanced picks the member with the fewest assignments, ties by listed order")
    func balancedUsesCounts() throws {
        let owners = [EngineFixture.owner("ana"), EngineFixture.owner("ben"), EngineFixture.owner("dev")]
        let teams = [EngineFixture.team("t", members: ["ana", "ben", "dev"], strategy: .balanced)]
        let state = RoutingState()
        for _ in 0..<3 { state.recordAssignment(of: "ana") }
        state.recordAssignment(of: "ben")
        let decision = try route(
            owners: owners, teams: teams, rules: [try fixture.routingRule("r", assign: .team("t"))], state: state)
        #expect(decision.route.assignee.id == "dev")
        #expect(state.assignments(of: "dev") == 1)
    }

    @Test(
        "a team member at capacity is passed over like an unavailable one; the team's backup takes the lead when none is left"
    )
    func teamCapacity() throws {
        let owners = [EngineFixture.owner("ana", capacity: 1), EngineFixture.owner("ben", capacity: 1)]
        let teams = [EngineFixture.team("t", members: ["ana", "ben"], backup: "overflow")]
        let queues = [EngineFixture.queue("overflow"), EngineFixture.queue("unassigned")]
        let ruleset = fixture.ruleset(
            owners: owners, teams: teams, queues: queues,
            routingRules: [try fixture.routingRule("r", assign: .team("t"))])
        let engine = Engine(ruleset: ruleset)
        let state = RoutingState()
        let assignees = try (0..<3).map {
            engine.evaluate(lead: try EngineFixture.lead(["id": .string("L-\($0)")]), now: now, state: state).route
                .assignee.id
        }
        #expect(assignees == ["ana", "ben", "overflow"])
    }

    @Test(
        "owner_from must give an owner id: null, a team, a queue or an unknown id falls through with unknown-owner",
        arguments: [
            ("\"ana\"", "ana", 0),
            ("lead.first_name", "ben", 1),  // null
            ("\"emea\"", "ben", 1),  // a team id
            ("\"unassigned\"", "ben", 1),  // a queue id
            ("lead.owner_hint", "ben", 1),  // "nobody"
        ])
    func ownerFrom(expression: String, expected: String, warnings: Int) throws {
        let owners = [EngineFixture.owner("ana"), EngineFixture.owner("ben")]
        let teams = [EngineFixture.team("emea", members: ["ana"])]
        let decision = try route(
            owners: owners, teams: teams,
            rules: [
                try fixture.routingRule("named", assign: .ownerFrom(try fixture.expression(expression, in: .decision))),
                try fixture.routingRule("rest", assign: .owner("ben")),
            ])
        #expect(decision.route.assignee.id == expected)
        #expect(decision.route.rule == (warnings == 0 ? "named" : "rest"))
        #expect(decision.warnings.filter { $0.code == WarningCode.unknownOwner }.count == warnings)
        #expect(decision.warnings.allSatisfy { $0.section == .routing && $0.rule == "named" })
    }

    @Test("rules are tried in order, the first true wins; none true goes to the fallback with a null rule")
    func firstTrueRuleWins() throws {
        let owners = [EngineFixture.owner("ana"), EngineFixture.owner("ben")]
        let rules = [
            try fixture.routingRule("big", when: "(lead.employees ?? 0) >= 1000", assign: .owner("ana")),
            try fixture.routingRule("emea", when: "lead.country == \"DE\"", assign: .owner("ben")),
        ]
        let ruleset = fixture.ruleset(owners: owners, routingRules: rules)
        let engine = Engine(ruleset: ruleset)
        let cases: [([String: Value], String, String?)] = [
            (["employees": .int(5000), "country": .string("DE")], "ana", "big"),
            (["employees": .int(50), "country": .string("DE")], "ben", "emea"),
            (["employees": .int(50), "country": .string("US")], "unassigned", nil),
        ]
        for (fields, assignee, rule) in cases {
            var withID = fields
            withID["id"] = .string("L-1")
            let decision = engine.evaluate(lead: try EngineFixture.lead(withID), now: now, state: nil)
            #expect(decision.route.assignee.id == assignee)
            #expect(decision.route.rule == rule)
        }
    }
}
