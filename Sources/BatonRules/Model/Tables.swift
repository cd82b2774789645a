import BatonLang

/// A lookup table, reachable as `tables.NAME`: an inline map or list, or a
/// CSV file keyed by one column.
public struct Table: Sendable {
    public var name: String
    /// `map<string, T>` or `list<T>`.
    public var type: ExprType
    public var value: Value
    public var location: SourceLocation

    public init(name: String, type: ExprType, value: Value, location: SourceLocation) {
        self.name = name
        self.type = type
        self.value = value
        self.location = location
    }
}

/// `accounts:`: evaluates `match` on the lead and binds `account` to the
/// row of `table` with that key, or null.
public struct AccountMatching: Sendable {
    public var table: String
    public var match: RuleExpression

    public init(table: String, match: RuleExpression) {
        self.table = table
        self.match = match
    }
}
