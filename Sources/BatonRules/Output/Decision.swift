import BatonLang

/// What evaluating one lead decided: score, route, handoff and warnings
/// (rules.md "The decision").
public struct Decision: Sendable {
    /// `lead.id` when the lead carries a string id.
    public var leadID: String?
    public var rulesetName: String
    public var rulesetVersion: String?
    public var rulesetDigest: String
    public var evaluatedAt: Timestamp
    public var score: ScoreResult
    public var route: RouteResult
    public var handoff: HandoffResult
    /// In evaluation order: accounts, scoring, routing, suppress, handoff, context, next_steps.
    public var warnings: [DecisionWarning]
}

/// The score of a lead: rounded components, their exact total and the grade.
public struct ScoreResult: Sendable {
    /// The exact sum of the rounded components.
    public var total: ScorePoints
    /// The first grade whose minimum the total reaches; nil when no grades are declared.
    public var grade: String?
    /// In declared order, each clamped and rounded.
    public var components: [ComponentScore]
    /// Every non-zero contribution, by component, rule, then event index.
    public var contributions: [Contribution]
}

/// The points of one scoring component after clamping and rounding.
public struct ComponentScore: Sendable, Hashable {
    public var name: String
    public var points: ScorePoints
}

/// Points one rule added (per event for event rules), before the component's clamp.
public struct Contribution: Sendable, Hashable {
    public var component: String
    public var rule: String
    /// Rounded to hundredths for display.
    public var points: ScorePoints
    /// The index in `lead.events`, for event rules.
    public var event: Int?
    /// The rule's rendered `reason`, when it has one.
    public var reason: String?
}

/// Where the lead went and how it got there.
public struct RouteResult: Sendable {
    /// The final owner or queue.
    public var assignee: Assignee
    /// The routing rule that matched (even when its chain ended in the fallback); nil when none did.
    public var rule: String?
    /// The matched rule's rendered `reason`.
    public var reason: String?
    /// Every assignee the lead passed through, in order.
    public var path: [RouteStep]
}

/// The kind of an assignee id.
public enum AssigneeKind: String, Sendable, Hashable, CaseIterable {
    case owner, team, queue
}

/// The final owner or queue of a lead, with the name and email when declared.
public struct Assignee: Sendable, Hashable {
    public var kind: AssigneeKind
    public var id: String
    public var name: String?
    public var email: String?
}

/// Why an assignee on the route was passed over.
public enum SkipReason: String, Sendable, Hashable {
    case unavailable
    case outOfOffice = "out_of_office"
    case atCapacity = "at_capacity"
    case noAvailableMember = "no_available_member"
}

/// One assignee the lead passed through on its route.
public struct RouteStep: Sendable, Hashable {
    public var kind: AssigneeKind
    public var id: String
    /// Set when this owner or team was passed over.
    public var skipped: SkipReason?
    /// For `out_of_office`: the last day of the range, as days since 1970-01-01.
    public var untilDay: Int64?
    /// Teams: the member that was picked.
    public var picked: String?
    /// Teams: the strategy applied.
    public var strategy: TeamStrategy?
    /// Teams without routing state: the strategy the team declares (hash was applied instead).
    public var configured: TeamStrategy?
    /// Queues: true when the lead reached the ruleset's fallback queue.
    public var isFallback: Bool = false

    public init(kind: AssigneeKind, id: String) {
        self.kind = kind
        self.id = id
    }
}

/// Whether the lead is handed to sales.
public enum HandoffStatus: String, Sendable, Hashable, CaseIterable {
    case handoff
    case notReady = "not_ready"
    case suppressed
}

/// The handoff decision with the context a rep needs.
public struct HandoffResult: Sendable {
    public var status: HandoffStatus
    /// Set only for `handoff`.
    public var stage: String?
    /// Set only for `suppressed`.
    public var suppressedBy: String?
    /// Set only for `handoff`, from the first matching next step.
    public var nextStep: String?
    public var lastKeyEvent: KeyEvent?
    /// In declared order; a value whose expression failed is null.
    public var context: [ContextValue]
}

/// One named context value.
public struct ContextValue: Sendable {
    public var name: String
    public var value: Value
}

/// The most recent event that added positive points.
public struct KeyEvent: Sendable, Hashable {
    /// The index in `lead.events`.
    public var index: Int
    public var type: String?
    public var at: Timestamp?
    /// The first rule, in rule order, through which it contributed.
    public var rule: String
}

/// The part of evaluation a warning comes from.
public enum WarningSection: String, Sendable, Hashable {
    case accounts, scoring, routing, suppress, handoff, context
    case nextSteps = "next_steps"
}

/// Stable warning codes of decisions.
public enum WarningCode {
    /// An expression ended in an error.
    public static let evaluationError = "eval-error"
    /// A condition's value was null.
    public static let nullCondition = "null-condition"
    /// A `points` expression gave null or a number that is not finite.
    public static let invalidPoints = "invalid-points"
    /// A template hole was null or failed; it rendered empty.
    public static let templateHole = "template-hole"
    /// `owner_from` gave null, a team or queue id, or an unknown id.
    public static let unknownOwner = "unknown-owner"
}

/// A problem met while evaluating a lead; evaluation went on.
public struct DecisionWarning: Sendable, Hashable {
    public var section: WarningSection
    /// The rule id or context name; nil for next steps and the handoff condition.
    public var rule: String?
    /// For event rules: every event index the rule failed on.
    public var events: [Int]?
    public var code: String
    public var message: String
}
