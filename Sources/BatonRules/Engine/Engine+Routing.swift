import BatonLang

/// The routing rule that matched (nil: none did) and the target it names.
struct RoutingMatch {
    var ruleIndex: Int?
    var target: AssigneeReference
    var reason: String?
}

extension Engine {
    /// Finds the first routing rule whose `when` is true and whose target
    /// resolves; `owner_from` that yields no owner id falls through.
    func matchRoutingRule(warnings: inout WarningList, recorder: ExplanationRecorder?) -> RoutingMatch {
        for (index, box) in plan.boxed.routing.enumerated() {
            var outcome = ConditionOutcome.matched
            var why: [String] = []
            if let when = box.when {
                outcome = ConditionOutcome(evaluate(when.expression, in: decisionActivation, recorder: recorder))
                warnings.addCondition(outcome, section: .routing, rule: box.rule.id)
                if let recorder { why = recorder.why(when.expression) }
            }
            guard outcome.isMatch else {
                recorder?.recordCondition(section: .routing, rule: box.rule.id, outcome: outcome, why: why)
                continue
            }
            var target = index < plan.routingTargets.count ? plan.routingTargets[index] : nil
            var note: String?
            if let ownerFrom = box.expression {
                let expression = ownerFrom.expression
                let value = evaluate(expression, in: decisionActivation, recorder: recorder)
                switch value {
                case .string(let id):
                    if case .owner = plan.assigneeByID[id] {
                        target = plan.assigneeByID[id]
                        note = "owner_from \(expression.source) → \"\(id)\""
                    } else {
                        let kind = plan.assigneeByID[id].map { reference -> String in
                            switch reference {
                            case .owner: "an owner"
                            case .team: "a team"
                            case .queue: "a queue"
                            }
                        }
                        let problem =
                            kind.map { "\"\(id)\" is \($0), not an owner" } ?? "\"\(id)\" is not a known owner"
                        warnings.add(
                            .routing, rule: box.rule.id, code: WarningCode.unknownOwner,
                            message: "owner_from: \(problem); rule skipped")
                        note = "owner_from \(expression.source) → \(problem); falls through"
                    }
                case .error(let error):
                    warnings.add(
                        .routing, rule: box.rule.id, code: WarningCode.evaluationError,
                        message: "owner_from: \(error.message); rule skipped")
                    note = "owner_from \(expression.source) failed: \(error.message); falls through"
                case .null:
                    warnings.add(
                        .routing, rule: box.rule.id, code: WarningCode.unknownOwner,
                        message: "owner_from is null; rule skipped")
                    note = "owner_from \(expression.source) → null; falls through"
                default:
                    warnings.add(
                        .routing, rule: box.rule.id, code: WarningCode.unknownOwner,
                        message: "owner_from did not give an owner id; rule skipped")
                    note = "owner_from \(expression.source) gave no owner id; falls through"
                }
                guard target != nil else {
                    recorder?.recordRule(section: .routing, rule: box.rule.id, outcome: .matched, why: why, note: note)
                    continue
                }
            }
            recorder?.recordRule(section: .routing, rule: box.rule.id, outcome: .matched, why: why, note: note)
            let reason = render(
                box.template, in: decisionActivation, rule: box.rule.id, event: nil, warnings: &warnings,
                section: .routing)
            return RoutingMatch(ruleIndex: index, target: target ?? .queue(plan.fallbackQueue), reason: reason)
        }
        return RoutingMatch(ruleIndex: nil, target: .queue(plan.fallbackQueue), reason: nil)
    }
}
