/// The arithmetic of run-time values: `+ - * / %` and negation on ints,
/// doubles, strings, lists, timestamps and durations.
///
/// Operands are neither errors nor null here: the evaluator has already
/// propagated errors and named null operands. A combination without meaning
/// yields an error value naming the operator and the types.
enum Arithmetic {
    static func add(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? overflowError(a, "+", b) : .int(sum)
        case (.double(let a), .double(let b)): return .double(a + b)
        case (.int(let a), .double(let b)): return .double(Double(a) + b)
        case (.double(let a), .int(let b)): return .double(a + Double(b))
        case (.string(let a), .string(let b)):
            guard a.utf8.count + b.utf8.count <= Value.maximumStringBytes else { return tooLongString("+") }
            return .string(a + b)
        case (.list(let a), .list(let b)):
            guard a.count + b.count <= Value.maximumListElements else {
                return .error(EvalError("'+' would build a list of more than \(Value.maximumListElements) elements"))
            }
            return .list(a + b)
        case (.duration(let a), .duration(let b)): return duration(a.nanoseconds, adding: b.nanoseconds)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            return TimeArithmetic.add(t, d)
        default: return noOperator("+", left, right)
        }
    }

    /// The error of an operation whose string result would pass `Value.maximumStringBytes`.
    static func tooLongString(_ operation: String) -> Value {
        .error(EvalError("'\(operation)' would build a string longer than \(Value.maximumStringBytes) bytes (16 MiB)"))
    }

    static func subtract(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (difference, overflow) = a.subtractingReportingOverflow(b)
            return overflow ? overflowError(a, "-", b) : .int(difference)
        case (.double(let a), .double(let b)): return .double(a - b)
        case (.int(let a), .double(let b)): return .double(Double(a) - b)
        case (.double(let a), .int(let b)): return .double(a - Double(b))
        case (.duration(let a), .duration(let b)):
            let (difference, overflow) = a.nanoseconds.subtractingReportingOverflow(b.nanoseconds)
            return overflow
                ? .error(EvalError("duration out of range")) : .duration(TimeDuration(nanoseconds: difference))
        case (.timestamp(let t), .duration(let d)):
            guard d.nanoseconds != .min else { return .error(EvalError("duration out of range")) }
            return TimeArithmetic.add(t, TimeDuration(nanoseconds: -d.nanoseconds))
        case (.timestamp(let a), .timestamp(let b)): return TimeArithmetic.difference(a, b)
        default: return noOperator("-", left, right)
        }
    }

    static func multiply(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? overflowError(a, "*", b) : .int(product)
        case (.double(let a), .double(let b)): return .double(a * b)
        case (.int(let a), .double(let b)): return .double(Double(a) * b)
        case (.double(let a), .int(let b)): return .double(a * Double(b))
        case (.duration(let d), .int(let factor)), (.int(let factor), .duration(let d)):
            let (product, overflow) = d.nanoseconds.multipliedReportingOverflow(by: factor)
            return overflow ? .error(EvalError("duration out of range")) : .duration(TimeDuration(nanoseconds: product))
        case (.duration(let d), .double(let factor)), (.double(let factor), .duration(let d)):
            return TimeArithmetic.scale(d, by: factor)
        default: return noOperator("*", left, right)
        }
    }

    /// True division: numbers always give a double.
    static func divide(_ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.int, .int), (.int, .double), (.double, .int), (.double, .double):
            guard let a = left.asDouble, let b = right.asDouble else { return noOperator("/", left, right) }
            if b == 0 { return .error(EvalError("division by zero")) }
            return .double(a / b)
        case (.duration(let d), .int(let divisor)):
            if divisor == 0 { return .error(EvalError("division by zero")) }
            return TimeArithmetic.scale(d, by: 1 / Double(divisor))
        case (.duration(let d), .double(let divisor)):
            if divisor == 0 { return .error(EvalError("division by zero")) }
            return TimeArithmetic.scale(d, by: 1 / divisor)
        case (.duration(let a), .duration(let b)):
            if b.nanoseconds == 0 { return .error(EvalError("division by zero")) }
            return .double(Double(a.nanoseconds) / Double(b.nanoseconds))
        default: return noOperator("/", left, right)
        }
    }

    /// Integer remainder, truncating toward zero (`-7 % 3 == -1`).
    static func remainder(_ left: Value, _ right: Value) -> Value {
        guard case .int(let a) = left, case .int(let b) = right else { return noOperator("%", left, right) }
        if b == 0 { return .error(EvalError("modulo by zero")) }
        // Int64.min % -1 traps in Swift; mathematically it is 0.
        if b == -1 { return .int(0) }
        return .int(a % b)
    }

    static func negate(_ operand: Value) -> Value {
        switch operand {
        case .int(let a):
            guard a != .min else { return .error(EvalError("integer overflow: -(\(a))")) }
            return .int(-a)
        case .double(let a): return .double(-a)
        case .duration(let d):
            guard d.nanoseconds != .min else { return .error(EvalError("duration out of range")) }
            return .duration(TimeDuration(nanoseconds: -d.nanoseconds))
        default: return .error(EvalError("cannot apply '-' to \(operand.typeName)"))
        }
    }

    static func apply(_ operation: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        switch operation {
        case .add: add(left, right)
        case .subtract: subtract(left, right)
        case .multiply: multiply(left, right)
        case .divide: divide(left, right)
        case .remainder: remainder(left, right)
        default: noOperator(operation.rawValue, left, right)
        }
    }

    private static func duration(_ a: Int64, adding b: Int64) -> Value {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .error(EvalError("duration out of range")) : .duration(TimeDuration(nanoseconds: sum))
    }

    private static func overflowError(_ a: Int64, _ operation: String, _ b: Int64) -> Value {
        .error(EvalError("integer overflow: \(a) \(operation) \(b)"))
    }

    static func noOperator(_ operation: String, _ left: Value, _ right: Value) -> Value {
        .error(EvalError("cannot apply '\(operation)' to \(left.typeName) and \(right.typeName)"))
    }
}

extension Value {
    /// The value as a double when it is a number.
    var asDouble: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        default: nil
        }
    }
}
