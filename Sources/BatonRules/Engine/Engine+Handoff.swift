import BatonLang

extension Engine {
    /// Decides the handoff (rules.md "Handoff"): suppression first, failing
    /// closed; then `when`; context for every status; next steps for a handoff.
    func decideHandoff(
        lead: RecordValue, keyEvent: KeyEvent?, warnings: inout WarningList, recorder: ExplanationRecorder?
    ) -> HandoffResult {
        var status = HandoffStatus.notReady
        var suppressedBy: String?

        for box in plan.boxed.suppress {
            // Always there: a suppress rule's condition is required.
            guard let when = box.when else { continue }
            let outcome = ConditionOutcome(evaluate(when.expression, in: decisionActivation, recorder: recorder))
            warnings.addCondition(outcome, section: .suppress, rule: box.rule.id)
            let why = recorder?.why(when.expression) ?? []
            switch outcome {
            case .notMatched:
                recorder?.recordCondition(section: .suppress, rule: box.rule.id, outcome: outcome, why: why)
                continue
            case .matched:
                recorder?.recordCondition(section: .suppress, rule: box.rule.id, outcome: outcome, why: why)
            case .null, .failed:
                // A consent check never lets a lead through because data was missing.
                recorder?.recordCondition(
                    section: .suppress, rule: box.rule.id, outcome: outcome, why: why,
                    note: "suppresses: suppression fails closed")
            }
            status = .suppressed
            suppressedBy = box.rule.id
            break
        }

        if status != .suppressed {
            if let when = plan.boxed.handoffWhen {
                let outcome = ConditionOutcome(evaluate(when.expression, in: decisionActivation, recorder: recorder))
                warnings.addCondition(outcome, section: .handoff, rule: nil)
                if outcome.isMatch { status = .handoff }
                recorder?.recordCondition(
                    section: .handoff, rule: nil, outcome: outcome, why: recorder?.why(when.expression) ?? [])
            } else {
                recorder?.recordRule(
                    section: .handoff, rule: nil, outcome: .notMatched, why: [],
                    note: "the ruleset has no handoff condition")
            }
        } else if plan.boxed.handoffWhen != nil {
            recorder?.recordRule(
                section: .handoff, rule: nil, outcome: .notEvaluated, why: [],
                note: "not evaluated: suppressed by \(suppressedBy ?? "")")
        }

        var context: [ContextValue] = []
        context.reserveCapacity(plan.boxed.context.count)
        for box in plan.boxed.context {
            // Always there: a context field is its expression.
            guard let expression = box.expression else { continue }
            var value = evaluate(expression.expression, in: decisionActivation, recorder: nil)
            if case .error(let error) = value {
                warnings.add(
                    .context, rule: box.rule.name, code: WarningCode.evaluationError,
                    message: "\(box.rule.name): \(error.message); null")
                value = .null
            } else if let problem = value.outputProblem() {
                let why =
                    switch problem {
                    case .containsError: "a part of the value failed"
                    case .tooLarge:
                        "the value is too large to write (more than \(Value.maximumOutputValues) values or \(JSONWriter.maximumValueBytes) bytes of text)"
                    }
                warnings.add(
                    .context, rule: box.rule.name, code: WarningCode.evaluationError,
                    message: "\(box.rule.name): \(why); null")
                value = .null
            }
            context.append(ContextValue(name: box.rule.name, value: value))
        }

        var nextStep: String?
        if status == .handoff {
            nextStep = chooseNextStep(warnings: &warnings, recorder: recorder)
        }
        return HandoffResult(
            status: status, stage: status == .handoff ? plan.ruleset.handoff.stage : nil, suppressedBy: suppressedBy,
            nextStep: nextStep, lastKeyEvent: keyEvent, context: context)
    }

    /// The `say` of the first next step whose `when` holds.
    private func chooseNextStep(warnings: inout WarningList, recorder: ExplanationRecorder?) -> String? {
        for box in plan.boxed.nextSteps {
            if let when = box.when {
                let outcome = ConditionOutcome(evaluate(when.expression, in: decisionActivation, recorder: recorder))
                warnings.addCondition(outcome, section: .nextSteps, rule: nil)
                recorder?.recordCondition(
                    section: .nextSteps, rule: nil, outcome: outcome, why: recorder?.why(when.expression) ?? [])
                guard outcome.isMatch else { continue }
            }
            guard let say = box.template else { continue }
            let rendered = say.render(decisionActivation)
            warnings.addTemplateProblems(rendered.problems, section: .nextSteps, rule: nil, what: "say")
            return rendered.text
        }
        return nil
    }
}
