import BatonLang

/// Writes an explanation as JSON (`baton explain --format json`): the
/// decision's members plus an `explanation` object.
public enum ExplanationWriter {
    /// Writes `{…decision…, "explanation": {"rules": […], "route": […]}}`.
    public static func write(_ explanation: Explanation, to writer: inout JSONWriter) {
        writer.beginObject()
        DecisionWriter.writeMembers(of: explanation.decision, to: &writer)
        writer.key("explanation")
        writer.beginObject()
        writer.key("rules")
        writer.beginArray()
        for rule in explanation.rules { writeRule(rule, to: &writer) }
        writer.endArray()
        writer.key("route")
        writer.beginArray()
        for step in explanation.routeWalk { writeWalkStep(step, to: &writer) }
        writer.endArray()
        writer.endObject()
        writer.endObject()
    }

    /// The explanation as compact JSON text.
    public static func text(of explanation: Explanation) -> String {
        var writer = JSONWriter(reservingCapacity: 4096)
        write(explanation, to: &writer)
        return writer.text
    }

    private static func writeRule(_ rule: RuleExplanation, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("section")
        writer.string(rule.section.rawValue)
        if let component = rule.component {
            writer.key("component")
            writer.string(component)
        }
        writer.key("rule")
        DecisionWriter.optionalString(rule.rule, to: &writer)
        if let event = rule.event {
            writer.key("event")
            writer.int(event)
        }
        writer.key("outcome")
        writer.string(rule.outcome.word)
        if case .failed(let message) = rule.outcome {
            writer.key("error")
            writer.string(message)
        }
        writer.key("why")
        writer.beginArray()
        for line in rule.why { writer.string(line) }
        writer.endArray()
        if let points = rule.points {
            writer.key("points")
            DecisionWriter.writePoints(points, to: &writer)
        }
        if let note = rule.note {
            writer.key("note")
            writer.string(note)
        }
        writer.endObject()
    }

    private static func writeWalkStep(_ walkStep: RouteWalkStep, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("step")
        DecisionWriter.writeStep(walkStep.step, to: &writer)
        writer.key("passed_over")
        writer.beginArray()
        for member in walkStep.passedOver {
            writer.beginObject()
            writer.key("id")
            writer.string(member.id)
            writer.key("reason")
            writer.string(member.reason.rawValue)
            if let until = member.untilDay {
                writer.key("until")
                writer.string(DecisionWriter.dateText(day: until))
            }
            writer.endObject()
        }
        writer.endArray()
        if let note = walkStep.note {
            writer.key("note")
            writer.string(note)
        }
        writer.endObject()
    }
}
