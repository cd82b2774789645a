import BatonLang

/// Collects what `Engine.explain` needs while the engine evaluates; absent
/// (nil) on the fast path, so plain evaluation pays nothing for it.
final class ExplanationRecorder {
    /// The trace of the last traced evaluation.
    var lastTrace: EvaluationTrace?
    private(set) var rules: [RuleExplanation] = []
    private(set) var routeWalk: [RouteWalkStep] = []
    private var pendingRouteNote: String?

    /// The deciding sub-expressions of the expression just evaluated.
    func why(_ expression: RuleExpression) -> [String] {
        guard let trace = lastTrace else { return [] }
        return TraceExplainer(program: expression.program, trace: trace).lines()
    }

    func recordAccount(matching: AccountMatching, key: Value, account: Value) {
        let why = TraceExplainer.valueLine(source: matching.match.source, value: key)
        let note: String
        if case .null = account {
            note = "no row of table \(matching.table) has that key: account is null"
        } else {
            note = "account: the row of table \(matching.table) with that key"
        }
        let outcome: RuleOutcome
        switch account {
        case .null:
            if case .error(let error) = key { outcome = .failed(error.message) } else { outcome = .notMatched }
        default:
            outcome = .matched
        }
        rules.append(
            RuleExplanation(
                section: .accounts, component: nil, rule: nil, event: nil, outcome: outcome, why: [why], points: nil,
                note: note))
    }

    /// Takes the rule's box: passing the rule struct had the engine copy
    /// it (with its retains) on the fast path too, ahead of the nil check.
    func recordScoring(
        component: String, rule box: RuleBox<ScoringRule>, event: Int?, outcome: ConditionOutcome, why: [String],
        points: ScorePoints?, note: String? = nil
    ) {
        rules.append(
            RuleExplanation(
                section: .scoring, component: component, rule: box.rule.id, event: event,
                outcome: RuleOutcome(outcome), why: box.when == nil ? ["no condition: always applies"] : why,
                points: points, note: note))
    }

    func recordCondition(
        section: WarningSection, rule: String?, outcome: ConditionOutcome, why: [String], note: String? = nil
    ) {
        recordRule(section: section, rule: rule, outcome: RuleOutcome(outcome), why: why, note: note)
    }

    func recordRule(section: WarningSection, rule: String?, outcome: RuleOutcome, why: [String], note: String? = nil) {
        rules.append(
            RuleExplanation(
                section: section, component: nil, rule: rule, event: nil, outcome: outcome, why: why, points: nil,
                note: note))
    }

    func noteRoute(_ note: String) {
        pendingRouteNote = note
    }

    func recordRouteStep(_ step: RouteStep, passedOver: [PassedOverMember]) {
        routeWalk.append(
            RouteWalkStep(step: step, passedOver: passedOver, note: step.isFallback ? pendingRouteNote : nil))
        if step.isFallback { pendingRouteNote = nil }
    }
}

extension RuleOutcome {
    init(_ outcome: ConditionOutcome) {
        switch outcome {
        case .matched: self = .matched
        case .notMatched: self = .notMatched
        case .null: self = .null
        case .failed(let message): self = .failed(message)
        }
    }
}
