/// The time built-ins: `days_since`, `hours_since`, `timestamp`, `duration`.
enum TimeBuiltins {
    static let functions: [BuiltinFunction] = [
        since("days_since", secondsPerUnit: 86_400),
        since("hours_since", secondsPerUnit: 3_600),
        BuiltinFunction(
            name: "timestamp",
            overloads: [
                BuiltinOverload([.string], .fixed(.timestamp)), BuiltinOverload([.timestamp], .fixed(.timestamp)),
            ],
            implementation: .unary { value in
                switch value {
                case .timestamp: return value
                case .string(let text):
                    do throws(TimeParseError) {
                        return .timestamp(try Timestamp(rfc3339: text))
                    } catch {
                        return .error(EvalError("timestamp(): \(error.reason): \(quoted(text))"))
                    }
                default: return argumentTypeError("timestamp", value)
                }
            }
        ),
        BuiltinFunction(
            name: "duration",
            overloads: [
                BuiltinOverload([.string], .fixed(.duration)), BuiltinOverload([.duration], .fixed(.duration)),
            ],
            implementation: .unary { value in
                switch value {
                case .duration: return value
                case .string(let text):
                    do throws(TimeParseError) {
                        return .duration(try TimeDuration(parsing: text))
                    } catch {
                        return .error(EvalError("duration(): \(error.reason): \(quoted(text))"))
                    }
                default: return argumentTypeError("duration", value)
                }
            }
        ),
    ]

    private static func since(_ name: String, secondsPerUnit: Double) -> BuiltinFunction {
        BuiltinFunction(
            name: name,
            overloads: [BuiltinOverload([.timestamp], .fixed(.double))],
            implementation: .unaryWithNow { value, now in
                guard case .timestamp(let timestamp) = value else { return argumentTypeError(name, value) }
                return .double(TimeArithmetic.secondsSince(timestamp, now: now) / secondsPerUnit)
            }
        )
    }
}

/// A string in double quotes for messages, with quotes and backslashes escaped
/// and long text shortened.
func quoted(_ text: String) -> String {
    var result = "\""
    var count = 0
    for scalar in text.unicodeScalars {
        count += 1
        if count > 60 {
            result += "…"
            break
        }
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}
