import Testing

@testable import BatonLang

/// Diagnostics rendered like a compiler's, at file positions.
@Suite struct DiagnosticRendererTests {
    static let yaml = """
        scoring:
          fit:
            rules:
              - id: enterprise
                when: lead.employes >= 1000
        """

    @Test func rendersAtTheFilePositionOfAnEmbeddedExpression() throws {
        let file = SourceText(name: "Rules/acme/scoring.yaml", text: Self.yaml)
        let expression = "lead.employes >= 1000"
        let start = file.offset(of: SourcePosition(line: 5, column: 15))
        let origin = ExpressionOrigin(file: file, fileOffsets: Array(start...(start + expression.utf8.count)))
        let diagnostic = try #require(LanguageFixture.environment.compile(expression).diagnostics.first)
        #expect(
            DiagnosticRenderer.render(diagnostic, origin: origin, color: false)
                == "Rules/acme/scoring.yaml:5:20: error: unknown field 'employes' on lead; did you mean 'employees'?\n"
                + "        when: lead.employes >= 1000\n"
                + "                   ^~~~~~~~")
        let location = DiagnosticRenderer.location(diagnostic, origin: origin)
        #expect(location.line == 5 && location.column == 20 && location.endColumn == 28)
    }

    @Test func rendersStandaloneWithColour() {
        let origin = ExpressionOrigin(standalone: SourceText(name: "<expr>", text: "1 + \"é\" + x"))
        let diagnostic = Diagnostic.warning("w", "careful", at: Span(4, 8))
        #expect(
            DiagnosticRenderer.render(diagnostic, origin: origin, color: true)
                == "\u{1B}[1m<expr>:1:5: \u{1B}[0m\u{1B}[1m\u{1B}[33mwarning:\u{1B}[0m\u{1B}[1m careful\u{1B}[0m\n"
                + "1 + \"é\" + x\n    \u{1B}[32m^~~\u{1B}[0m")
    }

    @Test(arguments: [
        (Span(0, 0), "^", 1, 1), (Span(2, 3), "  ^", 3, 4), (Span(0, 5), "^~~~~", 1, 6), (Span(2, 9), "  ^~~", 3, 6),
    ])
    func caretsCoverTheSpanOnItsFirstLine(span: Span, marker: String, column: Int, endColumn: Int) {
        let origin = ExpressionOrigin(standalone: SourceText(name: "f", text: "abcde\nfgh"))
        let rendered = DiagnosticRenderer.render(Diagnostic.error("c", "m", at: span), origin: origin)
        #expect(rendered.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) == marker)
        let location = DiagnosticRenderer.location(Diagnostic.error("c", "m", at: span), origin: origin)
        #expect(location.column == column && location.endColumn == endColumn)
    }
}
