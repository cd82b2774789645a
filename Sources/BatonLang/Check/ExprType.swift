/// The static type of an expression, as the checker infers it.
public indirect enum ExprType: Sendable, Hashable, CustomStringConvertible {
    case bool
    case int
    case double
    case string
    case null
    case timestamp
    case duration
    case list(ExprType)
    /// Maps always have string keys.
    case map(ExprType)
    /// A record type declared in a schema (`lead`, `event`, `account`, …).
    case record(String)
    /// Unknown until run time: checked dynamically.
    case dyn

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .null: "null"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list(let element): "list<\(element)>"
        case .map(let value): "map<string, \(value)>"
        case .record(let name): name
        case .dyn: "dyn"
        }
    }

    /// Parses a type as written in a ruleset schema: `string`, `list<event>`,
    /// `map<string, int>`, a record name (checked by the caller). Returns nil
    /// when the text is not a type.
    public static func parse(_ text: String) -> ExprType? {
        var parser = TypeTextParser(text)
        guard let type = parser.parseType(), parser.atEnd else { return nil }
        return type
    }
}

/// A small parser for type names in schemas.
private struct TypeTextParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return index == scalars.count
        }
    }

    mutating func parseType() -> ExprType? {
        guard let name = identifier() else { return nil }
        switch name {
        case "bool": return .bool
        case "int": return .int
        case "double": return .double
        case "string": return .string
        case "timestamp": return .timestamp
        case "duration": return .duration
        case "dyn": return .dyn
        case "list":
            guard expect("<"), let element = parseType(), expect(">") else { return nil }
            return .list(element)
        case "map":
            guard expect("<"), identifier() == "string", expect(","), let value = parseType(), expect(">")
            else { return nil }
            return .map(value)
        default:
            return .record(name)
        }
    }

    private mutating func skipSpaces() {
        while index < scalars.count, scalars[index] == " " { index += 1 }
    }

    private mutating func expect(_ character: Unicode.Scalar) -> Bool {
        skipSpaces()
        guard index < scalars.count, scalars[index] == character else { return false }
        index += 1
        return true
    }

    private mutating func identifier() -> String? {
        skipSpaces()
        let start = index
        while index < scalars.count,
            ("a"..."z").contains(scalars[index])
                || ("A"..."Z").contains(scalars[index]) || scalars[index] == "_"
                || ("0"..."9").contains(scalars[index])
        {
            index += 1
        }
        guard index > start, !("0"..."9").contains(scalars[start]) else { return nil }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }
}
