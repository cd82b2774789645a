import BatonLang

/// Reads a CSV cell as a declared scalar type: the one conversion shared by
/// CSV tables and CSV leads (`baton batch --input-format csv`), so a cell
/// means the same wherever it is read.
enum CSVCell {
    private static let decimalBytes = Set("0123456789.-+eE".utf8)

    /// A cell read as `type`, or nil when it does not parse (or `type` is a
    /// list, map or record, which a cell cannot hold). The caller treats an
    /// empty cell as absent before asking.
    static func value(_ cell: String, type: ExprType) -> Value? {
        switch type {
        case .string, .dyn:
            return .string(cell)
        case .int:
            return Int64(cell).map { .int($0) }
        case .double:
            // Plain decimals only: Double("nan"), "inf" and hex floats are not numbers in a table.
            guard cell.utf8.allSatisfy({ Self.decimalBytes.contains($0) }), let value = Double(cell), value.isFinite
            else { return nil }
            return .double(value)
        case .bool:
            switch cell.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: return nil
            }
        case .timestamp:
            return (try? Timestamp(rfc3339: cell)).map { .timestamp($0) }
        case .duration:
            return (try? TimeDuration(parsing: cell)).map { .duration($0) }
        case .null, .list, .map, .record:
            return nil
        }
    }

    /// Whether a cell can hold a value of `type` at all.
    static func canHold(_ type: ExprType) -> Bool {
        switch type {
        case .list, .map, .record, .null: return false
        default: return true
        }
    }

    /// What a field without a cell reads as: an empty list or map, else null
    /// (as rules.md says of absent fields).
    static func absentValue(of type: ExprType) -> Value {
        switch type {
        case .list: return .list([])
        case .map: return .map(MapValue([]))
        default: return .null
        }
    }
}
