import BatonLang

/// Evaluates leads against a ruleset: score, route, handoff (rules.md).
///
/// An engine owns the activations its evaluations write into, so one engine
/// serves one thread at a time. For parallel work, make one per thread with
/// `init(sharing:)`: they share the immutable prepared ruleset.
///
/// ```swift
/// let engine = Engine(ruleset: ruleset)
/// let decision = engine.evaluate(lead: lead, now: now, state: nil)
/// ```
public final class Engine {
    let plan: EnginePlan
    let accountActivation: Activation
    let scoringActivation: Activation
    let eventActivation: Activation
    let decisionActivation: Activation
    /// The slot of `event` in `eventActivation`, where events are lent.
    let eventSlot: Int?
    /// Scratch storage for the matching events of an event rule (see `score`).
    // Unchecked: an engine serves one thread, and `score` takes it and puts it back.
    @exclusivity(unchecked) var eventMatches: [Int] = []
    /// The `now` the activations hold: set only when it changes, as each
    /// set of an activation's `now` costs an exclusivity check.
    @exclusivity(unchecked) private var activationsNow: Timestamp?

    /// Prepares a ruleset for evaluation: resolves ids and slots once.
    public convenience init(ruleset: Ruleset) {
        self.init(plan: EnginePlan(ruleset: ruleset))
    }

    /// An engine for another thread, sharing `other`'s prepared ruleset.
    public convenience init(sharing other: Engine) {
        self.init(plan: other.plan)
    }

    private init(plan: EnginePlan) {
        self.plan = plan
        let scopes = plan.ruleset.scopes
        let start = Timestamp(seconds: 0)
        accountActivation = Activation(environment: scopes.accountMatch, now: start)
        scoringActivation = Activation(environment: scopes.scoring, now: start)
        eventActivation = Activation(environment: scopes.event, now: start)
        decisionActivation = Activation(environment: scopes.decision, now: start)
        let eventVariables = scopes.event.variables.count
        eventSlot = plan.eventSlots.event.flatMap { $0 < eventVariables ? $0 : nil }
        Engine.bind(plan.tablesValue, to: plan.accountSlots.tables, in: accountActivation)
        Engine.bind(plan.tablesValue, to: plan.scoringSlots.tables, in: scoringActivation)
        Engine.bind(plan.tablesValue, to: plan.eventSlots.tables, in: eventActivation)
        Engine.bind(plan.tablesValue, to: plan.decisionSlots.tables, in: decisionActivation)
    }

    /// The ruleset this engine evaluates.
    public var ruleset: Ruleset { plan.ruleset }

    /// Evaluates one lead at `now`. With `state`, teams use their configured
    /// strategies and capacities apply, and the state records the assignment;
    /// without it every team picks by hash.
    public func evaluate(lead: RecordValue, now: Timestamp, state: RoutingState?) -> Decision {
        route(prepare(lead: lead, now: now), state: state)
    }

    /// Evaluates everything but the routing walk: account, scoring, the
    /// routing rules, handoff. Needs no routing state, so a batch can prepare
    /// leads in parallel and then `route` them one by one in input order.
    public func prepare(lead: RecordValue, now: Timestamp) -> PreparedDecision {
        run(lead: lead, now: now, recorder: nil)
    }

    /// Finishes a prepared decision: walks the route from the matched rule's
    /// target through backups and teams, updating `state` when given.
    public func route(_ prepared: consuming PreparedDecision, state: RoutingState?) -> Decision {
        var walker = RouteWalker(
            plan: plan, state: state, now: prepared.now, leadHash: prepared.leadHash, recorder: nil)
        let walk = walker.walk(from: prepared.routeTarget, startsAtFallback: prepared.routeRuleIndex == nil)
        return prepared.decision(plan: plan, walk: walk)
    }

    /// Evaluates one lead as `evaluate` does, recording why each rule matched
    /// or not and the whole routing walk.
    public func explain(lead: RecordValue, now: Timestamp, state: RoutingState?) -> Explanation {
        let recorder = ExplanationRecorder()
        let prepared = run(lead: lead, now: now, recorder: recorder)
        var walker = RouteWalker(plan: plan, state: state, now: now, leadHash: prepared.leadHash, recorder: recorder)
        let walk = walker.walk(from: prepared.routeTarget, startsAtFallback: prepared.routeRuleIndex == nil)
        let decision = prepared.decision(plan: plan, walk: walk)
        return Explanation(decision: decision, rules: recorder.rules, routeWalk: recorder.routeWalk)
    }

    private func run(lead: RecordValue, now: Timestamp, recorder: ExplanationRecorder?) -> PreparedDecision {
        let leadValue = Value.record(lead)
        if activationsNow != now {
            accountActivation.now = now
            scoringActivation.now = now
            eventActivation.now = now
            decisionActivation.now = now
            activationsNow = now
        }
        Engine.bind(leadValue, to: plan.accountSlots.lead, in: accountActivation)
        Engine.bind(leadValue, to: plan.scoringSlots.lead, in: scoringActivation)
        Engine.bind(leadValue, to: plan.eventSlots.lead, in: eventActivation)
        Engine.bind(leadValue, to: plan.decisionSlots.lead, in: decisionActivation)
        var leadID: String?
        if let slot = plan.leadIDSlot, slot < lead.fields.count, case .string(let id) = lead.fields[slot] {
            leadID = id
        }
        var warnings = WarningList()

        let account = matchAccount(warnings: &warnings, recorder: recorder)
        Engine.bind(account, to: plan.scoringSlots.account, in: scoringActivation)
        Engine.bind(account, to: plan.eventSlots.account, in: eventActivation)
        Engine.bind(account, to: plan.decisionSlots.account, in: decisionActivation)

        let scoring = score(lead: lead, now: now, warnings: &warnings, recorder: recorder)
        let scoreValue = plan.scoreShape.value(
            total: scoring.result.total, grade: scoring.result.grade, components: scoring.result.components)
        Engine.bind(scoreValue, to: plan.decisionSlots.score, in: decisionActivation)

        let routing = matchRoutingRule(warnings: &warnings, recorder: recorder)
        let handoff = decideHandoff(
            lead: lead, keyEvent: scoring.keyEvent, warnings: &warnings, recorder: recorder)

        return PreparedDecision(
            leadID: leadID, now: now, leadHash: fnv1a64(leadID ?? ""), score: scoring.result,
            routeRuleIndex: routing.ruleIndex, routeRule: routing.ruleIndex.map { plan.boxed.routing[$0].rule.id },
            routeReason: routing.reason, routeTarget: routing.target, handoff: handoff, warnings: warnings.warnings)
    }

    @inline(__always)
    static func bind(_ value: Value, to slot: Int?, in activation: Activation) {
        guard let slot, slot < activation.variableCount else { return }
        activation.bind(value, toSlot: slot)
    }

    /// Evaluates a rule expression, tracing only when explaining.
    @inline(__always)
    func evaluate(_ expression: RuleExpression, in activation: Activation, recorder: ExplanationRecorder?) -> Value {
        guard let recorder else { return expression.program.evaluate(activation) }
        let (value, trace) = expression.program.evaluateTraced(activation)
        recorder.lastTrace = trace
        return value
    }

    /// Evaluates an expression of the event scope with the event at `event`
    /// lent to `event` (see `Activation.withBinding`): no copy, no retain.
    @inline(__always)
    func evaluate(_ expression: RuleExpression, event: UnsafePointer<Value>, recorder: ExplanationRecorder?) -> Value {
        guard recorder == nil, let eventSlot else {
            return withEvent(event) { evaluate(expression, in: eventActivation, recorder: recorder) }
        }
        return expression.program.evaluate(eventActivation, bindingValueAt: event, toSlot: eventSlot)
    }

    /// Runs `body` with the event at `event` lent to `event` in `eventActivation`.
    func withEvent<Result>(_ event: UnsafePointer<Value>, _ body: () -> Result) -> Result {
        guard let eventSlot else { return body() }
        return eventActivation.withBinding(valueAt: event, toSlot: eventSlot, body)
    }

    /// `accounts.match`: the row of the account table with the matched key, or null.
    private func matchAccount(warnings: inout WarningList, recorder: ExplanationRecorder?) -> Value {
        guard let match = plan.boxed.accountMatch else { return .null }
        let key = evaluate(match.expression, in: accountActivation, recorder: recorder)
        var account = Value.null
        switch key {
        case .error(let error):
            warnings.add(
                .accounts, rule: nil, code: WarningCode.evaluationError,
                message: "accounts.match: \(error.message); no account")
        case .string(let text):
            if let row = plan.accountRowTable?.value(for: text) ?? plan.accountRows?[text] { account = row }
        default:
            break
        }
        if let recorder, let matching = plan.ruleset.accountMatching {
            recorder.recordAccount(matching: matching, key: key, account: account)
        }
        return account
    }
}

/// A lead evaluated up to the routing walk (see `Engine.prepare`).
public struct PreparedDecision: Sendable {
    let leadID: String?
    let now: Timestamp
    let leadHash: UInt64
    let score: ScoreResult
    let routeRuleIndex: Int?
    let routeRule: String?
    let routeReason: String?
    let routeTarget: AssigneeReference
    let handoff: HandoffResult
    let warnings: [DecisionWarning]

    /// Consuming: the decision takes over the strings and arrays instead
    /// of retaining copies of them (and the prepared decision releasing its own).
    consuming func decision(plan: EnginePlan, walk: RouteWalk) -> Decision {
        Decision(
            leadID: leadID, rulesetName: plan.ruleset.name, rulesetVersion: plan.ruleset.version,
            rulesetDigest: plan.ruleset.digest, evaluatedAt: now, score: score,
            route: RouteResult(assignee: walk.assignee, rule: routeRule, reason: routeReason, path: walk.path),
            handoff: handoff, warnings: warnings)
    }
}
