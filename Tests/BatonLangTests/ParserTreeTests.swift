import Testing

@testable import BatonLang

/// The exact trees and spans the parser builds.
@Suite struct ParserTreeTests {
    private func parse(_ source: String) -> Expr? {
        let result = Parser.parse(source)
        #expect(result.diagnostics == [], "\(source)")
        return result.expr
    }

    private func literal(_ value: Literal, _ start: Int, _ end: Int) -> Expr {
        Expr(.literal(value), Span(start, end))
    }

    private func identifier(_ name: String, _ start: Int) -> Expr {
        Expr(.identifier(name), Span(start, start + name.utf8.count))
    }

    @Test(arguments: [
        ("1000", Literal.int(1000)),
        ("-7", .int(-7)),
        ("-9223372036854775808", .int(Int64.min)),
        ("- 9223372036854775808", .int(Int64.min)),
        ("-0x8000000000000000", .int(Int64.min)),
        ("9223372036854775807", .int(Int64.max)),
        ("0x1F", .int(31)),
        ("2.5e-3", .double(0.0025)),
        ("-.5", .double(-0.5)),
        ("30d", .duration(TimeDuration(nanoseconds: 2_592_000_000_000_000))),
        ("-12h", .duration(TimeDuration(nanoseconds: -43_200_000_000_000))),
        ("1_000ms", .duration(TimeDuration(seconds: 1))),
        ("'a\\tb'", .string("a\tb")),
        ("r'a\\tb'", .string("a\\tb")),
        ("\"\\u00e9\\U0001F600\"", .string("é😀")),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
    ])
    func literals(source: String, value: Literal) {
        #expect(parse(source) == literal(value, 0, source.utf8.count))
    }

    @Test func selectAndOptionalSelect() {
        let lead = identifier("lead", 0)
        let account = Expr(
            .select(operand: lead, field: "account", optional: false, fieldSpan: Span(5, 12)), Span(0, 12))
        let expected = Expr(
            .select(operand: account, field: "name", optional: true, fieldSpan: Span(14, 18)), Span(0, 18))
        #expect(parse("lead.account?.name") == expected)
    }

    @Test func calls() {
        let receiver = identifier("s", 0)
        let argument = literal(.string("x"), 11, 14)
        #expect(
            parse("s.contains('x')")
                == Expr(
                    .call(
                        receiver: receiver, function: "contains", args: [argument], optional: false,
                        nameSpan: Span(2, 10)),
                    Span(0, 15)))
        #expect(
            parse("size(l, )")
                == Expr(
                    .call(
                        receiver: nil, function: "size", args: [identifier("l", 5)], optional: false,
                        nameSpan: Span(0, 4)),
                    Span(0, 9)))
        #expect(
            parse("a?.f()")
                == Expr(
                    .call(receiver: identifier("a", 0), function: "f", args: [], optional: true, nameSpan: Span(3, 4)),
                    Span(0, 6)))
    }

    @Test func indexListAndMap() {
        let list = Expr(.list([literal(.int(1), 1, 2), literal(.int(2), 4, 5)]), Span(0, 6))
        #expect(parse("[1, 2][0]") == Expr(.index(operand: list, index: literal(.int(0), 7, 8)), Span(0, 9)))
        let entry = MapEntry(key: literal(.string("a"), 1, 4), value: identifier("b", 6))
        #expect(parse("{'a': b,}") == Expr(.map([entry]), Span(0, 9)))
    }

    @Test func operatorNodesAndSpans() {
        // `not` and `!` are the same operator; only precedence differs.
        #expect(parse("not a") == Expr(.unary(.not, identifier("a", 4)), Span(0, 5)))
        #expect(parse("!a") == Expr(.unary(.not, identifier("a", 1)), Span(0, 2)))
        #expect(parse("-a") == Expr(.unary(.negate, identifier("a", 1)), Span(0, 2)))
        #expect(parse("a and b") == Expr(.binary(.and, identifier("a", 0), identifier("b", 6)), Span(0, 7)))
        #expect(parse("a not in b") == Expr(.binary(.notIn, identifier("a", 0), identifier("b", 9)), Span(0, 10)))
        #expect(
            parse("a ? b : c")
                == Expr(.conditional(identifier("a", 0), identifier("b", 4), identifier("c", 8)), Span(0, 9)))
    }

    @Test(arguments: [
        ("a || b", BinaryOperator.or), ("a or b", .or), ("a && b", .and), ("a and b", .and),
        ("a == b", .equal), ("a != b", .notEqual), ("a < b", .less), ("a <= b", .lessOrEqual),
        ("a > b", .greater), ("a >= b", .greaterOrEqual), ("a in b", .in), ("a ?? b", .coalesce),
        ("a + b", .add), ("a - b", .subtract), ("a * b", .multiply), ("a / b", .divide), ("a % b", .remainder),
    ])
    func everyBinaryOperator(source: String, binaryOperator: BinaryOperator) {
        let right = identifier("b", source.utf8.count - 1)
        #expect(parse(source) == Expr(.binary(binaryOperator, identifier("a", 0), right), Span(0, source.utf8.count)))
    }

    @Test func parenthesesWidenTheSpan() {
        let sum = Expr(.binary(.add, identifier("a", 1), identifier("b", 5)), Span(0, 7))
        #expect(parse("(a + b) * c") == Expr(.binary(.multiply, sum, identifier("c", 10)), Span(0, 11)))
    }

    @Test func macrosAreCalls() {
        let expected = "lead.tags.exists(t, (t == \"vip\"))"
        #expect(parse("lead.tags.exists(t, t == 'vip')")?.parenthesized == expected)
        #expect(parse("has(lead.phone)")?.parenthesized == "has(lead.phone)")
    }

    @Test func reservedWordsNameFields() {
        #expect(parse("lead.as.if")?.parenthesized == "lead.as.if")
        #expect(parse("a.import()")?.parenthesized == "a.import()")
    }

    @Test func unicodeInStringsAndComments() {
        #expect(parse("'日本' + \"é\" // ünïcödé\n")?.parenthesized == "(\"日本\" + \"é\")")
        // Spans are UTF-8 offsets: '日本' is 8 bytes.
        #expect(parse("'日本' + x")?.span == Span(0, 12))
    }

    /// The shape of benchmark E7: about 1.5 KB with 20 chained conditionals.
    @Test func twentyChainedConditionalsNestToTheRight() throws {
        let branches = (0..<20).map { "lead.score_\($0) >= \($0 * 10) and lead.country in [\"US\", \"CA\"] ? \($0) : " }
        let expr = try #require(parse(branches.joined() + "lead.fallback ?? 0"))
        var conditionals = 0
        var node = expr
        while case .conditional(_, _, let otherwise) = node.kind {
            conditionals += 1
            node = otherwise
        }
        #expect(conditionals == 20)
        #expect(node.parenthesized == "(lead.fallback ?? 0)")
    }

    @Test func commentsAndLineBreaks() {
        let source = """
            lead.employees >= 1000 // big
              and lead.country in ["US", "CA"] // home markets
            """
        #expect(parse(source)?.parenthesized == "((lead.employees >= 1000) && (lead.country in [\"US\", \"CA\"]))")
    }
}
