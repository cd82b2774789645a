import BatonLang
import Testing

@testable import BatonRules

@Suite("Template boxes")
struct TemplateBoxTests {
    let fixture = EngineFixture()

    @Test("a template without holes is its text, as rendering gives it")
    func constantText() throws {
        let activation = Activation(environment: fixture.environment(.decision), now: Timestamp(seconds: 0))
        for source in ["Enterprise company size", "a { b } c {", "", "Grade A ✓"] {
            let box = TemplateBox(try fixture.template(source, in: .decision))
            #expect(box.constantText == source)
            #expect(box.render(activation).text == box.template.template.render(activation).text)
        }
    }

    @Test("a template with a hole, or an escaped {{, is rendered")
    func rendered() throws {
        let activation = Activation(environment: fixture.environment(.decision), now: Timestamp(seconds: 0))
        let escaped = TemplateBox(try fixture.template("Literal {{{{ braces", in: .decision))
        #expect(escaped.constantText == nil)
        #expect(escaped.render(activation).text == "Literal {{ braces")
        let hole = TemplateBox(try fixture.template("Hi {{ 1 + 1 }}", in: .decision))
        #expect(hole.constantText == nil)
        #expect(hole.render(activation).text == "Hi 2")
    }
}
