import BatonLang

/// Writes decisions as the JSON of rules.md "The decision", straight to
/// bytes: keys in the documented order, plain decimals, UTC timestamps.
///
/// ```swift
/// var writer = JSONWriter()
/// DecisionWriter.write(decision, to: &writer)
/// output.write(writer.bytes)
/// ```
public enum DecisionWriter {
    /// Writes one decision object.
    public static func write(_ decision: Decision, to writer: inout JSONWriter) {
        writer.beginObject()
        writeMembers(of: decision, to: &writer)
        writer.endObject()
    }

    /// The decision as compact JSON text.
    public static func text(of decision: Decision) -> String {
        var writer = JSONWriter(reservingCapacity: 1024)
        write(decision, to: &writer)
        return writer.text
    }

    /// Writes the members of a decision object without its braces, so that a
    /// caller can add members (an explanation) to the same object.
    public static func writeMembers(of decision: Decision, to writer: inout JSONWriter) {
        writer.key(literal: "lead_id")
        optionalString(decision.leadID, to: &writer)
        writer.key(literal: "ruleset")
        writer.beginObject()
        writer.key(literal: "name")
        writer.string(decision.rulesetName)
        writer.key(literal: "version")
        optionalString(decision.rulesetVersion, to: &writer)
        writer.key(literal: "digest")
        writer.string(decision.rulesetDigest)
        writer.endObject()
        writer.key(literal: "evaluated_at")
        writer.timestamp(decision.evaluatedAt)
        writer.key(literal: "score")
        writeScore(decision.score, to: &writer)
        writer.key(literal: "route")
        writeRoute(decision.route, to: &writer)
        writer.key(literal: "handoff")
        writeHandoff(decision.handoff, to: &writer)
        writer.key(literal: "warnings")
        writer.beginArray()
        for warning in decision.warnings { writeWarning(warning, to: &writer) }
        writer.endArray()
    }

    /// Writes the object that stands in for the decision of a lead that could
    /// not be evaluated: `{"lead_id":…,"line":…,"error":{"code":"bad-input","path":…,"message":…}}`.
    /// `line` is written only when given (batch input).
    public static func writeBadInput(
        leadID: String?, line: Int?, path: String?, message: String, to writer: inout JSONWriter
    ) {
        writer.beginObject()
        writer.key(literal: "lead_id")
        optionalString(leadID, to: &writer)
        if let line {
            writer.key(literal: "line")
            writer.int(line)
        }
        writer.key(literal: "error")
        writer.beginObject()
        writer.key(literal: "code")
        writer.string("bad-input")
        writer.key(literal: "path")
        optionalString(path, to: &writer)
        writer.key(literal: "message")
        writer.string(message)
        writer.endObject()
        writer.endObject()
    }

    /// Writes a score amount as a plain decimal (`45`, `92.5`, `-0.25`).
    public static func writePoints(_ points: ScorePoints, to writer: inout JSONWriter) {
        writer.hundredths(points.hundredths)
    }

    private static func writeScore(_ score: ScoreResult, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "total")
        writePoints(score.total, to: &writer)
        writer.key(literal: "grade")
        optionalString(score.grade, to: &writer)
        writer.key(literal: "components")
        writer.beginObject()
        for component in score.components {
            writer.key(component.name)
            writePoints(component.points, to: &writer)
        }
        writer.endObject()
        writer.key(literal: "contributions")
        writer.beginArray()
        for contribution in score.contributions {
            writer.beginObject()
            writer.key(literal: "component")
            writer.string(contribution.component)
            writer.key(literal: "rule")
            writer.string(contribution.rule)
            writer.key(literal: "points")
            writePoints(contribution.points, to: &writer)
            if let event = contribution.event {
                writer.key(literal: "event")
                writer.int(event)
            }
            if let reason = contribution.reason {
                writer.key(literal: "reason")
                writer.string(reason)
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private static func writeRoute(_ route: RouteResult, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "assignee")
        writer.beginObject()
        writer.key(literal: "kind")
        writer.string(route.assignee.kind.rawValue)
        writer.key(literal: "id")
        writer.string(route.assignee.id)
        if let name = route.assignee.name {
            writer.key(literal: "name")
            writer.string(name)
        }
        if let email = route.assignee.email {
            writer.key(literal: "email")
            writer.string(email)
        }
        writer.endObject()
        writer.key(literal: "rule")
        optionalString(route.rule, to: &writer)
        writer.key(literal: "reason")
        optionalString(route.reason, to: &writer)
        writer.key(literal: "path")
        writer.beginArray()
        for step in route.path { writeStep(step, to: &writer) }
        writer.endArray()
        writer.endObject()
    }

    /// Writes one route path entry.
    static func writeStep(_ step: RouteStep, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "kind")
        writer.string(step.kind.rawValue)
        writer.key(literal: "id")
        writer.string(step.id)
        if let skipped = step.skipped {
            writer.key(literal: "skipped")
            writer.string(skipped.rawValue)
        }
        if let untilDay = step.untilDay {
            writer.key(literal: "until")
            writer.string(dateText(day: untilDay))
        }
        if let picked = step.picked {
            writer.key(literal: "picked")
            writer.string(picked)
        }
        if let strategy = step.strategy {
            writer.key(literal: "strategy")
            writer.string(strategy.rawValue)
        }
        if let configured = step.configured {
            writer.key(literal: "configured")
            writer.string(configured.rawValue)
        }
        if step.isFallback {
            writer.key(literal: "fallback")
            writer.bool(true)
        }
        writer.endObject()
    }

    private static func writeHandoff(_ handoff: HandoffResult, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "status")
        writer.string(handoff.status.rawValue)
        writer.key(literal: "stage")
        optionalString(handoff.stage, to: &writer)
        writer.key(literal: "suppressed_by")
        optionalString(handoff.suppressedBy, to: &writer)
        writer.key(literal: "next_step")
        optionalString(handoff.nextStep, to: &writer)
        writer.key(literal: "last_key_event")
        if let event = handoff.lastKeyEvent {
            writer.beginObject()
            writer.key(literal: "index")
            writer.int(event.index)
            writer.key(literal: "type")
            optionalString(event.type, to: &writer)
            writer.key(literal: "at")
            if let at = event.at { writer.timestamp(at) } else { writer.null() }
            writer.key(literal: "rule")
            writer.string(event.rule)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key(literal: "context")
        writer.beginObject()
        for field in handoff.context {
            writer.key(field.name)
            // The engine replaced every value holding an error, or too large
            // to write (Value.outputProblem), with null: so the write is
            // bounded already, and a limit here could only cut the line short.
            if field.value.containsError {
                writer.null()
            } else {
                try? writer.writeValue(field.value, style: .decision, maximumBytes: .max)
            }
        }
        writer.endObject()
        writer.endObject()
    }

    private static func writeWarning(_ warning: DecisionWarning, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(literal: "section")
        writer.string(warning.section.rawValue)
        writer.key(literal: "rule")
        optionalString(warning.rule, to: &writer)
        if let events = warning.events {
            writer.key(literal: "events")
            writer.beginArray()
            for event in events { writer.int(event) }
            writer.endArray()
        }
        writer.key(literal: "code")
        writer.string(warning.code)
        writer.key(literal: "message")
        writer.string(warning.message)
        writer.endObject()
    }

    /// A day since 1970-01-01 as `YYYY-MM-DD`.
    static func dateText(day: Int64) -> String {
        let seconds = day.multipliedReportingOverflow(by: 86_400)
        return Timestamp(seconds: seconds.overflow ? 0 : seconds.partialValue).dateString
    }

    static func optionalString(_ text: String?, to writer: inout JSONWriter) {
        if let text { writer.string(text) } else { writer.null() }
    }
}
