import Testing

@testable import BatonLang

/// Text templates: `{{ expr }}` holes, `{{{{` escapes, spans into the whole text.
@Suite struct TemplateTests {
    /// A readable rendering of parts: text as is, holes as `<parenthesized@start..<end>`.
    private func render(_ parts: [TemplatePart]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): "[\(text)]"
            case .hole(let expr, let source): "<\(expr.parenthesized)@\(source)>"
            }
        }.joined()
    }

    @Test(arguments: [
        ("Hi {{ lead.first_name ?? 'there' }}!", "[Hi ]<(lead.first_name ?? \"there\")@3..<35>[!]"),
        ("no holes", "[no holes]"),
        ("", ""),
        ("{{x}}{{y}}", "<x@0..<5><y@5..<10>"),
        ("{{{{literal}}", "[{{literal}}]"),
        ("a {{{{ b {{ c }} {{{{", "[a {{ b ]<c@9..<16>[ {{]"),
        ("}} and { alone", "[}} and { alone]"),
        ("{{ '}}' }}", "<\"}}\"@0..<10>"),
        ("{{ \"a}}b\" + '''c}}\n}}''' }} tail", "<(\"a}}b\" + \"c}}\\n}}\")@0..<27>[ tail]"),
        ("{{ r'\\' }}", "<\"\\\\\"@0..<10>"),
        ("{{ 'it\\'s}}' }}", "<\"it's}}\"@0..<15>"),
        ("{{ {'a': 1}['a'] }}", "<{\"a\": 1}[\"a\"]@0..<19>"),
        ("héllo {{ x }} wörld", "[héllo ]<x@7..<14>[ wörld]"),
        ("{{ a // a comment\n }}", "<a@0..<21>"),
        ("{{\n  score >= 80\n  ? 'hot' : 'cold'\n}}", "<((score >= 80) ? \"hot\" : \"cold\")@0..<38>"),
    ])
    func parts(source: String, expected: String) {
        let (parts, diagnostics) = TemplateParser.parse(source)
        #expect(diagnostics == [])
        #expect(render(parts) == expected)
    }

    @Test func holeExpressionSpansAreOffsetsIntoTheTemplate() throws {
        let (parts, _) = TemplateParser.parse("Dear {{ lead.name }}")
        guard case .hole(let expr, let source) = try #require(parts.last) else {
            Issue.record("expected a hole")
            return
        }
        #expect(source == Span(5, 20))
        #expect(expr.span == Span(8, 17))
    }

    @Test(arguments: [
        (
            "Hi {{ name",
            ["3..<10: error: unterminated template hole: expected '}}' to close '{{' at 1:4 [invalid-template]"]
        ),
        (
            "a\n b {{ x } y",
            ["5..<13: error: unterminated template hole: expected '}}' to close '{{' at 2:4 [invalid-template]"]
        ),
        (
            "{{ '}} }}",
            ["0..<9: error: unterminated template hole: expected '}}' to close '{{' at 1:1 [invalid-template]"]
        ),
        ("x {{ }} y", ["2..<7: error: empty template hole '{{}}' [invalid-template]"]),
        ("{{}}", ["0..<4: error: empty template hole '{{}}' [invalid-template]"]),
        (
            "Hello\n  {{ (a + b }}",
            ["18..<18: error: expected ')' to close '(' at 2:6, found end of expression [syntax]"]
        ),
        (
            "{{ a + }} and {{ b c }}",
            [
                "7..<7: error: expected an expression, found end of expression [syntax]",
                "19..<20: error: expected an operator or the end of the expression, found 'c' [syntax]",
            ]
        ),
        (
            "{{ {'a': {'b': 1}} }}",
            ["16..<16: error: expected '}' to close '{' at 1:10, found end of expression [syntax]"]
        ),
        ("{{ x # }}", ["5..<6: error: unexpected character '#' [unexpected-character]"]),
        ("é {{ let }}", ["6..<9: error: 'let' is reserved [reserved-word]"]),
    ])
    func errors(source: String, expected: [String]) {
        let (_, diagnostics) = TemplateParser.parse(source)
        #expect(diagnostics.map(\.description) == expected)
    }
}
