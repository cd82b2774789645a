import Testing

@testable import BatonRules

/// An operand written in parentheses is shown once, not wrapped again.
@Suite struct TraceExplainerTextTests {
    @Test(arguments: [
        ("(lead.employees ?? 0)", true),
        ("((a))", true),
        ("(a) + (b)", false),
        ("a + b", false),
        ("(\")\" + a)", true),
        ("(')' + a) + (b)", false),
        ("(", false),
    ])
    func recognisesOneParenthesisedGroup(text: String, expected: Bool) {
        #expect(TraceExplainer.isParenthesized(text) == expected)
    }
}
