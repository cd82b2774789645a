import BatonLang

extension ImpactReport {
    /// The report for tools, one JSON object:
    /// `{"base":{…},"new":{…},"evaluated_at":…,"leads":N,"bad_leads":M,"changed":{"grade":…,"handoff":…,"assignee":…,"total":…},
    /// "grade_moves":[{"from","to","leads"}],"grades":{"base":{…},"new":{…}},
    /// "routing_rules":[{"rule","base","new","gained","lost"}],"examples":{"grade":[{"lead_id","line","base","new"}],…},
    /// "bad_lead_examples":[{"line","lead_id","message"}]}`.
    /// Grade moves list only changed grades; routing rules only those that gained or lost leads
    /// (`"rule": null` is the fallback, when no rule matched).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("base")
        Self.write(base, to: &writer)
        writer.key("new")
        Self.write(new, to: &writer)
        writer.key("evaluated_at")
        writer.timestamp(now)
        writer.key("leads")
        writer.int(leads)
        writer.key("bad_leads")
        writer.int(badLeads)
        writer.key("changed")
        writer.beginObject()
        for kind in ChangeKind.allCases {
            writer.key(kind.rawValue)
            writer.int(count(kind))
        }
        writer.endObject()
        writer.key("grade_moves")
        writer.beginArray()
        for (move, movedLeads) in changedGradeMoves {
            writer.beginObject()
            writer.key("from")
            DecisionWriter.optionalString(move.from, to: &writer)
            writer.key("to")
            DecisionWriter.optionalString(move.to, to: &writer)
            writer.key("leads")
            writer.int(movedLeads)
            writer.endObject()
        }
        writer.endArray()
        writeGradeDistributions(to: &writer)
        writer.key("routing_rules")
        writer.beginArray()
        for (rule, tally) in shiftedRoutingRules {
            writer.beginObject()
            writer.key("rule")
            DecisionWriter.optionalString(rule, to: &writer)
            for (key, value) in [
                ("base", tally.base), ("new", tally.new), ("gained", tally.gained), ("lost", tally.lost),
            ] {
                writer.key(key)
                writer.int(value)
            }
            writer.endObject()
        }
        writer.endArray()
        writeExamples(to: &writer)
        writer.key("bad_lead_examples")
        writer.beginArray()
        for bad in badLeadExamples {
            writer.beginObject()
            writer.key("line")
            writer.int(bad.line)
            writer.key("lead_id")
            DecisionWriter.optionalString(bad.leadID, to: &writer)
            writer.key("message")
            writer.string(bad.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    /// The report as JSON text (no trailing newline).
    public func json() -> String {
        var writer = JSONWriter(reservingCapacity: 2048)
        write(to: &writer)
        return writer.text
    }

    private func writeGradeDistributions(to writer: inout JSONWriter) {
        var baseCounts: [String?: Int] = [:]
        var newCounts: [String?: Int] = [:]
        for (move, movedLeads) in gradeMoves {
            baseCounts[move.from, default: 0] += movedLeads
            newCounts[move.to, default: 0] += movedLeads
        }
        writer.key("grades")
        writer.beginObject()
        for (side, counts) in [("base", baseCounts), ("new", newCounts)] {
            writer.key(side)
            writer.beginObject()
            for grade in matrixGrades {
                writer.key(grade ?? "none")
                writer.int(counts[grade] ?? 0)
            }
            writer.endObject()
        }
        writer.endObject()
    }

    private func writeExamples(to writer: inout JSONWriter) {
        writer.key("examples")
        writer.beginObject()
        for kind in ChangeKind.allCases {
            writer.key(kind.rawValue)
            writer.beginArray()
            for example in examples[kind] ?? [] {
                writer.beginObject()
                writer.key("lead_id")
                DecisionWriter.optionalString(example.leadID, to: &writer)
                writer.key("line")
                writer.int(example.line)
                writer.key("base")
                writer.string(example.base)
                writer.key("new")
                writer.string(example.new)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }

    private static func write(_ identity: RulesetIdentity, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("name")
        writer.string(identity.name)
        writer.key("version")
        DecisionWriter.optionalString(identity.version, to: &writer)
        writer.key("digest")
        writer.string(identity.digest)
        writer.endObject()
    }
}
