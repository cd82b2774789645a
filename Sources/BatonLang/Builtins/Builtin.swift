/// A built-in function: its signatures (for the checker) and its
/// implementation (for the evaluator), registered together so that they
/// cannot drift apart.
///
/// Arguments are counted with the receiver first: `s.contains(t)` is
/// `contains(s, t)`.
struct BuiltinFunction: Sendable {
    let name: String
    let overloads: [BuiltinOverload]
    let implementation: BuiltinImplementation
    /// Whether a null argument reaches the implementation (`string(null)`);
    /// otherwise it is an error naming the argument.
    var acceptsNull = false
    /// Specialises the implementation for a constant second argument, e.g. a
    /// regular expression compiled once. Returns an error message for a
    /// constant that can never work (reported when checking).
    var specializeForConstantSecondArgument: (@Sendable (Value) -> Result<BuiltinImplementation, BuiltinConstantError>)?

    /// Every argument count some overload takes.
    var arities: [Int] {
        var counts: [Int] = []
        for overload in overloads where !overload.variadic && !counts.contains(overload.parameters.count) {
            counts.append(overload.parameters.count)
        }
        return counts.sorted()
    }

    /// The smallest count a variadic overload takes, if there is one.
    var variadicMinimum: Int? {
        overloads.filter(\.variadic).map(\.parameters.count).min()
    }

    /// Whether the value depends on the evaluation time (never folded).
    var readsNow: Bool {
        if case .unaryWithNow = implementation { return true }
        return false
    }
}

/// Why a constant argument was rejected, with its diagnostic code.
struct BuiltinConstantError: Error, Sendable {
    let code: String
    let message: String
}

/// One signature of a built-in.
struct BuiltinOverload: Sendable {
    let parameters: [ParameterKind]
    /// The last parameter repeats (one or more times beyond the others).
    var variadic = false
    let result: ResultKind

    init(_ parameters: [ParameterKind], variadic: Bool = false, _ result: ResultKind) {
        self.parameters = parameters
        self.variadic = variadic
        self.result = result
    }

    /// The parameter kind expected at `position`.
    func parameter(at position: Int) -> ParameterKind? {
        if position < parameters.count { return parameters[position] }
        return variadic ? parameters.last : nil
    }

    func accepts(count: Int) -> Bool {
        variadic ? count >= parameters.count : count == parameters.count
    }

    /// The signature as messages print it: `(string, string)`, `(int or double, ...)`.
    var text: String {
        var parts = parameters.map(\.description)
        if variadic { parts.append("...") }
        return "(" + parts.joined(separator: ", ") + ")"
    }
}

/// What a parameter accepts, as the checker sees it. `dyn` is accepted by all.
enum ParameterKind: Sendable, CustomStringConvertible {
    case any
    case bool
    case int
    case double
    /// int or double.
    case number
    case string
    case timestamp
    case duration
    /// Any list.
    case list
    /// A list of numbers.
    case listOfNumbers
    /// A list of strings.
    case listOfStrings
    /// A string, list or map.
    case sized

    func accepts(_ type: ExprType) -> Bool {
        if case .dyn = type { return true }
        switch (self, type) {
        case (.any, _): return true
        case (.bool, .bool), (.int, .int), (.double, .double), (.string, .string),
            (.timestamp, .timestamp), (.duration, .duration):
            return true
        case (.number, .int), (.number, .double): return true
        case (.list, .list): return true
        case (.listOfNumbers, .list(let element)):
            return ParameterKind.number.accepts(element)
        case (.listOfStrings, .list(let element)):
            return ParameterKind.string.accepts(element)
        case (.sized, .string), (.sized, .list), (.sized, .map): return true
        default: return false
        }
    }

    var description: String {
        switch self {
        case .any: "any"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .number: "int or double"
        case .string: "string"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list: "list"
        case .listOfNumbers: "list of numbers"
        case .listOfStrings: "list<string>"
        case .sized: "string, list or map"
        }
    }
}

/// How a built-in's result type follows from its argument types.
enum ResultKind: Sendable {
    case fixed(ExprType)
    /// The type of the first argument (`abs`).
    case sameAsFirst
    /// The element type of the first argument, a list (`first`).
    case elementOfFirst
    /// int when every number involved is an int, else double; a list
    /// argument contributes its element type (`min`, `max`, `sum`, `clamp`).
    case numericJoin

    func type(for arguments: [ExprType]) -> ExprType {
        switch self {
        case .fixed(let type): return type
        case .sameAsFirst: return arguments.first ?? .dyn
        case .elementOfFirst:
            if case .list(let element)? = arguments.first { return element }
            return .dyn
        case .numericJoin:
            var allInt = true
            for argument in arguments {
                var type = argument
                if case .list(let element) = argument { type = element }
                switch type {
                case .int: continue
                case .double: allInt = false
                default: return .dyn
                }
            }
            return allInt ? .int : .double
        }
    }
}

/// The evaluator's side of a built-in, by argument count. Arguments are never
/// errors, and never null unless the function accepts null.
enum BuiltinImplementation: Sendable {
    case unary(@Sendable (Value) -> Value)
    case binary(@Sendable (Value, Value) -> Value)
    case ternary(@Sendable (Value, Value, Value) -> Value)
    case variadic(@Sendable ([Value]) -> Value)
    /// A one-argument function of the evaluation time (`days_since`).
    case unaryWithNow(@Sendable (Value, Timestamp) -> Value)

    /// Applies the implementation to evaluated arguments.
    func apply(_ arguments: [Value], now: Timestamp) -> Value {
        switch self {
        case .unary(let function) where arguments.count == 1: return function(arguments[0])
        case .binary(let function) where arguments.count == 2: return function(arguments[0], arguments[1])
        case .ternary(let function) where arguments.count == 3:
            return function(arguments[0], arguments[1], arguments[2])
        case .variadic(let function): return function(arguments)
        case .unaryWithNow(let function) where arguments.count == 1: return function(arguments[0], now)
        default: return .error(EvalError("wrong number of arguments: \(arguments.count)"))
        }
    }
}

/// The error a built-in returns for an argument of the wrong run-time type.
func argumentTypeError(_ function: String, _ value: Value) -> Value {
    .error(EvalError("\(function)() cannot take \(value.typeName)"))
}

/// The error a built-in returns for a combination of argument types it does not take.
func argumentTypesError(_ function: String, _ values: Value...) -> Value {
    .error(EvalError("\(function)() cannot take (\(values.map(\.typeName).joined(separator: ", ")))"))
}
