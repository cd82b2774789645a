import Testing

@testable import BatonLang

/// Syntax errors: exact messages, spans, codes, and recovery to report more than one.
@Suite struct ParserErrorTests {
    /// Each source and the full text of its diagnostics (`span: severity: message [code]`).
    static let cases: [(String, [String])] = [
        ("", ["0..<0: error: expected an expression, found end of expression [syntax]"]),
        ("   // nothing", ["13..<13: error: expected an expression, found end of expression [syntax]"]),
        ("a +", ["3..<3: error: expected an expression, found end of expression [syntax]"]),
        ("(a + b", ["6..<6: error: expected ')' to close '(' at 1:1, found end of expression [syntax]"]),
        ("f(x, (a + b", ["11..<11: error: expected ')' to close '(' at 1:6, found end of expression [syntax]"]),
        ("a and\n  (b or c", ["15..<15: error: expected ')' to close '(' at 2:3, found end of expression [syntax]"]),
        ("(a b)", ["3..<4: error: expected ')' to close '(' at 1:1, found 'b' [syntax]"]),
        ("f(a b)", ["4..<5: error: expected ',' or ')' after argument, found 'b' [syntax]"]),
        ("f(a", ["3..<3: error: expected ')' to close '(' at 1:2, found end of expression [syntax]"]),
        ("[1, 2", ["5..<5: error: expected ']' to close '[' at 1:1, found end of expression [syntax]"]),
        ("{'a': 1", ["7..<7: error: expected '}' to close '{' at 1:1, found end of expression [syntax]"]),
        ("{'a' 1}", ["5..<6: error: expected ':' after map key, found '1' [syntax]"]),
        ("x[1", ["3..<3: error: expected ']' to close '[' at 1:2, found end of expression [syntax]"]),
        ("x[1)", ["3..<4: error: expected ']' to close '[' at 1:2, found ')' [syntax]"]),
        ("a ? b", ["5..<5: error: expected ':' to match '?' at 1:3, found end of expression [syntax]"]),
        ("a ? b c", ["6..<7: error: expected ':' to match '?' at 1:3, found 'c' [syntax]"]),
        ("a b", ["2..<3: error: expected an operator or the end of the expression, found 'b' [syntax]"]),
        ("a not b", ["2..<5: error: expected an operator or the end of the expression, found 'not' [syntax]"]),
        ("a)", ["1..<2: error: expected an operator or the end of the expression, found ')' [syntax]"]),
        ("a.", ["2..<2: error: expected a field name after '.', found end of expression [syntax]"]),
        ("a?.1", ["4..<4: error: expected ':' to match '?' at 1:2, found end of expression [syntax]"]),
        ("a.true", ["2..<6: error: expected a field name after '.', found 'true' [syntax]"]),
        ("a?.(b)", ["3..<4: error: expected a field name after '?.', found '(' [syntax]"]),
        ("f(,)", ["2..<3: error: expected an expression, found ',' [syntax]"]),
        ("[,]", ["1..<2: error: expected an expression, found ',' [syntax]"]),
        ("* 2", ["0..<1: error: expected an expression, found '*' [syntax]"]),
        (
            "a == 'it\\'s' 'x'",
            ["13..<16: error: expected an operator or the end of the expression, found ''x'' [syntax]"]
        ),
        (
            "\"a long string literal that goes on and on\" x",
            ["44..<45: error: expected an operator or the end of the expression, found 'x' [syntax]"]
        ),
        (
            "x \"a long string literal that goes on and on\"",
            [
                "2..<45: error: expected an operator or the end of the expression, found '\"a long string literal that goes…' [syntax]"
            ]
        ),
        (
            "x '''two\nlines'''",
            ["2..<17: error: expected an operator or the end of the expression, found ''''two…' [syntax]"]
        ),
        (
            "a < b < c",
            [
                "6..<7: error: '<' cannot follow another comparison; use 'and' to join two comparisons,"
                    + " or parentheses to compare a comparison's result [non-associative]"
            ]
        ),
        (
            "a == b == c",
            [
                "7..<9: error: '==' cannot follow another comparison; use 'and' to join two comparisons,"
                    + " or parentheses to compare a comparison's result [non-associative]"
            ]
        ),
        (
            "a in b not in c",
            [
                "7..<13: error: 'not in' cannot follow another comparison; use 'and' to join two comparisons,"
                    + " or parentheses to compare a comparison's result [non-associative]"
            ]
        ),
        (
            "a <= b + 1 > c",
            [
                "11..<12: error: '>' cannot follow another comparison; use 'and' to join two comparisons,"
                    + " or parentheses to compare a comparison's result [non-associative]"
            ]
        ),
        (
            "a + not b",
            [
                "4..<7: error: 'not' cannot stand here: the word 'not' binds looser than comparisons and arithmetic;"
                    + " write '!' or put 'not …' in parentheses [syntax]"
            ]
        ),
        (
            "a == not b",
            [
                "5..<8: error: 'not' cannot stand here: the word 'not' binds looser than comparisons and arithmetic;"
                    + " write '!' or put 'not …' in parentheses [syntax]"
            ]
        ),
        (
            "let x = 1",
            [
                "0..<3: error: 'let' is reserved [reserved-word]",
                "6..<7: error: unexpected character '='; did you mean '=='? [unexpected-character]",
            ]
        ),
        ("if(a)", ["0..<2: error: 'if' is reserved [reserved-word]"]),
        (
            "9223372036854775808",
            [
                "0..<19: error: integer '9223372036854775808' is out of range for a 64-bit int (at most 9223372036854775807) [number-out-of-range]"
            ]
        ),
        (
            "0x8000000000000000",
            [
                "0..<18: error: integer '0x8000000000000000' is out of range for a 64-bit int (at most 9223372036854775807) [number-out-of-range]"
            ]
        ),
        (
            "-9223372036854775808.abs()",
            [
                "1..<20: error: integer '9223372036854775808' is out of range for a 64-bit int (at most 9223372036854775807) [number-out-of-range]"
            ]
        ),
        (
            "-9223372036854775809",
            [
                "1..<20: error: integer '9223372036854775809' is out of range for a 64-bit int (at most 9223372036854775807) [number-out-of-range]"
            ]
        ),
        ("a # b", ["2..<3: error: unexpected character '#' [unexpected-character]"]),
        (
            "f(\"abc)",
            [
                "2..<7: error: unterminated string: expected a closing \" before the end of the expression [unterminated-string]"
            ]
        ),
        (
            "lead.naïve",
            [
                "7..<9: error: unexpected character 'ï' (U+00EF); names use only ASCII letters, digits and '_' [unexpected-character]"
            ]
        ),
        (
            "lead.country == “US”",
            [
                "16..<19: error: unexpected character '“' (U+201C); strings are written between straight quotes \" or ' [unexpected-character]",
                "21..<24: error: unexpected character '”' (U+201D); strings are written between straight quotes \" or ' [unexpected-character]",
            ]
        ),
        (
            "\"é\" == é",
            [
                "8..<10: error: unexpected character 'é' (U+00E9); names use only ASCII letters, digits and '_' [unexpected-character]"
            ]
        ),
        ("'é' + (x", ["9..<9: error: expected ')' to close '(' at 1:7, found end of expression [syntax]"]),
    ]

    @Test(arguments: cases)
    func diagnostics(source: String, expected: [String]) {
        let result = Parser.parse(source)
        #expect(result.expr == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }

    /// Recovery inside lists, maps and arguments: one error per broken entry.
    @Test(arguments: [
        (
            "[1 +, 2 +, f(3 ]",
            [
                "4..<5: error: expected an expression, found ',' [syntax]",
                "9..<10: error: expected an expression, found ',' [syntax]",
                "15..<16: error: expected ',' or ')' after argument, found ']' [syntax]",
            ]
        ),
        (
            "{'a' 1, 'b': , 'c': 3 4}",
            [
                "5..<6: error: expected ':' after map key, found '1' [syntax]",
                "13..<14: error: expected an expression, found ',' [syntax]",
                "22..<23: error: expected ',' or '}' after map entry, found '4' [syntax]",
            ]
        ),
        (
            "f(a b, c d, (e)",
            [
                "4..<5: error: expected ',' or ')' after argument, found 'b' [syntax]",
                "9..<10: error: expected ',' or ')' after argument, found 'd' [syntax]",
                "15..<15: error: expected ')' to close '(' at 1:2, found end of expression [syntax]",
            ]
        ),
        (
            "[a < b < c, #, let, x.]",
            [
                "7..<8: error: '<' cannot follow another comparison; use 'and' to join two comparisons,"
                    + " or parentheses to compare a comparison's result [non-associative]",
                "12..<13: error: unexpected character '#' [unexpected-character]",
                "15..<18: error: 'let' is reserved [reserved-word]",
                "22..<23: error: expected a field name after '.', found ']' [syntax]",
            ]
        ),
        (
            "[[1 2], [3 4]]",
            [
                "4..<5: error: expected ',' or ']' after list entry, found '2' [syntax]",
                "11..<12: error: expected ',' or ']' after list entry, found '4' [syntax]",
            ]
        ),
        (
            "[(1 2), 3 +]",
            [
                "4..<5: error: expected ')' to close '(' at 1:2, found '2' [syntax]",
                "11..<12: error: expected an expression, found ']' [syntax]",
            ]
        ),
    ])
    func severalErrors(source: String, expected: [String]) {
        let result = Parser.parse(source)
        #expect(result.expr == nil)
        #expect(result.diagnostics.map(\.description) == expected)
    }

    @Test func diagnosticsAreCapped() {
        let source = Array(repeating: "#", count: 200).joined(separator: " ")
        let result = Parser.parse(source)
        #expect(result.diagnostics.count == Parser.maximumDiagnostics)
        #expect(result.diagnostics.first?.span == Span(0, 1))
    }
}
