import BatonLang

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The score and the event handoff shows as the last key event.
struct ScoringOutcome {
    var result: ScoreResult
    var keyEvent: KeyEvent?
}

/// An event of the lead being scored: its index in `lead.events`, and where
/// the value is, to lend to the event slot (see `Engine.evaluate(_:event:recorder:)`).
struct EventAt {
    let index: Int
    let value: UnsafePointer<Value>
}

extension Engine {
    /// Scores a lead as rules.md "Scoring" says: each component sums its
    /// rules' unrounded contributions, clamps, rounds to hundredths; the total
    /// is the exact sum; the grade the first whose minimum the total reaches.
    func score(lead: RecordValue, now: Timestamp, warnings: inout WarningList, recorder: ExplanationRecorder?)
        -> ScoringOutcome
    {
        var events: [Value] = []
        if let slot = plan.leadEventsSlot, slot < lead.fields.count, case .list(let list) = lead.fields[slot] {
            events = list
        }
        var components: [ComponentScore] = []
        components.reserveCapacity(plan.boxed.components.count)
        var contributions: [Contribution] = []
        // Room for a typical lead's contributions at once: grown from empty,
        // the array was copied to a new block at the first, second and fourth.
        contributions.reserveCapacity(Self.typicalContributions)
        var total = ScorePoints(hundredths: 0)
        var keyEvent = KeyEventTracker()
        // The engine's storage for event matches, taken so that it is unique
        // here and grows once rather than for every rule of every lead.
        var matches = eventMatches
        eventMatches = []
        events.withUnsafeBufferPointer { events in
            for box in plan.boxed.components {
                let component = box.component.name
                var sum = 0.0
                for rule in box.rules {
                    sum += scoreRule(
                        rule, component: component, contributions: &contributions, warnings: &warnings,
                        recorder: recorder)
                }
                for rule in box.eventRules {
                    sum += scoreEventRule(
                        rule, component: box, events: events, now: now, matches: &matches,
                        contributions: &contributions, keyEvent: &keyEvent, warnings: &warnings, recorder: recorder)
                }
                let clamped = clampComponent(sum.isNaN ? 0 : sum, min: box.component.min, max: box.component.max)
                let points =
                    ScorePoints(rounding: clamped)
                    ?? ScorePoints(
                        hundredths: clamped < 0 ? -ScorePoints.saturationHundredths : ScorePoints.saturationHundredths)
                components.append(ComponentScore(name: component, points: points))
                total = ScorePoints.saturatingSum(total, points)
            }
        }
        eventMatches = matches
        let grade = plan.ruleset.scoring.grades.first { grade in grade.minimum.map { total >= $0 } ?? true }?.grade
        let result = ScoreResult(total: total, grade: grade, components: components, contributions: contributions)
        return ScoringOutcome(result: result, keyEvent: keyEvent.keyEvent(events: events, plan: plan))
    }

    /// The contributions room is made for per lead (see `score`).
    static let typicalContributions = 8

    /// A rule of `rules:`; returns its unrounded points (0 when it does not apply).
    private func scoreRule(
        _ box: RuleBox<ScoringRule>, component: String, contributions: inout [Contribution],
        warnings: inout WarningList,
        recorder: ExplanationRecorder?
    ) -> Double {
        var outcome = ConditionOutcome.matched
        var why: [String] = []
        if let when = box.when {
            outcome = ConditionOutcome(evaluate(when.expression, in: scoringActivation, recorder: recorder))
            warnings.addCondition(outcome, section: .scoring, rule: box.rule.id)
            if let recorder { why = recorder.why(when.expression) }
        }
        guard outcome.isMatch else {
            recorder?.recordScoring(
                component: component, rule: box, event: nil, outcome: outcome, why: why, points: nil)
            return 0
        }
        let points = self.points(of: box, event: nil, warnings: &warnings, recorder: recorder)
        let display = points.flatMap { ScorePoints(rounding: $0) }
        recorder?.recordScoring(
            component: component, rule: box, event: nil, outcome: outcome, why: why, points: display)
        guard let points else { return 0 }
        if let display, display.hundredths != 0 {
            let reason = render(box.template, in: scoringActivation, rule: box.rule.id, event: nil, warnings: &warnings)
            contributions.append(
                Contribution(component: component, rule: box.rule.id, points: display, event: nil, reason: reason))
        }
        return points
    }

    /// A rule of `events:`, applied to every event; returns the unrounded sum.
    /// `matches` is scratch storage for the indices of the matching events.
    private func scoreEventRule(
        _ box: RuleBox<ScoringRule>, component: ComponentBox, events: UnsafeBufferPointer<Value>, now: Timestamp,
        matches: inout [Int], contributions: inout [Contribution], keyEvent: inout KeyEventTracker,
        warnings: inout WarningList, recorder: ExplanationRecorder?
    ) -> Double {
        guard let first = events.baseAddress, !events.isEmpty else { return 0 }
        if !matches.isEmpty { matches.removeAll(keepingCapacity: true) }
        let componentName = component.component.name
        // Not a literal: the empty literal builds and releases a dictionary per call.
        var whyByEvent = [Int: [String]]()
        if let when = box.when {
            for index in events.indices {
                // Skipped unseen: the rule's leading field test already fails.
                if recorder == nil, let test = box.eventTest, !test.mayHold(first + index) { continue }
                let value = evaluate(when.expression, event: first + index, recorder: recorder)
                // The common case, a bool with nothing to record, needs no outcome.
                if recorder == nil, case .bool(let holds) = value {
                    if holds { matches.append(index) }
                    continue
                }
                let outcome = ConditionOutcome(value)
                warnings.addCondition(outcome, section: .scoring, rule: box.rule.id, event: index)
                if outcome.isMatch {
                    matches.append(index)
                    if let recorder { whyByEvent[index] = recorder.why(when.expression) }
                } else if let recorder {
                    recorder.recordScoring(
                        component: componentName, rule: box, event: index, outcome: outcome,
                        why: recorder.why(when.expression), points: nil)
                }
            }
        } else {
            matches.append(contentsOf: events.indices)
        }
        if let limit = box.rule.limit, matches.count > max(limit, 0) {
            sortByRecency(&matches, events: events)
            if let recorder {
                for index in matches[max(limit, 0)...].sorted() {
                    recorder.recordScoring(
                        component: componentName, rule: box, event: index, outcome: .matched,
                        why: whyByEvent[index] ?? [], points: nil,
                        note: "beyond limit \(limit): only the \(limit) most recent matching events count")
                }
            }
            matches.removeSubrange(max(limit, 0)...)
            matches.sort()
        }
        var sum = 0.0
        for index in matches {
            let event = EventAt(index: index, value: first + index)
            guard let raw = points(of: box, event: event, warnings: &warnings, recorder: recorder) else {
                recorder?.recordScoring(
                    component: componentName, rule: box, event: index, outcome: .matched,
                    why: whyByEvent[index] ?? [], points: nil)
                continue
            }
            let at = eventTime(events[index])
            let factor = decayFactor(component.component.decay, eventAt: at, now: now)
            let points = raw * factor
            let display = ScorePoints(rounding: points)
            recorder?.recordScoring(
                component: componentName, rule: box, event: index, outcome: .matched,
                why: whyByEvent[index] ?? [], points: display,
                note: factor == 1
                    ? nil : "\(formatDecimal(raw)) × decay \(formatDecimal((factor * 10_000).rounded() / 10_000))")
            sum += points
            guard let display, display.hundredths != 0 else { continue }
            var reason: String?
            if let template = box.template {
                // A reason without holes needs no event lent.
                reason =
                    template.constantText
                    ?? withEvent(event.value) {
                        render(template, in: eventActivation, rule: box.rule.id, event: index, warnings: &warnings)
                    }
            }
            contributions.append(
                Contribution(
                    component: componentName, rule: box.rule.id, points: display, event: index, reason: reason))
            if display.hundredths > 0 { keyEvent.offer(index: index, at: at, rule: box.rule.id) }
        }
        return sum
    }

    /// The value of `points` (in the event activation with `event`); nil
    /// (and a warning) when it failed or is not a finite number.
    private func points(
        of box: RuleBox<ScoringRule>, event: EventAt?, warnings: inout WarningList, recorder: ExplanationRecorder?
    ) -> Double? {
        if let constant = box.constantPoints { return constant }
        guard let computed = box.expression else { return nil }
        let value =
            if let event {
                evaluate(computed.expression, event: event.value, recorder: recorder)
            } else {
                evaluate(computed.expression, in: scoringActivation, recorder: recorder)
            }
        let problem: (code: String, message: String)
        switch value {
        case .int(let value):
            return Double(value)
        case .double(let value) where value.isFinite:
            return value
        case .double:
            problem = (WarningCode.invalidPoints, "points is not a finite number")
        case .error(let error):
            problem = (WarningCode.evaluationError, "points: \(error.message)")
        case .null:
            problem = (WarningCode.invalidPoints, "points is null")
        default:
            problem = (WarningCode.invalidPoints, "points is not a number")
        }
        warnings.add(.scoring, rule: box.rule.id, event: event?.index, code: problem.code, message: problem.message)
        return nil
    }

    /// Renders a rule's reason; hole problems become warnings.
    func render(
        _ template: TemplateBox?, in activation: Activation, rule: String, event: Int?, warnings: inout WarningList,
        section: WarningSection = .scoring
    ) -> String? {
        guard let template else { return nil }
        let rendered = template.render(activation)
        warnings.addTemplateProblems(rendered.problems, section: section, rule: rule, event: event, what: "reason")
        return rendered.text
    }

    /// `at` of an event record, when it has one.
    func eventTime(_ event: Value) -> Timestamp? {
        guard case .record(let record) = event, let slot = plan.eventAtSlot, slot < record.fields.count,
            case .timestamp(let at) = record.fields[slot]
        else { return nil }
        return at
    }

    /// Orders matching events by `at`, latest first (ties: higher index first).
    private func sortByRecency(_ matches: inout [Int], events: UnsafeBufferPointer<Value>) {
        let earliest = Timestamp(seconds: Int64.min)
        matches.sort { a, b in
            let atA = eventTime(events[a]) ?? earliest
            let atB = eventTime(events[b]) ?? earliest
            return atA != atB ? atA > atB : a > b
        }
    }
}

/// The decay factor of an event: 0.5^(age / half life), or 1 inside the
/// window and 0 outside it. An event in the future has age 0.
func decayFactor(_ decay: Decay?, eventAt: Timestamp?, now: Timestamp) -> Double {
    guard let decay else { return 1 }
    let age = ageNanoseconds(from: eventAt ?? now, to: now)
    switch decay {
    case .halfLife(let halfLife):
        guard halfLife.nanoseconds > 0 else { return age == 0 ? 1 : 0 }
        guard let age else { return 0 }
        return pow(0.5, Double(age) / Double(halfLife.nanoseconds))
    case .window(let window):
        guard let age else { return 0 }
        return age <= window.nanoseconds ? 1 : 0
    }
}

/// `now - at` in nanoseconds, 0 for a future `at`; nil when it does not fit 64 bits.
func ageNanoseconds(from at: Timestamp, to now: Timestamp) -> Int64? {
    guard at < now else { return 0 }
    let seconds = now.seconds.subtractingReportingOverflow(at.seconds)
    guard !seconds.overflow else { return nil }
    let nanos = seconds.partialValue.multipliedReportingOverflow(by: TimeDuration.nanosecondsPerSecond)
    guard !nanos.overflow else { return nil }
    let total = nanos.partialValue.addingReportingOverflow(Int64(now.nanos) - Int64(at.nanos))
    return total.overflow ? nil : total.partialValue
}

/// Finds the last key event: the latest `at` among events with a positive
/// contribution (ties: higher index), with the first rule it contributed through.
struct KeyEventTracker {
    private var best: (index: Int, at: Timestamp?, rule: String)?

    mutating func offer(index: Int, at: Timestamp?, rule: String) {
        guard let current = best else {
            best = (index, at, rule)
            return
        }
        // Rules are offered in rule order, so the first offer of an event names its rule.
        guard index != current.index else { return }
        let earliest = Timestamp(seconds: Int64.min)
        let candidateAt = at ?? earliest
        let currentAt = current.at ?? earliest
        if candidateAt > currentAt || (candidateAt == currentAt && index > current.index) {
            best = (index, at, rule)
        }
    }

    func keyEvent(events: [Value], plan: EnginePlan) -> KeyEvent? {
        guard let best else { return nil }
        var type: String?
        if case .record(let record) = events[best.index], let slot = plan.eventTypeSlot, slot < record.fields.count,
            case .string(let text) = record.fields[slot]
        {
            type = text
        }
        return KeyEvent(index: best.index, type: type, at: best.at, rule: best.rule)
    }
}
