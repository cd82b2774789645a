extension YAMLNode {
    /// What the node is, in words for messages: "a string", "a number",
    /// "a boolean", "null", "a list" or "a mapping".
    public var describeKind: String {
        switch kind {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int, .double: return "a number"
            case .string: return "a string"
            }
        }
    }
}
