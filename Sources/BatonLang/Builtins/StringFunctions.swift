/// The string built-ins: substring tests, regular expressions, case mapping,
/// trimming, splitting and joining, and `domain`.
enum StringBuiltins {
    static let functions: [BuiltinFunction] = [
        substringTest("contains", UnicodeText.contains),
        substringTest("startsWith", UnicodeText.hasPrefix),
        substringTest("endsWith", UnicodeText.hasSuffix),
        matches,
        transform("lower", UnicodeText.lower),
        transform("upper", UnicodeText.upper),
        transform("trim", UnicodeText.trim),
        BuiltinFunction(
            name: "split",
            overloads: [BuiltinOverload([.string, .string], .fixed(.list(.string)))],
            implementation: .binary { text, separator in
                guard case .string(let text) = text, case .string(let separator) = separator else {
                    return argumentTypesError("split", text, separator)
                }
                return .list(UnicodeText.split(text, separator: separator).map(Value.string))
            }
        ),
        BuiltinFunction(
            name: "join",
            overloads: [
                BuiltinOverload([.listOfStrings], .fixed(.string)),
                BuiltinOverload([.listOfStrings, .string], .fixed(.string)),
            ],
            implementation: .variadic { arguments in
                guard case .list(let elements) = arguments[0] else { return argumentTypeError("join", arguments[0]) }
                var separator = ""
                if arguments.count == 2 {
                    guard case .string(let text) = arguments[1] else { return argumentTypeError("join", arguments[1]) }
                    separator = text
                }
                var result = ""
                for (position, element) in elements.enumerated() {
                    guard case .string(let text) = element else {
                        return .error(EvalError("join() needs a list of strings, found \(element.typeName)"))
                    }
                    let added = (position > 0 ? separator.utf8.count : 0) + text.utf8.count
                    guard result.utf8.count + added <= Value.maximumStringBytes else {
                        return Arithmetic.tooLongString("join")
                    }
                    if position > 0 { result += separator }
                    result += text
                }
                return .string(result)
            }
        ),
        BuiltinFunction(
            name: "domain",
            overloads: [BuiltinOverload([.string], .fixed(.string))],
            implementation: .unary { text in
                guard case .string(let text) = text else { return argumentTypeError("domain", text) }
                return UnicodeText.domain(text).map(Value.string) ?? .null
            }
        ),
    ]

    private static func substringTest(_ name: String, _ test: @escaping @Sendable (String, String) -> Bool)
        -> BuiltinFunction
    {
        BuiltinFunction(
            name: name,
            overloads: [BuiltinOverload([.string, .string], .fixed(.bool))],
            implementation: .binary { text, part in
                guard case .string(let text) = text, case .string(let part) = part else {
                    return argumentTypesError(name, text, part)
                }
                return .bool(test(text, part))
            }
        )
    }

    private static func transform(_ name: String, _ transform: @escaping @Sendable (String) -> String)
        -> BuiltinFunction
    {
        BuiltinFunction(
            name: name,
            overloads: [BuiltinOverload([.string], .fixed(.string))],
            implementation: .unary { text in
                guard case .string(let text) = text else { return argumentTypeError(name, text) }
                return .string(transform(text))
            }
        )
    }

    private static let matches = BuiltinFunction(
        name: "matches",
        overloads: [BuiltinOverload([.string, .string], .fixed(.bool))],
        implementation: .binary { text, pattern in
            guard case .string(let text) = text, case .string(let pattern) = pattern else {
                return argumentTypesError("matches", text, pattern)
            }
            do throws(RegexSyntaxError) {
                return .bool(try BatonRegex(pattern).matches(text))
            } catch {
                return .error(EvalError("invalid regular expression: \(error.message)"))
            }
        },
        specializeForConstantSecondArgument: { pattern in
            guard case .string(let pattern) = pattern else {
                return .failure(
                    BuiltinConstantError(
                        code: DiagnosticCode.wrongArgumentType, message: "matches() needs a string pattern"))
            }
            let regex: BatonRegex
            do throws(RegexSyntaxError) {
                regex = try BatonRegex(pattern)
            } catch {
                return .failure(
                    BuiltinConstantError(
                        code: DiagnosticCode.invalidRegex,
                        message: "invalid regular expression: \(error.message) at offset \(error.offset) of the pattern"
                    ))
            }
            return .success(
                .binary { text, _ in
                    guard case .string(let text) = text else { return argumentTypeError("matches", text) }
                    return .bool(regex.matches(text))
                })
        }
    )
}
