/// The collection built-ins: `size`, `first`, `last`.
enum ListBuiltins {
    static let functions: [BuiltinFunction] = [
        BuiltinFunction(
            name: "size",
            overloads: [BuiltinOverload([.sized], .fixed(.int))],
            implementation: .unary { value in
                switch value {
                case .string(let text): return .int(Int64(text.unicodeScalars.count))
                case .list(let elements): return .int(Int64(elements.count))
                case .map(let map): return .int(Int64(map.count))
                default: return argumentTypeError("size", value)
                }
            }
        ),
        BuiltinFunction(
            name: "first",
            overloads: [BuiltinOverload([.list], .elementOfFirst)],
            implementation: .unary { value in
                guard case .list(let elements) = value else { return argumentTypeError("first", value) }
                return elements.first ?? .null
            }
        ),
        BuiltinFunction(
            name: "last",
            overloads: [BuiltinOverload([.list], .elementOfFirst)],
            implementation: .unary { value in
                guard case .list(let elements) = value else { return argumentTypeError("last", value) }
                return elements.last ?? .null
            }
        ),
    ]
}
