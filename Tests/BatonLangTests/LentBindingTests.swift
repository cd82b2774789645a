import Testing

@testable import BatonLang

/// `Program.evaluate(_:bindingValueAt:toSlot:)` and `Activation.withBinding`
/// lend a value to a slot without retaining it: results equal a bound
/// evaluation's, the slot's previous value is back afterwards, and a result
/// that holds the lent value owns its own reference.
@Suite struct LentBindingTests {
    @Test func lentEvaluationAgreesWithBoundAndRestoresTheSlot() {
        let sources = [
            "lead.employees >= 200", "lead.title.lower().contains('vp')", "lead.events.count(e, e.type == 'page_view')",
            "lead.employees / 0", "lead",
        ]
        let bound = LanguageFixture.sampleLead(overriding: ["country": .string("DE")])
        let activation = LanguageFixture.activation(lead: bound)
        for source in sources {
            let program = LanguageFixture.environment.compile(source).program!
            var lent: Value? = LanguageFixture.sampleLead(overriding: ["employees": .int(1000)])
            let expected = LanguageFixture.describe(program.evaluate(LanguageFixture.activation(lead: lent!)))
            let result = withUnsafePointer(to: &lent!) { program.evaluate(activation, bindingValueAt: $0, toSlot: 0) }
            lent = nil  // the result, when it is the lead, must keep its record alive by itself
            #expect(LanguageFixture.describe(result) == expected)
            #expect(LanguageFixture.describe(activation.variable(0)) == LanguageFixture.describe(bound))
        }
    }

    @Test func withBindingRestoresTheSlotAfterSeveralPrograms() {
        let activation = LanguageFixture.activation()
        var lent = LanguageFixture.sampleLead(overriding: ["employees": .int(5)])
        let programs = ["lead.employees < 10", "lead.employees > 10"].map {
            LanguageFixture.environment.compile($0).program!
        }
        let results = withUnsafePointer(to: &lent) { lead in
            activation.withBinding(valueAt: lead, toSlot: 0) { programs.map { $0.evaluate(activation) } }
        }
        #expect(results.map(LanguageFixture.describe) == ["bool:true", "bool:false"])
        #expect(LanguageFixture.describe(programs[0].evaluate(activation)) == "bool:false")
    }
}
