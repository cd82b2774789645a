import Testing

@testable import BatonLang

/// Text templates: holes printed as `string(x)` prints, null and errors rendered empty and reported.
@Suite struct TemplateRenderingTests {
    @Test(arguments: [
        ("Hi {{ lead.first_name ?? 'there' }}", "Hi Ana"),
        ("{{ lead.employees }} people, {{ lead.annual_revenue / 1000000 }}M", "250 people, 12.5M"),
        ("Tags: {{ lead.tags }}", "Tags: [\"b2b\",\"saas\"]"),
        ("{{{{ literal", "{{ literal"),
        ("Since {{ lead.created_at }}", "Since 2026-11-18T11:06:40Z"),
        ("plain text", "plain text"),
    ])
    func renders(template: String, expected: String) throws {
        let compilation = LanguageFixture.environment.compileTemplate(template)
        #expect(compilation.diagnostics.isEmpty)
        let compiled = try #require(compilation.template)
        let (text, problems) = compiled.render(LanguageFixture.activation())
        #expect(text == expected)
        #expect(problems.isEmpty)
    }

    @Test func nullAndFailingHolesRenderEmptyAndAreReported() throws {
        let template = "Hi {{ lead.first_name }}, {{ lead.employees / 0 }}!"
        let compiled = try #require(LanguageFixture.environment.compileTemplate(template).template)
        let lead = LanguageFixture.sampleLead(overriding: ["first_name": .null])
        let (text, problems) = compiled.render(LanguageFixture.activation(lead: lead))
        #expect(text == "Hi , !")
        #expect(
            problems.map(\.message) == [
                "template hole lead.first_name is null", "template hole lead.employees / 0 failed: division by zero",
            ])
        #expect(problems.map(\.span) == [Span(6, 21), Span(29, 47)])
        #expect(problems.first?.kind == .null)
    }

    @Test func holeErrorsPointIntoTheWholeTemplate() {
        let compilation = LanguageFixture.environment.compileTemplate("Dear {{ lead.frist_name }}")
        #expect(compilation.template == nil)
        #expect(
            compilation.diagnostics.map(\.description) == [
                "13..<23: error: unknown field 'frist_name' on lead; did you mean 'first_name'? [unknown-field]"
            ])
    }
}
