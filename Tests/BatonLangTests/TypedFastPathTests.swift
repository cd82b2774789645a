import Testing

@testable import BatonLang

/// The compiler's typed fast paths (bool and number forms, fields read in
/// place, constant lists, byte-level substring tests) give exactly what the
/// general path gives: each case is evaluated untraced (fast paths) and
/// traced (general path only), and both must print the expected value.
@Suite struct TypedFastPathTests {
    static let kelvin = "\u{212A}"

    @Test(
        arguments: [
            ("lead.employees >= 200", [:], "bool:true"),
            ("lead.employees >= 200", ["employees": .null], "error: null operand: lead.employees is null"),
            ("lead.employees == 250.0", [:], "bool:true"),
            (
                "lead.annual_revenue > 9007199254740993", ["annual_revenue": .double(9_007_199_254_740_992)],
                "bool:false"
            ),
            ("lead.annual_revenue >= 12500000", [:], "bool:true"),
            ("lead.employees < 250.5", [:], "bool:true"),
            ("lead.country == 'K'", ["country": .string(kelvin)], "bool:false"),
            ("lead.country in ['K', 'US']", ["country": .string(kelvin)], "bool:false"),
            ("lead.country in ['CA', 'US']", [:], "bool:true"),
            ("lead.country != 'US'", [:], "bool:false"),
            ("lead.country != 'US'", ["country": .null], "bool:true"),
            ("lead.country not in ['CA', 'US']", [:], "bool:false"),
            ("lead.employees in [250, 'x']", [:], "bool:true"),
            ("lead.country not in ['CA', 'US']", ["country": .null], "bool:true"),
            ("lead.title.lower().contains('vp')", ["title": .string("Ärztin, VP Sales")], "bool:true"),
            ("lead.title.lower().startsWith('vp')", ["title": .string("vP ÄRZTIN")], "bool:true"),
            ("lead.title.lower().contains('vp')", ["title": .null], "error: null operand: lead.title is null"),
            ("lead.title.contains('Sales')", [:], "bool:true"),
            ("lead.title.endsWith('')", [:], "bool:true"),
            ("lead.title.contains('Sales')", ["title": .null], "error: null operand: lead.title is null"),
            ("lead.employees > 1000 && lead.title.contains('x')", ["title": .null], "bool:false"),
            (
                "lead.employees > 100 && lead.title.contains('x')", ["title": .null],
                "error: null operand: lead.title is null"
            ),
            ("lead.title.contains('x') || lead.employees > 100", ["title": .null], "bool:true"),
            ("!lead.active", ["active": .null], "error: null operand: lead.active is null"),
            ("lead.employees * 9223372036854775807 > 0", [:], "error: integer overflow: 250 * 9223372036854775807"),
            ("lead.employees / 0 > 1", [:], "error: division by zero"),
            ("lead.employees / 100 * 2.5 + (lead.annual_revenue > 1000000 ? 10 : 0)", [:], "double:16.25"),
            // A call of three arguments: evaluated and checked in order, then applied.
            ("clamp(lead.employees, 0, 100)", [:], "int:100"),
            ("clamp(lead.annual_revenue / 10000000, 0, 10)", [:], "double:1.25"),
            ("clamp(lead.employees, 0.5, 1000)", [:], "double:250"),
            ("clamp(lead.employees, 0, 100)", ["employees": .null], "error: null operand: lead.employees is null"),
            ("clamp(5, lead.employees, 10)", ["employees": .null], "error: null operand: lead.employees is null"),
            ("clamp(lead.employees, lead.employees / 0, 10)", [:], "error: division by zero"),
            ("clamp(lead.employees, 10, 0)", [:], "error: clamp() needs lo <= hi, got 10 and 0"),
            ("(lead.employees > 100 ? 1 : 2.5) + 1", [:], "int:2"),
            ("(lead.active ? 1 : 2) + 1", ["active": .null], "error: null operand: lead.active is null"),
            ("lead.events.count(e, e.type == 'page_view') == 1", [:], "bool:true"),
            ("lead.events.exists(e, e.url.contains('pricing'))", [:], "bool:true"),
            ("lead.events.all(e, e.url.contains('pricing'))", [:], "error: null operand: e.url is null"),
            ("lead.events.count(e, e.url.contains('x'))", [:], "error: null operand: e.url is null"),
            ("lead.events.exists_one(e, e.type == 'form_submit')", [:], "bool:true"),
            ("lead.tags.exists(t, t == 'saas')", [:], "bool:true"),
            ("lead.events.exists(e, lead.tags.exists(t, t == e.type))", [:], "bool:false"),
            ("[1, 2, 3].count(x, x > 1)", [:], "int:2"),
            ("lead.attributes.exists(k, k == 'source')", [:], "bool:true"),
            // Fused trees: what their fast paths cannot give, the general path builds.
            (
                "lead.employees / 100 * 2.5 + (lead.annual_revenue > 1000000 ? 10 : 0)", ["employees": .null],
                "error: null operand: lead.employees is null"
            ),
            ("(lead.employees >= 200 && lead.employees < 1000 ? 8 : 0) + 1", [:], "int:9"),
            (
                "(lead.employees > 100 && lead.title.contains('x') ? 1 : 0) + 1", ["title": .null],
                "error: null operand: lead.title is null"
            ),
            ("lead.employees * 9223372036854775807 + 1", [:], "error: integer overflow: 250 * 9223372036854775807"),
            ("lead.employees / 0 + 1", [:], "error: division by zero"),
            ("lead.events.count(e, e.type == 'page_view' && e.url.contains('pricing'))", [:], "int:1"),
            // The loop tests the sides of a top `&&` or `||` itself; a side without a verdict goes to the general form.
            ("lead.events.exists(e, e.type == 'x' || e.url.contains('pricing'))", [:], "bool:true"),
            ("lead.events.all(e, e.type == 'page_view' || e.form == 'demo')", [:], "bool:true"),
            ("lead.events.count(e, e.type == 'form_submit' || e.url.contains('x'))", [:], "int:2"),
            (
                "lead.events.exists(e, e.url.contains('nothing') && e.type == 'form_submit')", [:],
                "error: null operand: e.url is null"
            ),
            ("lead.events.all(e, e.type == 'form_submit' && e.url.contains('x'))", [:], "bool:false"),
            ("lead.events.exists_one(e, e.form == 'demo' || e.url.contains('pricing'))", [:], "bool:false"),
            (
                "lead.events.count(e, e.type == 'page_view' && e.url.contains('pricing'))", ["events": .list([])],
                "int:0"
            ),
            (
                "lead.events.exists(e, e.type == 'page_view')", ["events": .null],
                "error: null operand: lead.events is null"
            ),
            ("lead.tags.count(t, t == 'saas' || t == 'b2b')", [:], "int:2"),
            // Elements that are not records: the field tests give no verdict.
            (
                "lead.events.count(e, e.type == 'x' || e.url.contains('x'))", ["events": .list([.int(1)])],
                "error: cannot select field 'type' of int"
            ),
            (
                "lead.events.count(e, e.type == 'form_submit' && e.url.contains('x'))", [:],
                "error: null operand: e.url is null"
            ),
        ] as [(String, [String: Value], String)])
    func fastAndGeneralPathsAgree(source: String, overrides: [String: Value], expected: String) throws {
        let (fast, general) = try LanguageFixture.fastAndGeneral(source, overriding: overrides)
        #expect(fast == expected)
        #expect(general == expected)
    }

    /// A timestamp field compared with a time a constant duration from
    /// `now` (`FieldTimeFromNow`): the fast path gives what the general
    /// path gives, its errors (null, wrong type, out of range) included,
    /// whatever `now` is.
    @Test(
        arguments: [
            ("now - lead.created_at <= 7d", [:], "bool:false"),
            ("now - lead.created_at > 7d", [:], "bool:true"),
            ("now - lead.created_at == 608000s", [:], "bool:true"),
            ("now - lead.created_at != 608000s", [:], "bool:false"),
            ("lead.created_at >= now - 7d", [:], "bool:false"),
            ("lead.created_at >= now - 8d", [:], "bool:true"),
            ("lead.created_at < now + 1h", [:], "bool:true"),
            ("lead.created_at == now - 608000s", [:], "bool:true"),
            ("lead.events.count(e, now - e.at <= 1d)", [:], "int:1"),
            ("lead.events.count(e, now - e.at <= 30d)", [:], "int:2"),
            ("lead.events.count(e, e.at > now - 2h)", [:], "int:0"),
            (
                "now - lead.created_at <= 7d", ["created_at": .null],
                "error: null operand: lead.created_at is null"
            ),
            (
                "lead.created_at >= now - 7d", ["created_at": .null],
                "error: null operand: lead.created_at is null"
            ),
            (
                "now - lead.created_at <= 7d", ["created_at": .int(5)],
                "error: cannot apply '-' to timestamp and int"
            ),
            (
                "lead.created_at >= now - 7d", ["created_at": .int(5)],
                "error: cannot compare int with timestamp using '>='"
            ),
            (
                "now - lead.created_at <= 7d", ["created_at": .timestamp(Timestamp(seconds: -62_135_596_800))],
                "error: duration out of range"
            ),
        ] as [(String, [String: Value], String)])
    func timeFromNowAgrees(source: String, overrides: [String: Value], expected: String) throws {
        let (fast, general) = try LanguageFixture.fastAndGeneral(source, overriding: overrides)
        #expect(fast == expected)
        #expect(general == expected)
    }

    /// Out-of-range arithmetic on the way (a `now` far from the field, or
    /// near the end of time) gives the general path's error, and nanoseconds
    /// carry over as they do there.
    @Test(
        arguments: [
            "now - lead.created_at <= 7d", "lead.created_at >= now - 7d", "lead.created_at <= now + 1d",
            "lead.created_at < now - 1ms", "lead.created_at > now + 1ms", "now - lead.created_at >= -1ms",
        ])
    func timeFromNowAgreesAtTheEdges(source: String) throws {
        let program = try #require(LanguageFixture.environment.compile(source).program)
        let nows = [
            Timestamp(seconds: 253_402_300_799, nanos: 999_999_999), Timestamp(seconds: -62_135_596_800),
            Timestamp(seconds: .max, nanos: 999_999_999), Timestamp(seconds: .min), Timestamp(seconds: 1_795_000_000),
            Timestamp(seconds: 1_795_000_000, nanos: 1), Timestamp(seconds: 1_794_999_999, nanos: 999_999_999),
        ]
        let createds = [
            Timestamp(seconds: 1_795_000_000), Timestamp(seconds: 1_795_000_000, nanos: 500_000_000),
            Timestamp(seconds: 253_402_300_799, nanos: 999_999_999),
        ]
        for now in nows {
            for created in createds {
                let lead = LanguageFixture.sampleLead(overriding: ["created_at": .timestamp(created)])
                func activation() -> Activation {
                    let activation = LanguageFixture.activation(lead: lead)
                    activation.now = now
                    return activation
                }
                let fast = LanguageFixture.describe(program.evaluate(activation()))
                let general = LanguageFixture.describe(program.evaluateTraced(activation()).value)
                #expect(fast == general, "\(source) at \(now) with created_at \(created)")
            }
        }
    }

    /// `filter(...).first()` and `.last()` keep the matching position
    /// instead of building the list: the same element, and the same error
    /// from an element past the one picked.
    @Test(
        arguments: [
            ("lead.events.filter(e, e.type == 'form_submit').last().form", [:], "string:demo"),
            ("lead.events.filter(e, e.type != 'x').first().type", [:], "string:page_view"),
            ("lead.events.filter(e, e.type != 'x').last().type", [:], "string:form_submit"),
            ("lead.events.filter(e, e.type == 'x').last()", [:], "null:null"),
            ("lead.events.filter(e, e.type == 'x').first()?.form", [:], "null:null"),
            ("lead.events.filter(e, e.url.contains('pricing')).first()", [:], "error: null operand: e.url is null"),
            ("lead.events.filter(e, e.url.contains('pricing')).last()", [:], "error: null operand: e.url is null"),
            ("lead.events.filter(e, now - e.at < 1d).first().type", [:], "string:form_submit"),
            ("lead.tags.filter(t, t.startsWith('s')).last()", [:], "string:saas"),
            ("lead.attributes.filter(k, k != '').first()", [:], "string:source"),
            (
                "lead.events.filter(e, e.type == 'x').last()", ["events": .null],
                "error: null operand: lead.events is null"
            ),
        ] as [(String, [String: Value], String)])
    func filteredEndAgrees(source: String, overrides: [String: Value], expected: String) throws {
        let (fast, general) = try LanguageFixture.fastAndGeneral(source, overriding: overrides)
        #expect(fast == expected)
        #expect(general == expected)
    }

    /// The step budget and the list size limit stop `filter(...).last()` as they stop `filter`.
    @Test(arguments: [true, false])
    func filteredEndKeepsTheLimits(traced: Bool) throws {
        let program = try #require(
            LanguageFixture.environment.compile("lead.events.filter(e, e.type != 'x').last()").program)
        func evaluate(_ activation: Activation) -> String {
            LanguageFixture.describe(traced ? program.evaluateTraced(activation).value : program.evaluate(activation))
        }
        let budget = LanguageFixture.activation()
        budget.stepBudget = 1
        #expect(evaluate(budget) == "error: evaluation step budget of 1 exceeded")
        let size = LanguageFixture.activation()
        size.maximumListSize = 1
        #expect(evaluate(size) == "error: 'filter' would build a list of more than 1 elements")
    }

    /// A fused tree that cannot decide is evaluated again by the general
    /// path; the steps its first attempt took are given back, so the budget
    /// counts each step once (two events, a budget of two).
    @Test func fallbackFromAFusedTreeCountsStepsOnce() throws {
        let source = "lead.events.exists(e, e.type == 'x') || lead.title.contains('x')"
        let program = try #require(LanguageFixture.environment.compile(source).program)
        let activation = LanguageFixture.activation(lead: LanguageFixture.sampleLead(overriding: ["title": .null]))
        activation.stepBudget = 2
        #expect(LanguageFixture.describe(program.evaluate(activation)) == "error: null operand: lead.title is null")
    }
}
