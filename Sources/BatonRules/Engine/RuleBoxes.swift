/// A rule in a class box. Looping over an array of rule structs copies each
/// rule, retaining every reference it holds (programs, templates, strings);
/// looping over boxes retains one object, and the box's `let` fields are
/// read in place.
final class RuleBox<Rule: Sendable>: Sendable {
    let rule: Rule
    /// The rule's optional condition, boxed too: `if let when = rule.when`
    /// copies the whole expression, `if let when = box.when` retains once.
    let when: ConditionBox?

    init(_ rule: Rule, when: RuleExpression? = nil) {
        self.rule = rule
        self.when = when.map(ConditionBox.init)
    }
}

/// A condition in a class box (see `RuleBox.when`).
final class ConditionBox: Sendable {
    let expression: RuleExpression

    init(_ expression: RuleExpression) { self.expression = expression }
}

/// The rules the engine runs for every lead, boxed (see `RuleBox`).
struct BoxedRules: Sendable {
    /// Per scoring component, in order: its rules and event rules.
    let scoring: [(rules: [RuleBox<ScoringRule>], eventRules: [RuleBox<ScoringRule>])]
    let routing: [RuleBox<RoutingRule>]
    let suppress: [RuleBox<SuppressRule>]
    let context: [RuleBox<ContextField>]
    let nextSteps: [RuleBox<NextStep>]

    init(_ ruleset: Ruleset) {
        scoring = ruleset.scoring.components.map { component in
            (
                component.rules.map { RuleBox($0, when: $0.when) },
                component.eventRules.map { RuleBox($0, when: $0.when) }
            )
        }
        routing = ruleset.routing.rules.map { RuleBox($0, when: $0.when) }
        suppress = ruleset.handoff.suppress.map { RuleBox($0) }
        context = ruleset.handoff.context.map { RuleBox($0) }
        nextSteps = ruleset.handoff.nextSteps.map { RuleBox($0, when: $0.when) }
    }
}
