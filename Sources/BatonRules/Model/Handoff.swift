import BatonLang

/// The `handoff:` section: suppression, the handoff condition, and what a rep gets.
public struct Handoff: Sendable {
    public var suppress: [SuppressRule]
    /// Nil: never hands off (a ruleset without `handoff.when`).
    public var when: RuleExpression?
    public var stage: String?
    /// Evaluated for every lead, in declared order.
    public var context: [ContextField]
    /// Handoff only; the first whose `when` holds gives `next_step`.
    public var nextSteps: [NextStep]

    public init(
        suppress: [SuppressRule], when: RuleExpression?, stage: String?, context: [ContextField], nextSteps: [NextStep]
    ) {
        self.suppress = suppress
        self.when = when
        self.stage = stage
        self.context = context
        self.nextSteps = nextSteps
    }

    public static let empty = Handoff(suppress: [], when: nil, stage: nil, context: [], nextSteps: [])
}

/// A rule that keeps a lead from being handed off (fails closed on errors).
public struct SuppressRule: Sendable {
    public var id: String
    public var when: RuleExpression
    public var location: SourceLocation

    public init(id: String, when: RuleExpression, location: SourceLocation) {
        self.id = id
        self.when = when
        self.location = location
    }
}

/// A named value computed for the rep: `context: { name: expression }`.
public struct ContextField: Sendable {
    public var name: String
    public var value: RuleExpression

    public init(name: String, value: RuleExpression) {
        self.name = name
        self.value = value
    }
}

/// A suggested next step for the rep.
public struct NextStep: Sendable {
    /// Nil: always applies.
    public var when: RuleExpression?
    public var say: RuleTemplate
    public var location: SourceLocation

    public init(when: RuleExpression?, say: RuleTemplate, location: SourceLocation) {
        self.when = when
        self.say = say
        self.location = location
    }
}
