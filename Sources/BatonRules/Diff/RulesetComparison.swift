import BatonLang

/// Evaluates leads under two rulesets at the same `now` (without routing
/// state) and accumulates an `ImpactReport`, one lead at a time.
///
/// ```swift
/// var comparison = RulesetComparison(base: old, new: new, now: now)
/// for (number, line) in lines.enumerated() { comparison.compare(line: line, lineNumber: number + 1) }
/// print(comparison.report.text())
/// ```
public struct RulesetComparison {
    private let baseEngine: Engine
    private let newEngine: Engine
    private let baseDecoder: TypedJSONDecoder
    private let newDecoder: TypedJSONDecoder
    public private(set) var report: ImpactReport

    public init(base: Ruleset, new: Ruleset, now: Timestamp) {
        baseEngine = Engine(ruleset: base)
        newEngine = Engine(ruleset: new)
        baseDecoder = TypedJSONDecoder(schema: base.schema, root: "lead")
        newDecoder = TypedJSONDecoder(schema: new.schema, root: "lead")
        report = ImpactReport(
            base: RulesetIdentity(base), new: RulesetIdentity(new), now: now,
            gradeOrder: Self.union(new.scoring.grades.map(\.grade), base.scoring.grades.map(\.grade)),
            routingRuleOrder: Self.union(new.routing.rules.map(\.id), base.routing.rules.map(\.id)))
    }

    /// Compares one NDJSON line: decodes it under each ruleset's schema and
    /// evaluates it under both. A line of only whitespace is skipped. Returns
    /// the problem when the line cannot be evaluated (it is counted as bad).
    @discardableResult
    public mutating func compare(line: ArraySlice<UInt8>, lineNumber: Int) -> BadLead? {
        guard line.contains(where: { !Self.isWhitespace($0) }) else { return nil }
        let baseLead: RecordValue
        let newLead: RecordValue
        switch (baseDecoder.decode(line), newDecoder.decode(line)) {
        case (.success(let decodedBase), .success(let decodedNew)):
            baseLead = decodedBase
            newLead = decodedNew
        case (.failure(let error), _):
            return recordBadLead(line: lineNumber, leadID: error.leadID, message: error.message)
        case (_, .failure(let error)):
            return recordBadLead(
                line: lineNumber, leadID: error.leadID, message: error.message + " (new ruleset's schema)")
        }
        compare(
            base: baseEngine.evaluate(lead: baseLead, now: report.now, state: nil),
            new: newEngine.evaluate(lead: newLead, now: report.now, state: nil), lineNumber: lineNumber)
        return nil
    }

    /// Adds the decisions of one lead under the base and the new ruleset.
    public mutating func compare(base: Decision, new: Decision, lineNumber: Int) {
        report.leads += 1
        let leadID = new.leadID ?? base.leadID
        if base.score.grade != new.score.grade {
            note(
                .grade, leadID: leadID, line: lineNumber, base: base.score.grade ?? "none",
                new: new.score.grade ?? "none")
        }
        if base.handoff.status != new.handoff.status {
            note(
                .handoff, leadID: leadID, line: lineNumber, base: base.handoff.status.rawValue,
                new: new.handoff.status.rawValue)
        }
        if base.route.assignee.kind != new.route.assignee.kind || base.route.assignee.id != new.route.assignee.id {
            note(
                .assignee, leadID: leadID, line: lineNumber, base: Self.describe(base.route.assignee),
                new: Self.describe(new.route.assignee))
        }
        if base.score.total != new.score.total {
            note(
                .total, leadID: leadID, line: lineNumber, base: formatDecimal(base.score.total.doubleValue),
                new: formatDecimal(new.score.total.doubleValue))
        }
        report.gradeMoves[GradeMove(from: base.score.grade, to: new.score.grade), default: 0] += 1
        let baseRule = base.route.rule
        let newRule = new.route.rule
        report.routingRules[baseRule, default: RoutingRuleTally()].base += 1
        report.routingRules[newRule, default: RoutingRuleTally()].new += 1
        if baseRule != newRule {
            report.routingRules[baseRule, default: RoutingRuleTally()].lost += 1
            report.routingRules[newRule, default: RoutingRuleTally()].gained += 1
        }
    }

    private mutating func note(_ kind: ChangeKind, leadID: String?, line: Int, base: String, new: String) {
        report.changed[kind, default: 0] += 1
        if report.examples[kind, default: []].count < ImpactReport.exampleLimit {
            report.examples[kind, default: []].append(ChangeExample(leadID: leadID, line: line, base: base, new: new))
        }
    }

    private mutating func recordBadLead(line: Int, leadID: String?, message: String) -> BadLead {
        let bad = BadLead(line: line, leadID: leadID, message: message)
        report.badLeads += 1
        if report.badLeadExamples.count < ImpactReport.exampleLimit { report.badLeadExamples.append(bad) }
        return bad
    }

    /// `owner ben`, `queue nurture`.
    static func describe(_ assignee: Assignee) -> String { "\(assignee.kind.rawValue) \(assignee.id)" }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "\n")
    }

    /// `first`, then the elements of `second` that `first` lacks.
    static func union(_ first: [String], _ second: [String]) -> [String] {
        var seen = Set(first)
        var result = first
        for element in second where seen.insert(element).inserted { result.append(element) }
        return result
    }
}
