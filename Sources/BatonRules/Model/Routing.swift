import BatonLang

/// The `routing:` section: ordered rules, the first whose `when` is true wins.
public struct Routing: Sendable {
    public var rules: [RoutingRule]
    /// The queue that takes every lead no rule (or chain) placed.
    public var fallback: String

    public init(rules: [RoutingRule], fallback: String) {
        self.rules = rules
        self.fallback = fallback
    }
}

/// One routing rule.
public struct RoutingRule: Sendable {
    public var id: String
    /// Nil: always matches.
    public var when: RuleExpression?
    public var assign: Assignment
    public var reason: RuleTemplate?
    public var location: SourceLocation

    public init(id: String, when: RuleExpression?, assign: Assignment, reason: RuleTemplate?, location: SourceLocation)
    {
        self.id = id
        self.when = when
        self.assign = assign
        self.reason = reason
        self.location = location
    }
}

/// The target of a routing rule.
public enum Assignment: Sendable {
    case owner(String)
    /// An expression that yields an owner id.
    case ownerFrom(RuleExpression)
    case team(String)
    case queue(String)
}
