import Testing

@testable import BatonLang

/// How the parser groups operators, compared through `Expr.parenthesized`.
@Suite struct ParserPrecedenceTests {
    @Test(arguments: [
        ("not a == b", "(!(a == b))"),
        ("!a == b", "((!a) == b)"),
        ("a ?? 0 >= 100", "((a ?? 0) >= 100)"),
        ("a ? b : c ? d : e", "(a ? b : (c ? d : e))"),
        ("a ?? b ?? c", "(a ?? (b ?? c))"),
        ("a || b && c", "(a || (b && c))"),
        ("a or b and c", "(a || (b && c))"),
        ("a && b || c", "((a && b) || c)"),
        ("a and b or c and d", "((a && b) || (c && d))"),
        ("a || b || c", "((a || b) || c)"),
        ("a && b && c", "((a && b) && c)"),
        ("not a and b", "((!a) && b)"),
        ("not a or not b", "((!a) || (!b))"),
        ("not not a", "(!(!a))"),
        ("a and not b == c", "(a && (!(b == c)))"),
        ("!!a", "(!(!a))"),
        ("!a.b", "(!a.b)"),
        ("-a.b[0]", "(-a.b[0])"),
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b % c * d", "(((a / b) % c) * d)"),
        ("a + b == c * d", "((a + b) == (c * d))"),
        ("a ?? b + c", "(a ?? (b + c))"),
        ("a + b ?? c", "((a + b) ?? c)"),
        ("a ?? b == c ?? d", "((a ?? b) == (c ?? d))"),
        ("a in b", "(a in b)"),
        ("a not in b", "(a not in b)"),
        ("not a in b", "(!(a in b))"),
        ("a in b && c", "((a in b) && c)"),
        ("a < b", "(a < b)"),
        ("a <= b", "(a <= b)"),
        ("a > b", "(a > b)"),
        ("a >= b", "(a >= b)"),
        ("a != b", "(a != b)"),
        ("a || b ? c : d", "((a || b) ? c : d)"),
        ("a ? b ? c : d : e", "(a ? (b ? c : d) : e)"),
        ("(a || b) && c", "((a || b) && c)"),
        ("-(a + b)", "(-(a + b))"),
        ("-1", "-1"),
        ("- 2.5", "-2.5"),
        ("-30d", "-30d"),
        ("--1", "(--1)"),
        ("-9223372036854775808", "-9223372036854775808"),
        ("a?.b?.c", "a?.b?.c"),
        ("a.b(c, d)", "a.b(c, d)"),
        ("a?.b(c)", "a?.b(c)"),
        ("f()", "f()"),
        ("f(a, b,)", "f(a, b)"),
        ("a[b][c]", "a[b][c]"),
        ("[1, 2, 3,]", "[1, 2, 3]"),
        ("[]", "[]"),
        ("{}", "{}"),
        ("{'a': 1, \"b\": 2,}", "{\"a\": 1, \"b\": 2}"),
        ("{a ? b : c : d}", "{(a ? b : c): d}"),
        ("c?.5:1", "(c ? 0.5 : 1)"),
        (
            "lead.employees >= 1000 and lead.country in [\"US\", \"CA\"]",
            "((lead.employees >= 1000) && (lead.country in [\"US\", \"CA\"]))"
        ),
    ])
    func grouping(source: String, expected: String) {
        let result = Parser.parse(source)
        #expect(result.diagnostics == [])
        #expect(result.expr?.parenthesized == expected)
    }
}
