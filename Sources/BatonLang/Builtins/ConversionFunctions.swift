/// The conversions: `int`, `double`, `string`.
enum ConversionBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "int",
            overloads: [
                BuiltinOverload([.int], .fixed(.int)), BuiltinOverload([.double], .fixed(.int)),
                BuiltinOverload([.string], .fixed(.int)),
            ],
            implementation: .unary { value in
                switch value {
                case .int: return value
                case .double(let number):
                    return MathBuiltins.integer(fromWhole: number.rounded(.towardZero), function: "int")
                case .string(let text):
                    guard let number = parseDecimalInteger(text) else {
                        return .error(EvalError("int(): not an integer: \(quoted(text))"))
                    }
                    return .int(number)
                default: return argumentTypeError("int", value)
                }
            }
        ),
        BuiltinFunction(
            name: "double",
            overloads: [
                BuiltinOverload([.int], .fixed(.double)), BuiltinOverload([.double], .fixed(.double)),
                BuiltinOverload([.string], .fixed(.double)),
            ],
            implementation: .unary { value in
                switch value {
                case .int(let number): return .double(Double(number))
                case .double: return value
                case .string(let text):
                    guard let number = parseDecimalDouble(text) else {
                        return .error(EvalError("double(): not a number: \(quoted(text))"))
                    }
                    return .double(number)
                default: return argumentTypeError("double", value)
                }
            }
        ),
        BuiltinFunction(
            name: "string",
            overloads: [BuiltinOverload([.any], .fixed(.string))],
            implementation: .unary { value in
                if case .string = value { return value }
                return .string(value.printedText)
            },
            acceptsNull: true
        ),
    ]

    /// An optionally signed run of decimal digits that fits in Int64.
    static func parseDecimalInteger(_ text: String) -> Int64? {
        let bytes = text.utf8
        guard let first = bytes.first else { return nil }
        let digits = (first == UInt8(ascii: "-") || first == UInt8(ascii: "+")) ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int64(text)
    }

    /// A decimal number (`12`, `-3.5`, `.5`, `1e6`): no hex, no NaN or infinity.
    static func parseDecimalDouble(_ text: String) -> Double? {
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+")
        }
        guard allowed, let number = Double(text), number.isFinite else { return nil }
        return number
    }
}
