import BatonLang

/// A decision together with why: every rule's verdict with the values that
/// decided it, and the whole routing walk (rules.md "Explanations").
public struct Explanation: Sendable {
    public var decision: Decision
    /// In evaluation order: account matching, scoring (per event for event
    /// rules), routing rules up to the match, suppress rules, the handoff
    /// condition, next steps.
    public var rules: [RuleExplanation]
    /// Every step of the routing walk, with team members passed over.
    public var routeWalk: [RouteWalkStep]
}

/// What became of a rule.
public enum RuleOutcome: Sendable, Hashable {
    case matched
    case notMatched
    /// Its condition was null (no match; suppress rules fail closed).
    case null
    /// Its condition ended in an error (no match; suppress rules fail closed).
    case failed(String)
    /// Not evaluated (the handoff condition of a suppressed lead).
    case notEvaluated

    /// The stable word for JSON: `matched`, `not_matched`, `null`, `error`, `not_evaluated`.
    public var word: String {
        switch self {
        case .matched: "matched"
        case .notMatched: "not_matched"
        case .null: "null"
        case .failed: "error"
        case .notEvaluated: "not_evaluated"
        }
    }
}

/// One rule's verdict and why.
public struct RuleExplanation: Sendable {
    public var section: WarningSection
    /// Scoring rules: the component.
    public var component: String?
    /// The rule id; nil for account matching, the handoff condition and next steps.
    public var rule: String?
    /// Event rules: the event index.
    public var event: Int?
    public var outcome: RuleOutcome
    /// The sub-expressions that decided, with their values
    /// (`lead.employees (250) >= 1000 → false`).
    public var why: [String]
    /// Scoring rules that matched: the points they added (after decay), rounded.
    public var points: ScorePoints?
    /// Anything else worth saying (a limit, a decay factor, an `owner_from` result).
    public var note: String?
}

/// One step of the routing walk.
public struct RouteWalkStep: Sendable {
    public var step: RouteStep
    /// Teams: the members passed over because they were unavailable.
    public var passedOver: [PassedOverMember]
    /// Why the walk went on to the fallback queue, when it did for a reason the step does not show.
    public var note: String?
}

/// A team member that could not take the lead.
public struct PassedOverMember: Sendable, Hashable {
    public var id: String
    public var reason: SkipReason
    /// For `out_of_office`: the range's last day, as days since 1970-01-01.
    public var untilDay: Int64?
}
