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
            }, bool: typed)
    }

    /// A node with a number form; its `evaluate` boxes what the form gives.
    static func number(_ typed: @escaping NumberEvaluator) -> CompiledNode {
        CompiledNode(
            evaluate: { activation in
                if let number = typed(activation) { return number.value }
                return activation.takeEscaped()
            }, number: typed)
    }

    /// The node's bool form, or one adapted from `evaluate`.
    var asBool: BoolEvaluator {
        if let bool { return bool }
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
        if let number { return number }
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
