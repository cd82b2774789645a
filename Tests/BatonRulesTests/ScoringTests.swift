import BatonLang
import Foundation
import Testing

@testable import BatonRules

@Suite("Scoring")
struct ScoringTests {
    let fixture = EngineFixture()
    let now = Timestamp(seconds: 1_795_000_000)

    @Test(
        "rounds the shortest decimal half away from zero to hundredths",
        arguments: [
            (0.125, 13), (2.675, 268), (-0.125, -13), (1.005, 101), (0.005, 1), (0.0049, 0), (1e-05, 0),
            (45, 4500), (92.5, 9250), (-2.675, -268), (0.1 + 0.2, 30), (1234567.891, 123_456_789), (-0.0, 0),
        ] as [(Double, Int64)])
    func rounding(value: Double, hundredths: Int64) {
        #expect(ScorePoints(rounding: value)?.hundredths == hundredths)
    }

    @Test("rounding in binary agrees with the decimal rounding wherever it answers")
    func binaryRounding() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = []
        for _ in 0..<20_000 { values.append(Double.random(in: -1_000...1_000, using: &generator)) }
        for _ in 0..<20_000 { values.append(Double.random(in: 0...1e6, using: &generator)) }
        // Decayed points, as event rules make them.
        for age in 0..<20_000 { values.append(40 * pow(0.5, Double(age) / 997)) }
        // Ties and near ties in decimal.
        for thousandths in -20_000...20_000 where thousandths.magnitude % 10 == 5 {
            values.append(Double(thousandths) / 1_000)
        }
        var answered = 0
        for value in values {
            guard let binary = ScorePoints.binaryHundredths(of: value) else { continue }
            answered += 1
            #expect(binary == ScorePoints.decimalHundredths(of: value), "\(value)")
        }
        // All but the ties and near ties.
        #expect(answered > 55_000)
    }

    @Test("a value that is not finite does not round")
    func nonFinite() {
        #expect(ScorePoints(rounding: .infinity) == nil)
        #expect(ScorePoints(rounding: .nan) == nil)
        #expect(ScorePoints(rounding: 1e300)?.hundredths == ScorePoints.saturationHundredths)
    }

    @Test("a component clamps its unrounded sum, then rounds; the total is the exact sum; grades use it")
    func clampThenRound() throws {
        let ruleset = fixture.ruleset(
            components: [
                ScoreComponent(
                    name: "fit", min: nil, max: 50, decay: nil,
                    rules: [try fixture.rule("big", points: 40), try fixture.rule("bigger", points: 30)], eventRules: []
                ),
                ScoreComponent(
                    name: "bonus", min: nil, max: nil, decay: nil,
                    rules: [try fixture.rule("a", points: 0.125), try fixture.rule("b", points: 29.87)], eventRules: []),
            ],
            grades: [
                Grade(grade: "A", minimum: ScorePoints(hundredths: 8000)),
                Grade(grade: "B", minimum: ScorePoints(hundredths: 5000)), Grade(grade: "C", minimum: nil),
            ])
        let decision = Engine(ruleset: ruleset).evaluate(
            lead: try EngineFixture.lead(["id": .string("L-1")]), now: now, state: nil)
        // fit: 70 clamped to 50; bonus: 0.125 + 29.87 = 29.995 unrounded, rounded once to 30.
        #expect(decision.score.components.map(\.points.hundredths) == [5000, 3000])
        #expect(decision.score.total.hundredths == 8000)
        #expect(decision.score.grade == "A")
        #expect(decision.score.contributions.map(\.points.hundredths) == [4000, 3000, 13, 2987])
    }

    @Test("grades compare against the rounded total: 49.995 rounds to 50 and reaches B")
    func gradeFromRoundedTotal() throws {
        let ruleset = fixture.ruleset(
            components: [
                ScoreComponent(
                    name: "fit", min: nil, max: nil, decay: nil, rules: [try fixture.rule("r", points: 49.995)],
                    eventRules: [])
            ],
            grades: [Grade(grade: "B", minimum: ScorePoints(hundredths: 5000)), Grade(grade: "C", minimum: nil)])
        let decision = Engine(ruleset: ruleset).evaluate(
            lead: try EngineFixture.lead(["id": .string("L-1")]), now: now, state: nil)
        #expect(decision.score.total.hundredths == 5000)
        #expect(decision.score.grade == "B")
    }

    @Test("a component without min can go negative; with min it stops there")
    func negativeComponents() throws {
        let ruleset = fixture.ruleset(components: [
            ScoreComponent(
                name: "free", min: nil, max: nil, decay: nil, rules: [try fixture.rule("minus", points: -20)],
                eventRules: []),
            ScoreComponent(
                name: "floored", min: 0, max: nil, decay: nil, rules: [try fixture.rule("minus2", points: -20)],
                eventRules: []),
        ])
        let decision = Engine(ruleset: ruleset).evaluate(
            lead: try EngineFixture.lead(["id": .string("L-1")]), now: now, state: nil)
        #expect(decision.score.components.map(\.points.hundredths) == [-2000, 0])
        #expect(decision.score.total.hundredths == -2000)
    }

    @Test(
        "half-life decay is 0.5^(age / half life); an event in the future counts as age 0",
        arguments: [
            ("2026-11-25T12:00:00Z", 1000), ("2026-10-26T12:00:00Z", 500), ("2026-09-26T12:00:00Z", 250),
            ("2026-12-25T12:00:00Z", 1000), ("2026-11-10T12:00:00Z", 707),
        ] as [(String, Int64)])
    func halfLife(at: String, hundredths: Int64) throws {
        let component = ScoreComponent(
            name: "engagement", min: nil, max: nil, decay: .halfLife(TimeDuration(seconds: 30 * 86_400)), rules: [],
            eventRules: [try fixture.rule("visit", when: "event.type == \"page_view\"", points: 10, event: true)])
        let lead = try EngineFixture.lead(["id": .string("L-1")], events: [("page_view", at, nil, nil)])
        let decision = Engine(ruleset: fixture.ruleset(components: [component])).evaluate(
            lead: lead, now: try EngineFixture.time("2026-11-25T12:00:00Z"), state: nil)
        #expect(decision.score.total.hundredths == hundredths)
    }

    @Test(
        "a window counts an event in full up to its length and not at all beyond",
        arguments: [
            ("2026-08-27T12:00:00Z", 1000), ("2026-08-27T11:59:59Z", 0), ("2026-11-25T12:00:00Z", 1000),
        ] as [(String, Int64)])
    func window(at: String, hundredths: Int64) throws {
        let component = ScoreComponent(
            name: "engagement", min: nil, max: nil, decay: .window(TimeDuration(seconds: 90 * 86_400)), rules: [],
            eventRules: [try fixture.rule("visit", points: 10, event: true)])
        let lead = try EngineFixture.lead(["id": .string("L-1")], events: [("page_view", at, nil, nil)])
        let decision = Engine(ruleset: fixture.ruleset(components: [component])).evaluate(
            lead: lead, now: try EngineFixture.time("2026-11-25T12:00:00Z"), state: nil)
        #expect(decision.score.total.hundredths == hundredths)
    }

    @Test("limit keeps the most recent matching events, ties to the higher index, whatever their points")
    func limitPicksMostRecent() throws {
        let component = ScoreComponent(
            name: "engagement", min: nil, max: nil, decay: nil, rules: [],
            eventRules: [
                try fixture.rule(
                    "pricing", when: "event.type == \"page_view\"",
                    pointsExpression: "event.url == \"/big\" ? 100 : 1", limit: 2, event: true)
            ])
        let lead = try EngineFixture.lead(
            ["id": .string("L-1")],
            events: [
                ("page_view", "2026-11-01T00:00:00Z", "/big", nil),  // oldest: dropped despite its points
                ("page_view", "2026-11-20T00:00:00Z", "/a", nil),
                ("form_submit", "2026-11-24T00:00:00Z", nil, "demo"),  // does not match
                ("page_view", "2026-11-10T00:00:00Z", "/b", nil),
                ("page_view", "2026-11-20T00:00:00Z", "/c", nil),  // ties with 1, higher index wins
            ])
        let decision = Engine(ruleset: fixture.ruleset(components: [component])).evaluate(
            lead: lead, now: try EngineFixture.time("2026-11-25T00:00:00Z"), state: nil)
        #expect(decision.score.contributions.map(\.event) == [1, 4])
        #expect(decision.score.total.hundredths == 200)
    }

    @Test("a failing or null condition contributes nothing and warns once per rule, listing events")
    func conditionWarnings() throws {
        let ruleset = fixture.ruleset(components: [
            ScoreComponent(
                name: "fit", min: nil, max: nil, decay: nil,
                rules: [
                    try fixture.rule("big", when: "lead.employees >= 1000", points: 20),
                    try fixture.rule("ratio", pointsExpression: "lead.employees / 0"),
                ],
                eventRules: [
                    try fixture.rule("forms", when: "event.form.startsWith(\"demo\")", points: 5, event: true)
                ])
        ])
        let lead = try EngineFixture.lead(
            ["id": .string("L-1")],
            events: [
                ("page_view", "2026-11-01T00:00:00Z", "/x", nil), ("form_submit", "2026-11-02T00:00:00Z", nil, "demo"),
                ("page_view", "2026-11-03T00:00:00Z", "/y", nil),
            ])
        let decision = Engine(ruleset: ruleset).evaluate(lead: lead, now: now, state: nil)
        #expect(decision.score.total.hundredths == 500)
        let summary = decision.warnings.map { "\($0.section.rawValue) \($0.rule ?? "-") \($0.events ?? []) \($0.code)" }
        #expect(
            summary == [
                "scoring big [] eval-error", "scoring ratio [] eval-error", "scoring forms [0, 2] eval-error",
            ])
    }

    @Test("a null condition does not match and warns null-condition")
    func nullCondition() throws {
        let ruleset = fixture.ruleset(components: [
            ScoreComponent(
                name: "fit", min: nil, max: nil, decay: nil,
                rules: [try fixture.rule("flag", when: "lead.unsubscribed ?? null", points: 20)], eventRules: [])
        ])
        let decision = Engine(ruleset: ruleset).evaluate(
            lead: try EngineFixture.lead(["id": .string("L-1")]), now: now, state: nil)
        #expect(decision.score.total.hundredths == 0)
        #expect(decision.warnings.map(\.code) == ["null-condition"])
        #expect(decision.warnings.first?.message == "when is null")
    }

    @Test("contributions list non-zero rules by component, rule, event; rules without when always apply")
    func contributionOrder() throws {
        let ruleset = fixture.ruleset(components: [
            ScoreComponent(
                name: "engagement", min: nil, max: nil, decay: nil, rules: [try fixture.rule("base", points: 1)],
                eventRules: [
                    try fixture.rule("any", points: 2, event: true),
                    try fixture.rule("zero", points: 0, event: true),
                ]),
            ScoreComponent(
                name: "fit", min: nil, max: nil, decay: nil,
                rules: [try fixture.rule("size", when: "lead.employees >= 10", points: 3)], eventRules: []),
        ])
        let lead = try EngineFixture.lead(
            ["id": .string("L-1"), "employees": .int(50)],
            events: [("a", "2026-11-01T00:00:00Z", nil, nil), ("b", "2026-11-02T00:00:00Z", nil, nil)])
        let decision = Engine(ruleset: ruleset).evaluate(lead: lead, now: now, state: nil)
        let listed = decision.score.contributions.map {
            "\($0.component)/\($0.rule)/\($0.event.map(String.init) ?? "-")"
        }
        #expect(listed == ["engagement/base/-", "engagement/any/0", "engagement/any/1", "fit/size/-"])
        #expect(decision.score.components.map(\.name) == ["engagement", "fit"])
    }
}
