import BatonLang
import Testing

@testable import BatonRules

@Suite("Event field tests")
struct EventFieldTestTests {
    let fixture = EngineFixture()
    let now = Timestamp(seconds: 1_795_000_000)

    func test(_ condition: String) throws -> EventFieldTest? {
        let expression = try fixture.expression(condition, in: .event)
        return EventFieldTest(condition: expression.program.expr, eventType: EngineFixture.eventType)
    }

    @Test("a condition led by event.field == \"text\" has a field test")
    func recognised() throws {
        let typeSlot = try #require(EngineFixture.eventType.slot(of: "type"))
        let formSlot = try #require(EngineFixture.eventType.slot(of: "form"))
        for (condition, slot, text) in [
            ("event.type == \"page_view\"", typeSlot, "page_view"),
            ("\"demo\" == event.form and event.type == \"x\"", formSlot, "demo"),
            ("event.type == \"a\" && event.form == \"b\" and event.url != null", typeSlot, "a"),
        ] {
            let found = try #require(try test(condition), "\(condition)")
            #expect(found.slot == slot && found.expected == text, "\(condition)")
        }
    }

    @Test("other conditions have none")
    func notRecognised() throws {
        for condition in [
            "event.type != \"page_view\"", "event.type == \"a\" or event.form == \"b\"",
            "event.form == \"b\" or event.type == \"a\" and true", "lead.email == \"a\"", "event.type == event.form",
            "event.url != null and event.type == \"a\"",
        ] {
            #expect(try test(condition) == nil, "\(condition)")
        }
    }

    @Test("skipping events that fail the field test changes no score, contribution or warning")
    func skippingIsUnseen() throws {
        // `explain` evaluates every condition; `evaluate` skips by the field test.
        let ruleset = fixture.ruleset(components: [
            ScoreComponent(
                name: "engagement", min: nil, max: nil, decay: nil, rules: [],
                eventRules: [
                    try fixture.rule(
                        "pricing", when: "event.type == \"page_view\" and event.url.contains(\"/pricing\")", points: 3,
                        event: true),
                    try fixture.rule(
                        "demo", when: "event.form == \"demo\" && event.url.startsWith(\"/\")", points: 5, event: true),
                    try fixture.rule("typed", when: "\"form_submit\" == event.type", points: 1, limit: 1, event: true),
                ])
        ])
        let lead = try EngineFixture.lead(
            ["id": .string("L-1")],
            events: [
                ("page_view", "2026-11-01T00:00:00Z", "/pricing", nil),
                ("form_submit", "2026-11-02T00:00:00Z", nil, "demo"),
                ("page_view", "2026-11-03T00:00:00Z", nil, nil),
                ("page_viewed", "2026-11-04T00:00:00Z", "/pricing", nil),
                ("form_submit", "2026-11-05T00:00:00Z", "/x", "demo"),
            ])
        let engine = Engine(ruleset: ruleset)
        let fast = engine.evaluate(lead: lead, now: now, state: nil)
        let explained = engine.explain(lead: lead, now: now, state: nil).decision
        #expect(fast.score.total == explained.score.total)
        #expect(fast.score.contributions == explained.score.contributions)
        #expect(fast.warnings == explained.warnings)
        let summary = fast.warnings.map { "\($0.rule ?? "-") \($0.events ?? []) \($0.code)" }
        #expect(summary == ["pricing [2] eval-error", "demo [1] eval-error"])
        #expect(fast.score.contributions.map { "\($0.rule) \($0.event ?? -1)" } == ["pricing 0", "demo 4", "typed 4"])
    }
}
