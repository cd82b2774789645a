#if canImport(Glibc)
    // Links libm, which `Double.rounded` needs on Linux.
    import Glibc
#endif

/// The numeric built-ins: `abs`, `floor`, `ceil`, `round`, `min`, `max`,
/// `sum`, `clamp`. Results are int when every number involved is an int.
enum MathBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "abs",
            overloads: [BuiltinOverload([.int], .fixed(.int)), BuiltinOverload([.double], .fixed(.double))],
            implementation: .unary { value in
                switch value {
                case .int(let number):
                    guard number != .min else { return .error(EvalError("integer overflow: abs(\(number))")) }
                    return .int(Swift.abs(number))
                case .double(let number): return .double(Swift.abs(number))
                default: return argumentTypeError("abs", value)
                }
            }
        ),
        rounding("floor", .down),
        rounding("ceil", .up),
        rounding("round", .toNearestOrAwayFromZero),
        extremum("min", wantsLess: true),
        extremum("max", wantsLess: false),
        BuiltinFunction(
            name: "sum",
            overloads: [BuiltinOverload([.listOfNumbers], .numericJoin)],
            implementation: .unary { list in
                guard case .list(let elements) = list else { return argumentTypeError("sum", list) }
                return sum(elements, function: "sum")
            }
        ),
        BuiltinFunction(
            name: "clamp",
            overloads: [BuiltinOverload([.number, .number, .number], .numericJoin)],
            implementation: .ternary { value, low, high in
                guard value.asDouble != nil, low.asDouble != nil, high.asDouble != nil else {
                    return argumentTypesError("clamp", value, low, high)
                }
                guard let order = low.compare(high), order <= 0 else {
                    return .error(EvalError("clamp() needs lo <= hi, got \(low.printedText) and \(high.printedText)"))
                }
                var result = value
                if let order = value.compare(low), order < 0 { result = low }
                if let order = value.compare(high), order > 0 { result = high }
                if case .double(let number) = value, number.isNaN { result = value }
                // Not `allInts([value, low, high])`: that array was an allocation per call.
                return promote(result, toDouble: !(isInt(value) && isInt(low) && isInt(high)))
            }
        ),
    ]

    /// The sum of numbers: int while every element is an int (overflow is an
    /// error), otherwise double. The empty sum is the int 0.
    static func sum(_ elements: [Value], function: String) -> Value {
        var integerTotal: Int64 = 0
        var doubleTotal = 0.0
        var isDouble = false
        for element in elements {
            switch element {
            case .int(let number):
                if isDouble {
                    doubleTotal += Double(number)
                } else {
                    let (total, overflow) = integerTotal.addingReportingOverflow(number)
                    if overflow { return .error(EvalError("integer overflow in \(function)()")) }
                    integerTotal = total
                }
            case .double(let number):
                if !isDouble {
                    isDouble = true
                    doubleTotal = Double(integerTotal)
                }
                doubleTotal += number
            case .error: return element
            default:
                return .error(EvalError("\(function)() needs numbers, found \(element.typeName)"))
            }
        }
        return isDouble ? .double(doubleTotal) : .int(integerTotal)
    }

    private static func rounding(_ name: String, _ rule: FloatingPointRoundingRule) -> BuiltinFunction {
        BuiltinFunction(
            name: name,
            overloads: [BuiltinOverload([.number], .fixed(.int))],
            implementation: .unary { value in
                switch value {
                case .int: return value
                case .double(let number): return integer(fromWhole: number.rounded(rule), function: name)
                default: return argumentTypeError(name, value)
                }
            }
        )
    }

    /// An int from a whole double, or an error when it does not fit.
    static func integer(fromWhole number: Double, function: String) -> Value {
        guard let result = Int64(exactly: number) else {
            return .error(EvalError("\(function)(): \(number) is out of the int range"))
        }
        return .int(result)
    }

    private static func extremum(_ name: String, wantsLess: Bool) -> BuiltinFunction {
        BuiltinFunction(
            name: name,
            overloads: [
                BuiltinOverload([.listOfNumbers], .numericJoin),
                BuiltinOverload([.number, .number], variadic: true, .numericJoin),
            ],
            implementation: .variadic { arguments in
                var candidates = arguments
                if arguments.count == 1 {
                    guard case .list(let elements) = arguments[0] else { return argumentTypeError(name, arguments[0]) }
                    guard !elements.isEmpty else { return .error(EvalError("\(name)() of an empty list")) }
                    candidates = elements
                }
                var best = candidates[0]
                for candidate in candidates {
                    if case .error = candidate { return candidate }
                    guard candidate.asDouble != nil else {
                        return .error(EvalError("\(name)() needs numbers, found \(candidate.typeName)"))
                    }
                    if case .double(let number) = candidate, number.isNaN { return candidate }
                    if let order = candidate.compare(best), wantsLess ? order < 0 : order > 0 { best = candidate }
                }
                return promote(best, toDouble: !allInts(candidates))
            }
        )
    }

    private static func allInts(_ values: [Value]) -> Bool {
        values.allSatisfy(isInt)
    }

    private static func isInt(_ value: Value) -> Bool {
        if case .int = value { true } else { false }
    }

    private static func promote(_ value: Value, toDouble: Bool) -> Value {
        if toDouble, case .int(let number) = value { return .double(Double(number)) }
        return value
    }
}
