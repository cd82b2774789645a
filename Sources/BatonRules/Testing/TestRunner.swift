import BatonLang

/// One `expect` key whose value the decision does not hold.
public struct ExpectationMismatch: Sendable, Hashable {
    /// The `expect` key: `grade`, `total`, `route`, `handoff`, `suppressed_by`, `next_step`, `warnings`.
    public var key: String
    /// What the test expects, as text (`C`, `30 to 40`, `owner ben`, `null`).
    public var expected: String
    /// What the decision holds, as text.
    public var actual: String
    /// Further lines that explain the actual value (the decision's warnings).
    public var details: [String]

    public init(key: String, expected: String, actual: String, details: [String] = []) {
        self.key = key
        self.expected = expected
        self.actual = actual
        self.details = details
    }
}

/// The result of running one test.
public struct TestOutcome: Sendable {
    public var name: String
    public var file: String
    public var line: Int
    /// Empty when the test passed; otherwise in the order of `expect`'s keys as rules.md lists them.
    public var mismatches: [ExpectationMismatch]

    public var passed: Bool { mismatches.isEmpty }
}

/// Runs ruleset tests: evaluates each test's lead at its `now` without
/// routing state (teams pick by hash) and checks every `expect` key given.
public struct TestRunner {
    private let engine: Engine

    public init(ruleset: Ruleset) {
        engine = Engine(ruleset: ruleset)
    }

    /// Whether a test is selected by `--filter TEXT`: its name contains the text
    /// (case-sensitive); no filter selects every test.
    public static func selects(_ test: RulesetTest, filter: String?) -> Bool {
        guard let filter, !filter.isEmpty else { return true }
        return test.name.contains(filter)
    }

    /// Evaluates the test's lead and compares the decision with its expectations.
    public func run(_ test: RulesetTest) -> TestOutcome {
        let decision = engine.evaluate(lead: test.lead, now: test.now, state: nil)
        return TestOutcome(
            name: test.name, file: test.file, line: test.line,
            mismatches: Self.mismatches(of: decision, against: test.expectations))
    }

    /// Every expectation that `decision` does not hold.
    public static func mismatches(of decision: Decision, against expected: TestExpectations) -> [ExpectationMismatch] {
        var mismatches: [ExpectationMismatch] = []
        if let grade = expected.grade, grade != decision.score.grade {
            mismatches.append(.init(key: "grade", expected: grade ?? "null", actual: decision.score.grade ?? "null"))
        }
        if let total = expected.total, !total.holds(for: decision.score.total) {
            mismatches.append(.init(key: "total", expected: describe(total), actual: describe(decision.score.total)))
        }
        if let route = expected.route, !route.holds(for: decision.route) {
            mismatches.append(.init(key: "route", expected: describe(route), actual: describe(decision.route)))
        }
        if let handoff = expected.handoff, handoff != decision.handoff.status {
            mismatches.append(
                .init(key: "handoff", expected: handoff.rawValue, actual: decision.handoff.status.rawValue))
        }
        if let suppressedBy = expected.suppressedBy, suppressedBy != decision.handoff.suppressedBy {
            mismatches.append(
                .init(
                    key: "suppressed_by", expected: suppressedBy ?? "null",
                    actual: decision.handoff.suppressedBy ?? "null"))
        }
        if let nextStep = expected.nextStep, nextStep != decision.handoff.nextStep {
            mismatches.append(
                .init(key: "next_step", expected: quoted(nextStep), actual: quoted(decision.handoff.nextStep)))
        }
        if let warnings = expected.warnings, warnings != decision.warnings.count {
            mismatches.append(
                .init(
                    key: "warnings", expected: String(warnings), actual: String(decision.warnings.count),
                    details: decision.warnings.map(describe)))
        }
        return mismatches
    }

    static func describe(_ points: ScorePoints) -> String { formatDecimal(points.doubleValue) }

    static func describe(_ total: TotalExpectation) -> String {
        switch total {
        case .exactly(let points): return describe(points)
        case .range(let lower?, let upper?): return "\(describe(lower)) to \(describe(upper))"
        case .range(let lower?, nil): return "at least \(describe(lower))"
        case .range(nil, let upper?): return "at most \(describe(upper))"
        case .range(nil, nil): return "any total"
        }
    }

    static func describe(_ route: RouteExpectation) -> String {
        switch route {
        case .owner(let id): return "owner \(id)"
        case .team(let id): return "owner picked by team \(id)"
        case .queue(let id): return "queue \(id)"
        }
    }

    /// `owner ben (path: owner ana out_of_office until 2026-11-30, owner ben)`;
    /// the path is left out when it is the assignee alone.
    static func describe(_ route: RouteResult) -> String {
        let assignee = "\(route.assignee.kind.rawValue) \(route.assignee.id)"
        let single =
            route.path.count == 1 && route.path[0].kind == route.assignee.kind && route.path[0].id == route.assignee.id
        if single || route.path.isEmpty { return assignee }
        return assignee + " (path: " + route.path.map(describe).joined(separator: ", ") + ")"
    }

    static func describe(_ step: RouteStep) -> String {
        var text = "\(step.kind.rawValue) \(step.id)"
        if let skipped = step.skipped {
            text += " " + skipped.rawValue
            if let until = step.untilDay { text += " until " + DecisionWriter.dateText(day: until) }
        }
        if let picked = step.picked { text += " picked \(picked)" }
        if step.isFallback { text += " (fallback)" }
        return text
    }

    static func describe(_ warning: DecisionWarning) -> String {
        var text = warning.section.rawValue
        if let rule = warning.rule { text += " \(rule)" }
        if let events = warning.events, !events.isEmpty {
            text += " (events " + events.map(String.init).joined(separator: ", ") + ")"
        }
        return text + ": \(warning.message) [\(warning.code)]"
    }

    static func quoted(_ text: String?) -> String {
        guard let text else { return "null" }
        return RuleDiagnostic.jsonString(text)
    }
}
