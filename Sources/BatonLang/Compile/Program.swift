/// A checked and compiled expression, ready to evaluate any number of times
/// from any number of threads (each with its own `Activation`).
public struct Program: Sendable {
    /// The expression's text.
    public let source: String
    /// The parsed tree.
    public let expr: Expr
    /// The checked type of the result (`dyn` when it is only known at run time).
    public let resultType: ExprType
    /// The value when the whole expression folded to a constant (lint uses
    /// it to find always-true rules).
    public let constantValue: Value?

    private let evaluator: Evaluator
    /// The bool form of a condition, called directly to save a closure call.
    private let condition: BoolEvaluator?
    private let tracedEvaluator: Evaluator
    private let localCount: Int

    init(source: String, expr: Expr, checked: CheckedExpr, localCount: Int) {
        self.source = source
        self.expr = expr
        self.resultType = checked.type
        self.localCount = localCount
        let compiled = Compiler(source: source, traced: false).compile(checked)
        self.evaluator = compiled.evaluate
        self.condition = compiled.bool
        self.constantValue = compiled.constant
        self.tracedEvaluator = Compiler(source: source, traced: true).compile(checked).evaluate
    }

    /// Evaluates the expression; failures come back as `.error` values.
    public func evaluate(_ activation: Activation) -> Value {
        if localCount > 0 { activation.begin(localCount: localCount) }
        if let condition {
            if let flag = condition(activation) { return .bool(flag) }
            return activation.takeEscaped()
        }
        return evaluator(activation)
    }

    /// Evaluates the expression and records the value of every sub-expression
    /// evaluated (constants aside), innermost first, for explanations.
    public func evaluateTraced(_ activation: Activation) -> (value: Value, trace: EvaluationTrace) {
        activation.begin(localCount: localCount)
        activation.traceEntries.removeAll(keepingCapacity: true)
        let value = tracedEvaluator(activation)
        let trace = EvaluationTrace(entries: activation.traceEntries)
        activation.traceEntries.removeAll(keepingCapacity: true)
        return (value, trace)
    }
}

/// The values of the sub-expressions one evaluation computed, in the order
/// they were computed (operands before their operators).
public struct EvaluationTrace: Sendable {
    public let entries: [TraceEntry]

    public init(entries: [TraceEntry]) {
        self.entries = entries
    }

    /// The last value recorded for exactly this span, if it was evaluated.
    public func value(at span: Span) -> Value? {
        entries.last(where: { $0.span == span })?.value
    }
}

/// One sub-expression's value in a traced evaluation.
public struct TraceEntry: Sendable {
    /// The sub-expression's span in the program's source.
    public let span: Span
    public let value: Value

    public init(span: Span, value: Value) {
        self.span = span
        self.value = value
    }
}
