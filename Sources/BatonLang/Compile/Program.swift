/// A checked and compiled expression, ready to evaluate any number of times
/// from any number of threads (each with its own `Activation`).
///
/// One reference to its compiled state: a caller that evaluates programs
/// held in an array copies each one it calls, and a copy of a struct of
/// closures and trees cost more than a simple rule's evaluation.
public struct Program: Sendable {
    private let compiled: CompiledProgram

    /// The expression's text.
    public var source: String { compiled.source }
    /// The parsed tree.
    public var expr: Expr { compiled.expr }
    /// The checked type of the result (`dyn` when it is only known at run time).
    public var resultType: ExprType { compiled.checked.type }
    /// The value when the whole expression folded to a constant (lint uses
    /// it to find always-true rules).
    public var constantValue: Value? { compiled.constantValue }

    /// `knownValues`: the value of each variable slot that is fixed (see `Variable.value`).
    init(source: String, expr: Expr, checked: CheckedExpr, localCount: Int, knownValues: [Value?] = []) {
        compiled = CompiledProgram(
            source: source, expr: expr, checked: checked, localCount: localCount, knownValues: knownValues)
    }

    /// Evaluates the expression; failures come back as `.error` values.
    @inline(__always)
    public func evaluate(_ activation: Activation) -> Value {
        compiled.evaluate(activation)
    }

    /// Evaluates the expression with the value at `value` in the variable
    /// `slot` for this evaluation only, without retaining it (see
    /// `Activation.withBinding`); the slot's previous value is back afterwards.
    public func evaluate(_ activation: Activation, bindingValueAt value: UnsafePointer<Value>, toSlot slot: Int)
        -> Value
    {
        let previous = activation.lend(value, toSlot: slot)
        let result = evaluate(activation)
        activation.endLoan(previous, toSlot: slot)
        return result
    }

    /// Evaluates the expression and records the value of every sub-expression
    /// evaluated (constants aside), innermost first, for explanations.
    ///
    /// Compiles the traced form first: explanations are asked for one lead at
    /// a time, and compiling it with every program would double the cost of
    /// loading a ruleset for the evaluations that never trace.
    public func evaluateTraced(_ activation: Activation) -> (value: Value, trace: EvaluationTrace) {
        let tracedEvaluator = Compiler(source: source, traced: true).compile(compiled.checked).evaluate
        activation.begin(localCount: compiled.localCount)
        activation.traceEntries.removeAll(keepingCapacity: true)
        let value = tracedEvaluator(activation)
        let trace = EvaluationTrace(entries: activation.traceEntries)
        activation.traceEntries.removeAll(keepingCapacity: true)
        return (value, trace)
    }
}

/// What `Program` holds: the compiled forms of the expression and what it was compiled from.
private final class CompiledProgram: Sendable {
    let source: String
    let expr: Expr
    /// Kept for the traced compilation, which is made only when a trace is asked for.
    let checked: CheckedExpr
    let localCount: Int
    let constantValue: Value?

    private let evaluator: Evaluator
    /// The bool or number form of the whole expression, called directly to
    /// save a closure call (non-optional: calling an optional closure
    /// property retains its context).
    private let condition: BoolEvaluator
    private let number: NumberEvaluator
    /// The fused tree of the whole expression, tried before `condition` or
    /// `number`: a call saved on entry (a placeholder unless the form is
    /// `fusedCondition` or `fusedNumber`; separate non-optional properties,
    /// as an enum payload or an optional would be retained to call).
    private let conditionTree: FusedCondition
    private let numberTree: FusedNumber
    private let form: Form

    private enum Form {
        case condition, number, value, fusedCondition, fusedNumber
    }

    init(source: String, expr: Expr, checked: CheckedExpr, localCount: Int, knownValues: [Value?]) {
        self.source = source
        self.expr = expr
        self.checked = checked
        self.localCount = localCount
        let compiled = Compiler(source: source, traced: false, knownValues: knownValues).compile(checked)
        self.evaluator = compiled.evaluate
        self.conditionTree = compiled.fusedCondition ?? FusedCondition()
        self.numberTree = compiled.fusedNumber ?? FusedNumber()
        switch compiled.form {
        case .bool(let condition):
            (self.condition, self.number) = (condition, { _ in nil })
            self.form = compiled.fusedCondition == nil ? .condition : .fusedCondition
        case .number(let number):
            (self.condition, self.number) = ({ _ in nil }, number)
            self.form = compiled.fusedNumber == nil ? .number : .fusedNumber
        case .none:
            (self.condition, self.number, self.form) = ({ _ in nil }, { _ in nil }, .value)
        }
        self.constantValue = compiled.constant
    }

    @inline(__always)
    func evaluate(_ activation: Activation) -> Value {
        if localCount > 0 { activation.begin(localCount: localCount) }
        switch form {
        case .condition:
            if let flag = condition(activation) { return .bool(flag) }
        case .number:
            if let number = number(activation) { return number.value }
        case .value:
            return evaluator(activation)
        case .fusedCondition:
            // The tree's verdict, else the general one with the steps taken back (see `FusedTrees.swift`).
            let steps = activation.steps
            if let flag = conditionTree.test(activation) { return .bool(flag) }
            activation.steps = steps
            if let flag = condition(activation) { return .bool(flag) }
        case .fusedNumber:
            if let number = numberTree.evaluate(activation, orElse: number) { return number.value }
        }
        return activation.takeEscaped()
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
