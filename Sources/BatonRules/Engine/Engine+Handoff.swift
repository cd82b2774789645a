import BatonLang

extension Engine {
    /// Decides the handoff (rules.md "Handoff"): suppression first, failing
    /// closed; then `when`; context for every status; next steps for a handoff.
    func decideHandoff(
        lead: RecordValue, keyEvent: KeyEvent?, warnings: inout WarningList, recorder: ExplanationRecorder?
    ) -> HandoffResult {
        let handoff = plan.ruleset.handoff
        var status = HandoffStatus.notReady
        var suppressedBy: String?

        for rule in handoff.suppress {
            let outcome = ConditionOutcome(evaluate(rule.when, in: decisionActivation, recorder: recorder))
            warnings.addCondition(outcome, section: .suppress, rule: rule.id)
            let why = recorder?.why(rule.when) ?? []
            switch outcome {
            case .notMatched:
                recorder?.recordCondition(section: .suppress, rule: rule.id, outcome: outcome, why: why)
                continue
            case .matched:
                recorder?.recordCondition(section: .suppress, rule: rule.id, outcome: outcome, why: why)
            case .null, .failed:
                // A consent check never lets a lead through because data was missing.
                recorder?.recordCondition(
                    section: .suppress, rule: rule.id, outcome: outcome, why: why,
                    note: "suppresses: suppression fails closed")
            }
            status = .suppressed
            suppressedBy = rule.id
            break
        }

        if status != .suppressed {
            if let when = handoff.when {
                let outcome = ConditionOutcome(evaluate(when, in: decisionActivation, recorder: recorder))
                warnings.addCondition(outcome, section: .handoff, rule: nil)
                if outcome.isMatch { status = .handoff }
                recorder?.recordCondition(section: .handoff, rule: nil, outcome: outcome, why: recorder?.why(when) ?? [])
            } else {
                recorder?.recordRule(
                    section: .handoff, rule: nil, outcome: .notMatched, why: [],
                    note: "the ruleset has no handoff condition")
            }
        } else if handoff.when != nil {
            recorder?.recordRule(
                section: .handoff, rule: nil, outcome: .notEvaluated, why: [],
                note: "not evaluated: suppressed by \(suppressedBy ?? "")")
        }

        var context: [ContextValue] = []
        context.reserveCapacity(handoff.context.count)
        for field in handoff.context {
            var value = evaluate(field.value, in: decisionActivation, recorder: nil)
            if case .error(let error) = value {
                warnings.add(
                    .context, rule: field.name, code: WarningCode.evaluationError,
                    message: "\(field.name): \(error.message); null")
                value = .null
            } else if let problem = value.outputProblem() {
                let why =
                    switch problem {
                    case .containsError: "a part of the value failed"
                    case .tooLarge:
                        "the value is too large to write (more than \(Value.maximumOutputValues) values or \(JSONWriter.maximumValueBytes) bytes of text)"
                    }
                warnings.add(
                    .context, rule: field.name, code: WarningCode.evaluationError,
                    message: "\(field.name): \(why); null")
                value = .null
            }
            context.append(ContextValue(name: field.name, value: value))
        }

        var nextStep: String?
        if status == .handoff {
            nextStep = chooseNextStep(warnings: &warnings, recorder: recorder)
        }
        return HandoffResult(
            status: status, stage: status == .handoff ? handoff.stage : nil, suppressedBy: suppressedBy,
            nextStep: nextStep, lastKeyEvent: keyEvent, context: context)
    }

    /// The `say` of the first next step whose `when` holds.
    private func chooseNextStep(warnings: inout WarningList, recorder: ExplanationRecorder?) -> String? {
        for step in plan.ruleset.handoff.nextSteps {
            if let when = step.when {
                let outcome = ConditionOutcome(evaluate(when, in: decisionActivation, recorder: recorder))
                warnings.addCondition(outcome, section: .nextSteps, rule: nil)
                recorder?.recordCondition(section: .nextSteps, rule: nil, outcome: outcome, why: recorder?.why(when) ?? [])
                guard outcome.isMatch else { continue }
            }
            let rendered = step.say.template.render(decisionActivation)
            warnings.addTemplateProblems(rendered.problems, section: .nextSteps, rule: nil, what: "say")
            return rendered.text
        }
        return nil
    }
}
