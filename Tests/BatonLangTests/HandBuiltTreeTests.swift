import Testing

@testable import BatonLang

/// Checks and evaluates trees built by hand, independent of the parser.
@Suite struct HandBuiltTreeTests {
    static let lead = RecordType(
        name: "lead",
        fields: [
            .init(name: "employees", type: .int), .init(name: "country", type: .string),
        ])
    static let environment = Environment(schema: Schema([lead]), variables: [Variable("lead", .record("lead"))])

    func node(_ kind: ExprKind, _ start: Int, _ end: Int) -> Expr { Expr(kind, Span(start, end)) }

    @Test func fieldCompareUsesSlots() throws {
        // lead.employees >= 1000
        let source = "lead.employees >= 1000"
        let select = node(
            .select(
                operand: node(.identifier("lead"), 0, 4), field: "employees", optional: false, fieldSpan: Span(5, 14)),
            0, 14)
        let tree = node(.binary(.greaterOrEqual, select, node(.literal(.int(1000)), 18, 22)), 0, 22)
        let compilation = Self.environment.compile(parsed: tree, source: source, expecting: .condition)
        #expect(compilation.diagnostics.isEmpty)
        let program = try #require(compilation.program)
        let activation = Activation(environment: Self.environment, now: Timestamp(seconds: 0))
        activation.bind(.record(RecordValue(type: Self.lead, fields: [.int(1500), .string("US")])), toSlot: 0)
        #expect(program.evaluate(activation).deepEquals(.bool(true)))
        activation.bind(.record(RecordValue(type: Self.lead, fields: [.null, .string("US")])), toSlot: 0)
        guard case .error(let error) = program.evaluate(activation) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message == "null operand: lead.employees is null")
        #expect(error.span == Span(0, 14))
    }

    @Test func unknownFieldSuggests() {
        let source = "lead.employes"
        let tree = node(
            .select(
                operand: node(.identifier("lead"), 0, 4), field: "employes", optional: false, fieldSpan: Span(5, 13)),
            0, 13)
        let compilation = Self.environment.compile(parsed: tree, source: source)
        #expect(compilation.program == nil)
        #expect(
            compilation.diagnostics.map(\.description) == [
                "5..<13: error: unknown field 'employes' on lead; did you mean 'employees'? [unknown-field]"
            ])
    }
}
