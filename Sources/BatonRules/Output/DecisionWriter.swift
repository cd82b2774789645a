import BatonLang

/// Writes decisions as the JSON of rules.md "The decision", straight to
/// bytes: keys in the documented order, plain decimals, UTC timestamps.
///
/// ```swift
/// var writer = JSONWriter()
/// DecisionWriter.write(decision, to: &writer)
/// output.write(writer.bytes)
/// ```
///
/// Fixed keys and the punctuation between them are written as one run each
/// (``JSONWriter/fragment(_:separated:)``), and a batch keeps the ruleset
/// and `evaluated_at` members, the same for every lead of a run, as bytes
/// in a ``HeaderCache``.
public enum DecisionWriter {
    /// Writes one decision object.
    public static func write(_ decision: Decision, to writer: inout JSONWriter) {
        writer.beginObject()
        writeMembers(of: decision, to: &writer)
        writer.endObject()
    }

    /// Writes one decision object, taking the members that are the same for
    /// every lead of a run from `header` (and filling it on first use).
    public static func write(_ decision: Decision, to writer: inout JSONWriter, header: inout HeaderCache) {
        writer.fragment(#"{"lead_id":"#, separated: true)
        optionalString(decision.leadID, to: &writer)
        header.write(decision, to: &writer)
        writeResults(decision, to: &writer)
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
        writeLeadID(decision, to: &writer)
        writeHeader(decision, to: &writer)
        writeResults(decision, to: &writer)
    }

    private static func writeLeadID(_ decision: Decision, to writer: inout JSONWriter) {
        writer.key(literal: "lead_id")
        optionalString(decision.leadID, to: &writer)
    }

    /// The members after `evaluated_at`: score, route, handoff and warnings.
    private static func writeResults(_ decision: Decision, to writer: inout JSONWriter) {
        writeScore(decision.score, to: &writer)
        writeRoute(decision.route, to: &writer)
        writeHandoff(decision.handoff, to: &writer)
        writer.fragment(#","warnings":["#)
        for warning in decision.warnings { writeWarning(warning, to: &writer) }
        writer.fragment("]")
    }

    /// The `ruleset` and `evaluated_at` members of the decisions of a run,
    /// written once and then copied: every lead of a batch has the same.
    public struct HeaderCache: Sendable {
        private var name = ""
        private var version: String?
        private var digest = ""
        private var evaluatedAt = Timestamp(seconds: 0)
        private var bytes: [UInt8] = []

        /// An empty cache, filled by its first write.
        public init() {}

        /// Writes the members of `decision`: the cached bytes when they are
        /// its own, otherwise freshly, keeping them for the next decision.
        mutating func write(_ decision: Decision, to writer: inout JSONWriter) {
            // The strings of one ruleset are the same objects from lead to
            // lead, which `==` recognizes without comparing their bytes.
            if !bytes.isEmpty, decision.evaluatedAt == evaluatedAt, decision.rulesetDigest == digest,
                decision.rulesetName == name, decision.rulesetVersion == version
            {
                bytes.withUnsafeBufferPointer { writer.fragment($0) }
                return
            }
            let start = writer.count
            writeHeader(decision, to: &writer)
            name = decision.rulesetName
            version = decision.rulesetVersion
            digest = decision.rulesetDigest
            evaluatedAt = decision.evaluatedAt
            bytes = writer.withBytes { Array($0[start...]) }
        }
    }

    /// `,"ruleset":{…},"evaluated_at":"…"`.
    private static func writeHeader(_ decision: Decision, to writer: inout JSONWriter) {
        writer.fragment(#","ruleset":{"name":"#)
        writer.string(decision.rulesetName)
        writer.fragment(#","version":"#)
        optionalString(decision.rulesetVersion, to: &writer)
        writer.fragment(#","digest":"#)
        writer.string(decision.rulesetDigest)
        writer.fragment(#"},"evaluated_at":"#)
        writer.timestamp(decision.evaluatedAt)
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
        writer.fragment(#","score":{"total":"#)
        writePoints(score.total, to: &writer)
        writer.fragment(#","grade":"#)
        optionalString(score.grade, to: &writer)
        writer.fragment(#","components":{"#)
        for component in score.components {
            writer.key(component.name)
            writePoints(component.points, to: &writer)
        }
        writer.fragment(#"},"contributions":["#)
        // Read in place through a pointer: `for contribution in` copied each
        // one out, retaining and releasing its strings.
        score.contributions.withUnsafeBufferPointer { contributions in
            for index in contributions.indices {
                let contribution = contributions.baseAddress! + index
                writer.fragment(#"{"component":"#, separated: true)
                writer.string(contribution.pointee.component)
                writer.fragment(#","rule":"#)
                writer.string(contribution.pointee.rule)
                writer.fragment(#","points":"#)
                writePoints(contribution.pointee.points, to: &writer)
                if let event = contribution.pointee.event {
                    writer.fragment(#","event":"#)
                    writer.int(event)
                }
                optionalMember(#","reason":"#, contribution.pointee.reason, to: &writer)
                writer.fragment("}")
            }
        }
        writer.fragment("]}")
    }

    private static func writeRoute(_ route: RouteResult, to writer: inout JSONWriter) {
        writer.fragment(#","route":{"assignee":{"kind":"#)
        writer.fragment(quoted(route.assignee.kind))
        writer.fragment(#","id":"#)
        writer.string(route.assignee.id)
        optionalMember(#","name":"#, route.assignee.name, to: &writer)
        optionalMember(#","email":"#, route.assignee.email, to: &writer)
        writer.fragment(#"},"rule":"#)
        optionalString(route.rule, to: &writer)
        writer.fragment(#","reason":"#)
        optionalString(route.reason, to: &writer)
        writer.fragment(#","path":["#)
        for step in route.path { writeStep(step, to: &writer) }
        writer.fragment("]}")
    }

    /// Writes one route path entry.
    static func writeStep(_ step: RouteStep, to writer: inout JSONWriter) {
        writer.fragment(#"{"kind":"#, separated: true)
        writer.fragment(quoted(step.kind))
        writer.fragment(#","id":"#)
        writer.string(step.id)
        optionalMember(#","skipped":"#, step.skipped?.rawValue, to: &writer)
        optionalMember(#","until":"#, step.untilDay.map { dateText(day: $0) }, to: &writer)
        optionalMember(#","picked":"#, step.picked, to: &writer)
        optionalMember(#","strategy":"#, step.strategy?.rawValue, to: &writer)
        optionalMember(#","configured":"#, step.configured?.rawValue, to: &writer)
        if step.isFallback {
            writer.fragment(#","fallback":true"#)
        }
        writer.fragment("}")
    }

    private static func writeHandoff(_ handoff: HandoffResult, to writer: inout JSONWriter) {
        writer.fragment(#","handoff":{"status":"#)
        writer.fragment(quoted(handoff.status))
        writer.fragment(#","stage":"#)
        optionalString(handoff.stage, to: &writer)
        writer.fragment(#","suppressed_by":"#)
        optionalString(handoff.suppressedBy, to: &writer)
        writer.fragment(#","next_step":"#)
        optionalString(handoff.nextStep, to: &writer)
        if let event = handoff.lastKeyEvent {
            writer.fragment(#","last_key_event":{"index":"#)
            writer.int(event.index)
            writer.fragment(#","type":"#)
            optionalString(event.type, to: &writer)
            writer.fragment(#","at":"#)
            if let at = event.at { writer.timestamp(at) } else { writer.null() }
            writer.fragment(#","rule":"#)
            writer.string(event.rule)
            writer.fragment(#"},"context":{"#)
        } else {
            writer.fragment(#","last_key_event":null,"context":{"#)
        }
        for field in handoff.context {
            writer.key(field.name)
            // The engine replaced every value holding an error, or too large
            // to write (Value.outputProblem), with null: so the write is
            // bounded already, and a limit here could only cut the line short.
            writer.writeValueOrNull(field.value, style: .decision, maximumBytes: .max)
        }
        writer.fragment("}}")
    }

    private static func writeWarning(_ warning: DecisionWarning, to writer: inout JSONWriter) {
        writer.fragment(#"{"section":"#, separated: true)
        writer.string(warning.section.rawValue)
        writer.fragment(#","rule":"#)
        optionalString(warning.rule, to: &writer)
        if let events = warning.events {
            writer.fragment(#","events":["#)
            for event in events { writer.int(event) }
            writer.fragment("]")
        }
        writer.fragment(#","code":"#)
        writer.string(warning.code)
        writer.fragment(#","message":"#)
        writer.string(warning.message)
        writer.fragment("}")
    }

    /// The JSON string of a kind, written without an escape scan.
    static func quoted(_ kind: AssigneeKind) -> StaticString {
        switch kind {
        case .owner: #""owner""#
        case .team: #""team""#
        case .queue: #""queue""#
        }
    }

    /// The JSON string of a status, written without an escape scan.
    static func quoted(_ status: HandoffStatus) -> StaticString {
        switch status {
        case .handoff: #""handoff""#
        case .notReady: #""not_ready""#
        case .suppressed: #""suppressed""#
        }
    }

    /// A day since 1970-01-01 as `YYYY-MM-DD`.
    static func dateText(day: Int64) -> String {
        let seconds = day.multipliedReportingOverflow(by: 86_400)
        return Timestamp(seconds: seconds.overflow ? 0 : seconds.partialValue).dateString
    }

    /// Writes `member` (`,"name":`) and `text` when there is a text, nothing otherwise.
    @inline(__always)
    private static func optionalMember(_ member: StaticString, _ text: String?, to writer: inout JSONWriter) {
        guard let text else { return }
        writer.fragment(member)
        writer.string(text)
    }

    static func optionalString(_ text: String?, to writer: inout JSONWriter) {
        if let text { writer.string(text) } else { writer.null() }
    }
}
