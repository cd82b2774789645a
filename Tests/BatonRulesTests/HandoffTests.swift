import BatonLang
import Testing

@testable import BatonRules

/// Handoff semantics of rules.md "Handoff": suppression first and in order,
/// failing closed; `when`; stage and next step only for a handoff; context
/// and the last key event for every status; routing decided whatever the status.
@Suite("Handoff")
struct HandoffTests {
    let fixture = EngineFixture()
    /// 2026-11-25T12:00:00Z.
    let now = Timestamp(seconds: 1_795_608_000)

    func handoff(
        nextSteps: [(String?, String)] = [("lead.country == \"DE\"", "Call in German"), (nil, "Send the case study")]
    )
        throws -> Handoff
    {
        Handoff(
            suppress: [
                SuppressRule(
                    id: "unsubscribed", when: try fixture.expression("lead.unsubscribed == true", in: .decision),
                    location: EngineFixture.here),
                SuppressRule(
                    id: "customer", when: try fixture.expression("lead.lifecycle_stage == \"customer\"", in: .decision),
                    location: EngineFixture.here),
                // Errors when employees is absent: suppression must fail closed then.
                SuppressRule(
                    id: "tiny", when: try fixture.expression("lead.employees < 5", in: .decision),
                    location: EngineFixture.here),
            ],
            when: try fixture.expression("score.total >= 50", in: .decision),
            stage: "marketing_qualified_lead",
            context: [
                ContextField(name: "country", value: try fixture.expression("lead.country", in: .decision)),
                ContextField(name: "events", value: try fixture.expression("lead.events.size()", in: .decision)),
            ],
            nextSteps: try nextSteps.map { when, say in
                NextStep(
                    when: try when.map { try fixture.expression($0, in: .decision) },
                    say: try fixture.template(say, in: .decision), location: EngineFixture.here)
            })
    }

    func decide(_ fields: [String: Value], points: Double = 60, handoff: Handoff? = nil) throws -> Decision {
        let ruleset = fixture.ruleset(
            components: [
                ScoreComponent(
                    name: "fit", min: nil, max: nil, decay: nil, rules: [try fixture.rule("base", points: points)],
                    eventRules: [])
            ],
            grades: [Grade(grade: "A", minimum: ScorePoints(hundredths: 5000)), Grade(grade: "B", minimum: nil)],
            owners: [EngineFixture.owner("ana")],
            routingRules: [try fixture.routingRule("everyone", assign: .owner("ana"))],
            handoff: try handoff ?? self.handoff())
        var withID = fields
        withID["id"] = .string("L-1")
        return Engine(ruleset: ruleset).evaluate(lead: try EngineFixture.lead(withID), now: now, state: nil)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: [String: Value]
        var points: Double
        var status: HandoffStatus
        var suppressedBy: String?
        var nextStep: String?
        var warnings: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "ready and German", fields: ["employees": .int(50), "country": .string("DE")], points: 60,
            status: .handoff, nextStep: "Call in German", warnings: []),
        Case(
            name: "ready, the last next step has no when", fields: ["employees": .int(50), "country": .string("US")],
            points: 60, status: .handoff, nextStep: "Send the case study", warnings: []),
        Case(
            name: "not ready: no stage, no next step", fields: ["employees": .int(50)], points: 49.99,
            status: .notReady, warnings: []),
        Case(
            name: "the first true suppress rule wins",
            fields: ["employees": .int(50), "unsubscribed": .bool(true), "lifecycle_stage": .string("customer")],
            points: 60, status: .suppressed, suppressedBy: "unsubscribed", warnings: []),
        Case(
            name: "a later suppress rule when the first does not hold",
            fields: ["employees": .int(50), "unsubscribed": .bool(false), "lifecycle_stage": .string("customer")],
            points: 60, status: .suppressed, suppressedBy: "customer", warnings: []),
        Case(
            name: "a suppress rule that fails suppresses, with a warning", fields: [:], points: 90,
            status: .suppressed, suppressedBy: "tiny", warnings: ["suppress tiny eval-error"]),
    ]

    @Test("status, stage, suppressed_by and next step", arguments: cases)
    func statuses(_ row: Case) throws {
        let decision = try decide(row.fields, points: row.points)
        #expect(decision.handoff.status == row.status)
        #expect(decision.handoff.suppressedBy == row.suppressedBy)
        #expect(decision.handoff.stage == (row.status == .handoff ? "marketing_qualified_lead" : nil))
        #expect(decision.handoff.nextStep == row.nextStep)
        #expect(decision.warnings.map { "\($0.section.rawValue) \($0.rule ?? "-") \($0.code)" } == row.warnings)
        // Routing and context are decided whatever the status.
        #expect(decision.route.assignee.id == "ana")
        #expect(decision.handoff.context.map(\.name) == ["country", "events"])
    }

    @Test("context is computed for a suppressed lead too; a failing context value is null with a warning")
    func contextForEveryStatus() throws {
        var custom = try handoff()
        custom.context.append(
            ContextField(name: "per_employee", value: try fixture.expression("100 / lead.employees", in: .decision)))
        let decision = try decide(
            ["employees": .int(0), "unsubscribed": .bool(true), "country": .string("FR")], handoff: custom)
        #expect(decision.handoff.status == .suppressed)
        #expect(
            decision.handoff.context.map { "\($0.name)=\($0.value)" } == [
                "country=string(\"FR\")", "events=int(0)", "per_employee=null",
            ])
        #expect(
            decision.warnings.map { "\($0.section.rawValue) \($0.rule ?? "-") \($0.code)" } == [
                "context per_employee eval-error"
            ])
    }

    @Test("next steps are not evaluated unless the lead is handed off")
    func nextStepsOnlyOnHandoff() throws {
        // A failing next-step condition would warn if it were evaluated.
        let failing = try handoff(nextSteps: [("lead.employees / 0 > 1", "never"), (nil, "fallback")])
        let notReady = try decide(["employees": .int(50)], points: 10, handoff: failing)
        #expect(notReady.handoff.status == .notReady)
        #expect(notReady.warnings.isEmpty)
        let ready = try decide(["employees": .int(50)], points: 60, handoff: failing)
        #expect(ready.handoff.nextStep == "fallback")
        #expect(ready.warnings.map { "\($0.section.rawValue) \($0.code)" } == ["next_steps eval-error"])
    }

    @Test("the last key event is the latest positive contribution, ties to the higher index, named by its first rule")
    func lastKeyEvent() throws {
        let eventRules = [
            try fixture.rule("visit", when: "event.type == \"page_view\"", points: 5, event: true),
            try fixture.rule("demo", when: "event.type == \"form_submit\"", points: 40, event: true),
            try fixture.rule("any-form", when: "event.type == \"form_submit\"", points: 1, event: true),
            try fixture.rule("penalty", when: "event.type == \"unsubscribe\"", points: -10, event: true),
        ]
        let ruleset = fixture.ruleset(
            components: [
                ScoreComponent(name: "engagement", min: nil, max: nil, decay: nil, rules: [], eventRules: eventRules)
            ],
            grades: [Grade(grade: "A", minimum: nil)], owners: [EngineFixture.owner("ana")],
            routingRules: [try fixture.routingRule("everyone", assign: .owner("ana"))])
        let engine = Engine(ruleset: ruleset)
        let lead = try EngineFixture.lead(
            ["id": .string("L-1")],
            events: [
                ("page_view", "2026-11-20T09:00:00Z", nil, nil),
                ("form_submit", "2026-11-22T09:00:00Z", nil, "demo"),
                ("page_view", "2026-11-22T09:00:00Z", nil, nil),
                ("unsubscribe", "2026-11-24T09:00:00Z", nil, nil),
            ])
        let event = try #require(engine.evaluate(lead: lead, now: now, state: nil).handoff.lastKeyEvent)
        // Index 3 is later but contributes negatively; 1 and 2 tie on `at`: the higher index wins.
        #expect(event.index == 2)
        #expect(event.type == "page_view")
        #expect(event.rule == "visit")
        #expect(event.at == (try EngineFixture.time("2026-11-22T09:00:00Z")))

        let onlyForm = try EngineFixture.lead(
            ["id": .string("L-2")], events: [("form_submit", "2026-11-22T09:00:00Z", nil, "demo")])
        // The first rule in rule order through which the event contributed.
        #expect(engine.evaluate(lead: onlyForm, now: now, state: nil).handoff.lastKeyEvent?.rule == "demo")

        let none = try EngineFixture.lead(
            ["id": .string("L-3")], events: [("unsubscribe", "2026-11-22T09:00:00Z", nil, nil)])
        #expect(engine.evaluate(lead: none, now: now, state: nil).handoff.lastKeyEvent == nil)
    }
}
