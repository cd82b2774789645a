/// Typed fast forms of compiled nodes: closures that give a `Bool` or a
/// `Number` directly, so that the hot path neither boxes results into
/// `Value` nor copies them through memory.
///
/// A typed evaluator returns nil when the node's value is not of its type (an
/// error, null, or a value of another type when the checker could only say
/// `dyn`); the node's full value is then in `Activation.escaped`, and the
/// caller takes its general path with it. Nothing is evaluated twice.
typealias BoolEvaluator = @Sendable (Activation) -> Bool?

/// See `BoolEvaluator`; a number keeps whether it is an int or a double.
typealias NumberEvaluator = @Sendable (Activation) -> Number?

/// The typed fast form a compiled node has, if any. An enum rather than
/// optional closures: a closure inside an `Optional` is stored in the most
/// general calling convention, so every call through it would pay for a
/// conversion thunk.
enum TypedForm: Sendable {
    case none
    case bool(BoolEvaluator)
    case number(NumberEvaluator)
}

/// An int or a double: the numbers of `Value`, without the rest.
enum Number: Sendable {
    case int(Int64)
    case double(Double)

    init?(_ value: Value) {
        switch value {
        case .int(let number): self = .int(number)
        case .double(let number): self = .double(number)
        default: return nil
        }
    }

    var value: Value {
        switch self {
        case .int(let number): .int(number)
        case .double(let number): .double(number)
        }
    }

    var asDouble: Double {
        switch self {
        case .int(let number): Double(number)
        case .double(let number): number
        }
    }
}

extension CompiledNode {
    /// A node with a bool form; its `evaluate` boxes what the form gives.
    static func bool(_ typed: @escaping BoolEvaluator) -> CompiledNode {
        CompiledNode(
            evaluate: { activation in
                if let flag = typed(activation) { return .bool(flag) }
                return activation.takeEscaped()
            }, form: .bool(typed))
    }

    /// A node with a number form; its `evaluate` boxes what the form gives.
    static func number(_ typed: @escaping NumberEvaluator) -> CompiledNode {
        CompiledNode(
            evaluate: { activation in
                if let number = typed(activation) { return number.value }
                return activation.takeEscaped()
            }, form: .number(typed))
    }

    /// The node's bool form, or one adapted from `evaluate`.
    var asBool: BoolEvaluator {
        if case .bool(let typed) = form { return typed }
        if case .bool(let flag)? = constant { return { _ in flag } }
        let evaluate = self.evaluate
        return { activation in
            let value = evaluate(activation)
            if case .bool(let flag) = value { return flag }
            return activation.escape(value)
        }
    }

    /// The node's number form, or one adapted from `evaluate`.
    var asNumber: NumberEvaluator {
        if case .number(let typed) = form { return typed }
        if let constant, let number = Number(constant) { return { _ in number } }
        let evaluate = self.evaluate
        return { activation in
            let value = evaluate(activation)
            switch value {
            case .int(let number): return .int(number)
            case .double(let number): return .double(number)
            default: return activation.escape(value)
            }
        }
    }
}

/// A general path's value as a bool form gives it.
@inline(__always)
func settleBool(_ value: Value, _ activation: Activation) -> Bool? {
    if case .bool(let flag) = value { return flag }
    return activation.escape(value)
}

extension ExprType {
    /// Whether values of this type are ints or doubles.
    var isNumber: Bool { self == .int || self == .double }
}

/// Where an operator reads a number operand: a field in place, a constant,
/// or the operand's number form; a branch each time instead of a closure call.
enum NumberSource: Sendable {
    /// The field, and the operand's general evaluation for when it is not a number.
    case field(FieldReference, Evaluator)
    case constant(Number)
    case form(NumberEvaluator)

    /// `node`'s number form, read where it can be read without a call.
    init(_ node: CompiledNode, field: FieldReference?) {
        if let constant = node.constant, let number = Number(constant) {
            self = .constant(number)
        } else if let field {
            self = .field(field, node.evaluate)
        } else {
            self = .form(node.asNumber)
        }
    }

    /// The number, or nil with the operand's value in `activation.escaped`.
    @inline(__always)
    func read(_ activation: Activation) -> Number? {
        switch self {
        case .field(let field, let evaluate):
            if let number = field.number(activation) { return number }
            return activation.escape(evaluate(activation))
        case .constant(let number): return number
        case .form(let evaluate): return evaluate(activation)
        }
    }
}

/// Two number operands, read left to right. A class: a closure that
/// captures one reference is called through a thinner thunk than one that
/// captures both sources' payloads.
final class NumberOperands: Sendable {
    let left: NumberSource
    let right: NumberSource
    /// The right operand's general evaluation, for when the left one is not a number.
    let evaluateRight: Evaluator

    init(left: NumberSource, right: NumberSource, evaluateRight: @escaping Evaluator) {
        self.left = left
        self.right = right
        self.evaluateRight = evaluateRight
    }

    /// `body` of the two numbers, or `general` of the operands' values when
    /// one is not a number (both are evaluated, as the general path does).
    @inline(__always)
    func read<Result>(
        _ activation: Activation, general: (Value, Value) -> Result, _ body: (Number, Number) -> Result
    ) -> Result {
        guard let leftNumber = left.read(activation) else {
            let failed = activation.takeEscaped()
            return general(failed, evaluateRight(activation))
        }
        guard let rightNumber = right.read(activation) else {
            return general(leftNumber.value, activation.takeEscaped())
        }
        return body(leftNumber, rightNumber)
    }
}
