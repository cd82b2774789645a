import BatonLang

/// Renders an explanation as text for people: the decision, then each
/// section with every rule's verdict and the values that decided it.
public enum ExplanationTextRenderer {
    /// The explanation as text; with `color`, ANSI colours mark verdicts.
    public static func render(_ explanation: Explanation, color: Bool) -> String {
        var output = TextOutput(color: color)
        let decision = explanation.decision
        output.line(
            "\(output.bold("Lead \(decision.leadID ?? "(no id)")")) · ruleset \(decision.rulesetName)"
                + (decision.rulesetVersion.map { " \($0)" } ?? "") + " · at \(decision.evaluatedAt.rfc3339)")

        let accountRules = explanation.rules.filter { $0.section == .accounts }
        if !accountRules.isEmpty {
            output.blank()
            output.line(output.bold("Account"))
            for rule in accountRules { renderRule(rule, title: "match", indent: 1, into: &output) }
        }

        renderScore(explanation, into: &output)
        renderRoute(explanation, into: &output)
        renderHandoff(explanation, into: &output)

        if !decision.warnings.isEmpty {
            output.blank()
            output.line(output.bold("Warnings"))
            for warning in decision.warnings {
                var place = warning.section.rawValue
                if let rule = warning.rule { place += " \(rule)" }
                if let events = warning.events {
                    place += " (events \(events.map(String.init).joined(separator: ", ")))"
                }
                output.line(output.yellow("  ! \(place): \(warning.code): \(warning.message)"))
            }
        }
        return output.text
    }

    private static func renderScore(_ explanation: Explanation, into output: inout TextOutput) {
        let score = explanation.decision.score
        output.blank()
        output.line(
            output.bold("Score \(text(score.total))") + (score.grade.map { ", grade \(output.bold($0))" } ?? ""))
        let scoringRules = explanation.rules.filter { $0.section == .scoring }
        for component in score.components {
            output.line("  \(component.name) \(text(component.points))")
            var currentEventRule: String?
            for rule in scoringRules where rule.component == component.name {
                if let event = rule.event {
                    if currentEventRule != rule.rule {
                        currentEventRule = rule.rule
                        output.line("    \(rule.rule ?? "") (per event)")
                    }
                    renderRule(rule, title: "event \(event)", indent: 3, compact: true, into: &output)
                } else {
                    currentEventRule = nil
                    renderRule(rule, title: rule.rule ?? "", indent: 2, into: &output)
                }
            }
        }
    }

    private static func renderRoute(_ explanation: Explanation, into output: inout TextOutput) {
        let route = explanation.decision.route
        output.blank()
        var heading = "Route → \(route.assignee.kind.rawValue) \(route.assignee.id)"
        if let name = route.assignee.name { heading += " (\(name))" }
        output.line(output.bold(heading))
        if let rule = route.rule {
            output.line("  by rule \(rule)" + (route.reason.map { ": \($0)" } ?? ""))
        } else {
            output.line("  no routing rule matched: the fallback queue")
        }
        for rule in explanation.rules where rule.section == .routing {
            renderRule(rule, title: rule.rule ?? "", indent: 1, into: &output)
        }
        output.line("  path:")
        for walkStep in explanation.routeWalk {
            let step = walkStep.step
            var line = "    \(step.kind.rawValue) \(step.id)"
            if let skipped = step.skipped {
                line += output.red(": skipped, \(skipped.rawValue)")
                if let until = step.untilDay { line += output.red(" until \(DecisionWriter.dateText(day: until))") }
            } else if let picked = step.picked {
                line += output.green(": picked \(picked)")
                line += " by \(step.strategy?.rawValue ?? "")"
                if let configured = step.configured {
                    line += " (no routing state; configured \(configured.rawValue))"
                }
            } else {
                line += output.green(step.isFallback ? ": assigned (fallback)" : ": assigned")
            }
            output.line(line)
            for member in walkStep.passedOver {
                var memberLine = "      passed over \(member.id): \(member.reason.rawValue)"
                if let until = member.untilDay { memberLine += " until \(DecisionWriter.dateText(day: until))" }
                output.line(output.dim(memberLine))
            }
            if let note = walkStep.note { output.line(output.dim("      \(note)")) }
        }
    }

    private static func renderHandoff(_ explanation: Explanation, into output: inout TextOutput) {
        let handoff = explanation.decision.handoff
        output.blank()
        var heading = "Handoff: \(handoff.status.rawValue)"
        if let stage = handoff.stage { heading += " (\(stage))" }
        if let by = handoff.suppressedBy { heading += " by \(by)" }
        output.line(output.bold(heading))
        for rule in explanation.rules where rule.section == .suppress {
            renderRule(rule, title: "suppress \(rule.rule ?? "")", indent: 1, into: &output)
        }
        for rule in explanation.rules where rule.section == .handoff {
            renderRule(rule, title: "when", indent: 1, into: &output)
        }
        for rule in explanation.rules where rule.section == .nextSteps {
            renderRule(rule, title: "next step condition", indent: 1, into: &output)
        }
        if let nextStep = handoff.nextStep { output.line("  next step: \(nextStep)") }
        if let event = handoff.lastKeyEvent {
            var line = "  last key event: #\(event.index)"
            if let type = event.type { line += " \(type)" }
            if let at = event.at { line += " at \(at.rfc3339)" }
            output.line(line + " via \(event.rule)")
        }
        for field in handoff.context {
            output.line("  context \(field.name) = \(TraceExplainer.describe(field.value))")
        }
    }

    private static func renderRule(
        _ rule: RuleExplanation, title: String, indent: Int, compact: Bool = false, into output: inout TextOutput
    ) {
        let pad = String(repeating: "  ", count: indent)
        var line = pad
        switch rule.outcome {
        case .matched:
            line += output.green("✓ \(title)")
            if let points = rule.points { line += output.green(" \(signed(points))") }
        case .notMatched:
            line += output.red("✗ \(title)")
        case .null:
            line += output.yellow("! \(title): condition is null")
        case .failed(let message):
            line += output.yellow("! \(title): \(message)")
        case .notEvaluated:
            line += output.dim("– \(title)")
        }
        if let note = rule.note { line += output.dim(" (\(note))") }
        // Event rules print one line per event: the first deciding value is enough.
        let why = compact && !rule.outcome.isMatch ? Array(rule.why.prefix(1)) : rule.why
        if compact, let first = why.first, !rule.outcome.isMatch {
            output.line(line + output.dim(": \(first)"))
            return
        }
        output.line(line)
        for reason in why { output.line(output.dim("\(pad)    \(reason)")) }
    }

    private static func text(_ points: ScorePoints) -> String { formatDecimal(points.doubleValue) }

    private static func signed(_ points: ScorePoints) -> String {
        points.hundredths > 0 ? "+\(text(points))" : text(points)
    }
}

extension RuleOutcome {
    var isMatch: Bool { self == .matched }
}

/// Lines of text with optional ANSI colour.
private struct TextOutput {
    let color: Bool
    private(set) var text = ""

    mutating func line(_ content: String) {
        text += content
        text += "\n"
    }

    mutating func blank() { text += "\n" }

    func bold(_ content: String) -> String { styled(content, "1") }
    func green(_ content: String) -> String { styled(content, "32") }
    func red(_ content: String) -> String { styled(content, "31") }
    func yellow(_ content: String) -> String { styled(content, "33") }
    func dim(_ content: String) -> String { styled(content, "2") }

    private func styled(_ content: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(content)\u{1B}[0m" : content
    }
}
