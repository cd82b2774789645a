/// A compiled node: the closure that evaluates it, already specialised by
/// the checked types.
typealias Evaluator = @Sendable (Activation) -> Value

/// The result of compiling one node: its evaluator, its value when the node
/// folded to a constant, and the typed fast forms it has (see
/// `TypedEvaluation.swift`), which callers prefer to `evaluate` when they
/// want a bool or a number.
struct CompiledNode: Sendable {
    let evaluate: Evaluator
    let constant: Value?
    let form: TypedForm
    /// The node as a fused tree, when an untraced compilation made one (see `FusedTrees.swift`).
    var fusedCondition: FusedCondition?
    var fusedNumber: FusedNumber?

    static func constant(_ value: Value) -> CompiledNode {
        CompiledNode(evaluate: { _ in value }, constant: value)
    }

    init(evaluate: @escaping Evaluator, constant: Value? = nil, form: TypedForm = .none) {
        self.evaluate = evaluate
        self.constant = constant
        self.form = form
    }
}

/// Turns a checked tree into closures once, so that evaluation neither
/// re-reads the tree nor looks names up. A traced compilation wraps every
/// node to record its value; an untraced one pays nothing for tracing and
/// fuses common shapes (a record field compared with a constant, say).
struct Compiler {
    let sourceBytes: [UInt8]
    let traced: Bool
    /// The values of the variable slots that are fixed (see `Variable.value`),
    /// which untraced nodes may read when compiling; a traced compilation
    /// gets none, and reads and records every variable as it evaluates.
    let knownValues: [Value?]

    init(source: String, traced: Bool, knownValues: [Value?] = []) {
        self.sourceBytes = Array(source.utf8)
        self.traced = traced
        self.knownValues = traced ? [] : knownValues
    }

    /// The source text of a span, for messages such as `null operand: lead.x is null`.
    func text(_ span: Span) -> String {
        let start = Swift.max(0, Swift.min(span.start, sourceBytes.count))
        let end = Swift.max(start, Swift.min(span.end, sourceBytes.count))
        return String(decoding: sourceBytes[start..<end], as: UTF8.self)
    }

    func compile(_ expr: CheckedExpr) -> CompiledNode {
        let compiled = compileUntraced(expr)
        guard traced, compiled.constant == nil else { return compiled }
        let inner = compiled.evaluate
        let span = expr.span
        return CompiledNode(evaluate: { activation in
            let value = inner(activation)
            activation.record(TraceEntry(span: span, value: value))
            return value
        })
    }

    private func compileUntraced(_ expr: CheckedExpr) -> CompiledNode {
        let span = expr.span
        switch expr.node {
        case .constant(let value):
            return .constant(value)
        case .variable(let slot):
            return CompiledNode(evaluate: { $0.variable(slot) })
        case .now:
            return CompiledNode(evaluate: { .timestamp($0.now) })
        case .local(let slot):
            return CompiledNode(evaluate: { $0.locals[slot].pointee })
        case .select(let operand, let field, let slot, let optional):
            return compileSelect(operand, field: field, slot: slot, optional: optional, type: expr.type, span: span)
        case .has(let operand, let field, let slot):
            return compileHas(operand, field: field, slot: slot, span: span)
        case .index(let operand, let index):
            return compileIndex(operand, index, span: span)
        case .not(let operand):
            return compileNot(operand, span: span)
        case .negate(let operand):
            let compiled = compile(operand)
            let operandText = text(operand.span)
            return fold([compiled]) {
                let value = compiled.evaluate($0)
                switch value {
                case .error: return value
                case .null: return nullOperand(operandText, operand.span)
                default: return attach(Arithmetic.negate(value), span)
                }
            }
        case .and(let left, let right):
            return compileLogical(isAnd: true, left, right)
        case .or(let left, let right):
            return compileLogical(isAnd: false, left, right)
        case .coalesce(let left, let right):
            let compiledLeft = compile(left)
            let compiledRight = compile(right)
            return fold([compiledLeft, compiledRight]) { activation in
                let value = compiledLeft.evaluate(activation)
                if case .null = value { return compiledRight.evaluate(activation) }
                return value
            }
        case .arithmetic(let operation, let left, let right):
            return compileArithmetic(operation, left, right, span: span)
        case .comparison(let operation, let left, let right):
            return compileComparison(operation, left, right, span: span)
        case .membership(let element, let collection, let negated):
            return compileMembership(element, collection, negated: negated, span: span)
        case .conditional(let condition, let then, let otherwise):
            return compileConditional(condition, then, otherwise, type: expr.type)
        case .list(let elements):
            let compiled = elements.map(compile)
            let evaluators = compiled.map(\.evaluate)
            return fold(compiled) { activation in
                var values: [Value] = []
                values.reserveCapacity(evaluators.count)
                for evaluate in evaluators {
                    let value = evaluate(activation)
                    if case .error = value { return value }
                    values.append(value)
                }
                return .list(values)
            }
        case .map(let entries):
            return compileMap(entries, span: span)
        case .call(let function, let arguments, let optional, let specialized):
            return compileCall(function, arguments, optional: optional, specialized: specialized, span: span)
        case .comprehension(let comprehension):
            return compileComprehension(comprehension, span: span)
        }
    }

    /// The value of `expr` when it is a fixed variable or a field of one
    /// (`tables.regions`), read when compiling. Not a constant: the node
    /// still depends on a variable, so it does not fold (a rule reading a
    /// table is not "always true" for lint).
    func knownValue(_ expr: CheckedExpr) -> Value? {
        switch expr.node {
        case .variable(let slot):
            return slot < knownValues.count ? knownValues[slot] : nil
        case .select(let operand, _, let slot?, _):
            guard case .record(let record)? = knownValue(operand), slot < record.fields.count else { return nil }
            return record.fields[slot]
        default:
            return nil
        }
    }

    /// The field `expr` reads in place, when it is one and no trace needs its node.
    func fieldReference(_ expr: CheckedExpr) -> FieldReference? {
        traced ? nil : FieldReference(expr)
    }

    /// The field `expr` reads in place and the constant it stands for when
    /// the field is null: `e.url` (no default), or `(e.url ?? "")`.
    func fieldWithDefault(_ expr: CheckedExpr) -> (field: FieldReference, whenNull: Value?)? {
        if let field = fieldReference(expr) { return (field, nil) }
        guard case .coalesce(let left, let right) = expr.node, case .constant(let fallback) = right.node,
            let field = fieldReference(left)
        else { return nil }
        return (field, fallback)
    }

    /// The number operands of a binary operator, fields and constants read in place.
    func numberOperands(
        _ left: CheckedExpr, _ compiledLeft: CompiledNode, _ right: CheckedExpr, _ compiledRight: CompiledNode
    )
        -> NumberOperands
    {
        NumberOperands(
            left: NumberSource(compiledLeft, field: fieldReference(left)),
            right: NumberSource(compiledRight, field: fieldReference(right)), evaluateRight: compiledRight.evaluate)
    }

    /// A node whose value is computed from `children`: folded to a constant
    /// when every child is one (the evaluation cannot depend on the activation).
    func fold(_ children: [CompiledNode], _ evaluate: @escaping Evaluator) -> CompiledNode {
        fold(children, CompiledNode(evaluate: evaluate))
    }

    /// `node`, or its value when every child is a constant.
    func fold(_ children: [CompiledNode], _ node: CompiledNode) -> CompiledNode {
        guard children.allSatisfy({ $0.constant != nil }) else { return node }
        return .constant(node.evaluate(Activation.scratch()))
    }
}

/// The error for a null where a value was needed, naming the operand by its source text.
func nullOperand(_ text: String, _ span: Span) -> Value {
    .error(EvalError("null operand: \(text) is null", at: span))
}

/// Gives an error value without a span the span of the node that produced it.
@inline(__always)
func attach(_ value: Value, _ span: Span) -> Value {
    if case .error(var error) = value, error.span == nil {
        error.span = span
        return .error(error)
    }
    return value
}
