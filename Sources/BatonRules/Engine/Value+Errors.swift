import BatonLang

extension Value {
    /// True when the value is an error or holds one anywhere inside.
    /// Walks with an explicit stack: hostile data cannot exhaust the call stack.
    var containsError: Bool {
        var pending: [Value] = [self]
        while let value = pending.popLast() {
            switch value {
            case .error: return true
            case .list(let elements): pending.append(contentsOf: elements)
            case .map(let map): pending.append(contentsOf: map.values)
            case .record(let record): pending.append(contentsOf: record.fields)
            default: continue
            }
        }
        return false
    }

    /// Why a value cannot be written into a decision: it holds an error, or
    /// writing it would take more than `maximumValues` values or
    /// `maximumTextBytes` bytes of strings. Values share storage, so a
    /// small one can stand for an exponentially large text; the walk stops
    /// as soon as a bound is passed. Nil when the value can be written.
    func outputProblem(
        maximumValues: Int = Value.maximumOutputValues, maximumTextBytes: Int = JSONWriter.maximumValueBytes
    ) -> OutputProblem? {
        // Scalars, the common context values, without the walk's stack.
        switch self {
        case .list, .map, .record:
            break
        case .error:
            return maximumValues >= 1 && maximumTextBytes >= 0 ? .containsError : .tooLarge
        case .string(let text):
            return maximumValues >= 1 && text.utf8.count <= maximumTextBytes ? nil : .tooLarge
        default:
            return maximumValues >= 1 && maximumTextBytes >= 0 ? nil : .tooLarge
        }
        var pending: [Value] = [self]
        var values = 0
        var textBytes = 0
        while let value = pending.popLast() {
            values += 1
            guard values <= maximumValues, textBytes <= maximumTextBytes else { return .tooLarge }
            switch value {
            case .error: return .containsError
            case .string(let text): textBytes += text.utf8.count
            case .list(let elements): pending.append(contentsOf: elements)
            case .map(let map):
                pending.append(contentsOf: map.values)
                for key in map.keys { textBytes += key.utf8.count }
            case .record(let record): pending.append(contentsOf: record.fields)
            default: continue
            }
        }
        return textBytes <= maximumTextBytes ? nil : .tooLarge
    }

    /// The most values (list elements, map entries, fields, scalars) a
    /// context value of a decision may hold when written: 1,000,000.
    static let maximumOutputValues = 1_000_000
}

/// Why `Value.outputProblem` refuses a value.
enum OutputProblem {
    case containsError
    case tooLarge
}
