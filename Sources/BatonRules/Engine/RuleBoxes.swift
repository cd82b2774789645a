import BatonLang

/// A rule in a class box. Looping over an array of rule structs copies each
/// rule, retaining every reference it holds (programs, templates, strings);
/// looping over boxes retains one object, and the box's `let` fields are
/// read in place.
final class RuleBox<Rule: Sendable>: Sendable {
    let rule: Rule
    /// The rule's optional condition, boxed too: `if let when = rule.when`
    /// copies the whole expression, `if let when = box.when` retains once.
    let when: ExpressionBox?
    /// The rule's other expression, boxed for the same reason: computed
    /// points, `owner_from`, a suppress condition, a context value.
    let expression: ExpressionBox?
    /// The rule's `reason` or `say`, boxed for the same reason.
    let template: TemplateBox?
    /// Event rules: the test of an event field that `when` starts with, if it does.
    let eventTest: EventFieldTest?

    init(
        _ rule: Rule, when: RuleExpression? = nil, expression: RuleExpression? = nil, template: RuleTemplate? = nil,
        eventTest: EventFieldTest? = nil
    ) {
        self.rule = rule
        self.when = when.map(ExpressionBox.init)
        self.expression = expression.map(ExpressionBox.init)
        self.template = template.map(TemplateBox.init)
        self.eventTest = eventTest
    }
}

/// An expression in a class box (see `RuleBox.when`).
final class ExpressionBox: Sendable {
    let expression: RuleExpression

    init(_ expression: RuleExpression) { self.expression = expression }
}

/// A template in a class box (see `RuleBox.template`).
final class TemplateBox: Sendable {
    let template: RuleTemplate
    /// The text of a template without holes (no `{{`, so no `{{{{` either),
    /// which rendering would only copy piece by piece.
    let constantText: String?

    init(_ template: RuleTemplate) {
        self.template = template
        let text = template.template.source
        constantText = TemplateBox.hasHole(text) ? nil : text
    }

    /// Renders the template; hole problems come back with the text.
    func render(_ activation: Activation) -> (text: String, problems: [TemplateProblem]) {
        if let constantText { return (constantText, []) }
        return template.template.render(activation)
    }

    private static func hasHole(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{"), previous == byte { return true }
            previous = byte
        }
        return false
    }
}

/// A scoring component in a class box, with its rules boxed (see `RuleBox`).
final class ComponentBox: Sendable {
    let component: ScoreComponent
    let rules: [RuleBox<ScoringRule>]
    let eventRules: [RuleBox<ScoringRule>]

    init(_ component: ScoreComponent, rules: [RuleBox<ScoringRule>], eventRules: [RuleBox<ScoringRule>]) {
        self.component = component
        self.rules = rules
        self.eventRules = eventRules
    }
}

/// The rules the engine runs for every lead, boxed (see `RuleBox`).
struct BoxedRules: Sendable {
    /// The scoring components, in order.
    let components: [ComponentBox]
    let routing: [RuleBox<RoutingRule>]
    let suppress: [RuleBox<SuppressRule>]
    let context: [RuleBox<ContextField>]
    let nextSteps: [RuleBox<NextStep>]
    /// `handoff.when` and `accounts.match`, boxed (see `RuleBox.when`).
    let handoffWhen: ExpressionBox?
    let accountMatch: ExpressionBox?

    init(_ ruleset: Ruleset) {
        let eventScope = ruleset.scopes.event
        var eventType: RecordType?
        if let slot = eventScope.slot(of: "event"), case .record(let name) = eventScope.variables[slot].type {
            eventType = eventScope.schema[name]
        }
        components = ruleset.scoring.components.map { component in
            ComponentBox(
                component, rules: component.rules.map { BoxedRules.box($0, eventType: nil) },
                eventRules: component.eventRules.map { BoxedRules.box($0, eventType: eventType) })
        }
        routing = ruleset.routing.rules.map { rule in
            var ownerFrom: RuleExpression?
            if case .ownerFrom(let expression) = rule.assign { ownerFrom = expression }
            return RuleBox(rule, when: rule.when, expression: ownerFrom, template: rule.reason)
        }
        suppress = ruleset.handoff.suppress.map { RuleBox($0, when: $0.when) }
        context = ruleset.handoff.context.map { RuleBox($0, expression: $0.value) }
        nextSteps = ruleset.handoff.nextSteps.map { RuleBox($0, when: $0.when, template: $0.say) }
        handoffWhen = ruleset.handoff.when.map(ExpressionBox.init)
        accountMatch = ruleset.accountMatching.map { ExpressionBox($0.match) }
    }

    /// With `eventType`, an event rule of that event type.
    private static func box(_ rule: ScoringRule, eventType: RecordType?) -> RuleBox<ScoringRule> {
        var points: RuleExpression?
        if case .expression(let expression) = rule.points { points = expression }
        let test = rule.when.flatMap { EventFieldTest(condition: $0.program.expr, eventType: eventType) }
        return RuleBox(rule, when: rule.when, expression: points, template: rule.reason, eventTest: test)
    }
}

extension RuleBox<ScoringRule> {
    /// The points when they are a constant; nil when `expression` computes them.
    var constantPoints: Double? {
        if case .constant(let points) = rule.points { return points }
        return nil
    }
}
