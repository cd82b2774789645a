import BatonLang

/// One test case of a ruleset's `tests/` folder (rules.md "Tests"): a lead,
/// the time to evaluate it at, and what the decision must hold.
public struct RulesetTest: Sendable {
    /// `name:`, shown when the test fails and matched by `--filter`.
    public var name: String
    /// The test file, as found under the ruleset's folder.
    public var file: String
    /// The line of the test's entry in its file (1-based).
    public var line: Int
    /// `now:`, or the command's `--now`.
    public var now: Timestamp
    /// The lead, decoded against the ruleset's schema.
    public var lead: RecordValue
    public var expectations: TestExpectations

    public init(
        name: String, file: String, line: Int, now: Timestamp, lead: RecordValue, expectations: TestExpectations
    ) {
        self.name = name
        self.file = file
        self.line = line
        self.now = now
        self.lead = lead
        self.expectations = expectations
    }
}

/// The `expect:` keys of a test; nil means the key was not given (not checked).
public struct TestExpectations: Sendable, Hashable {
    /// `grade:`; `.some(nil)` expects no grade (a ruleset without grades).
    public var grade: String??
    public var total: TotalExpectation?
    public var route: RouteExpectation?
    public var handoff: HandoffStatus?
    /// `suppressed_by:`; `.some(nil)` expects `null`.
    public var suppressedBy: String??
    /// `next_step:`; `.some(nil)` expects `null`.
    public var nextStep: String??
    /// `warnings:`, the number of warnings.
    public var warnings: Int?

    public init(
        grade: String?? = nil, total: TotalExpectation? = nil, route: RouteExpectation? = nil,
        handoff: HandoffStatus? = nil, suppressedBy: String?? = nil, nextStep: String?? = nil, warnings: Int? = nil
    ) {
        self.grade = grade
        self.total = total
        self.route = route
        self.handoff = handoff
        self.suppressedBy = suppressedBy
        self.nextStep = nextStep
        self.warnings = warnings
    }
}

/// `total:`: an exact amount in hundredths, or an inclusive range.
public enum TotalExpectation: Sendable, Hashable {
    case exactly(ScorePoints)
    /// `{ min, max }`; either bound may be left out.
    case range(min: ScorePoints?, max: ScorePoints?)

    /// Whether `total` satisfies the expectation.
    public func holds(for total: ScorePoints) -> Bool {
        switch self {
        case .exactly(let expected):
            return total == expected
        case .range(let lower, let upper):
            if let lower, total < lower { return false }
            if let upper, upper < total { return false }
            return true
        }
    }
}

/// `route:`: who must get the lead.
public enum RouteExpectation: Sendable, Hashable {
    /// The assignee is this owner.
    case owner(String)
    /// A team of this id on the route picked the assignee.
    case team(String)
    /// The assignee is this queue.
    case queue(String)

    /// Whether `route` satisfies the expectation.
    public func holds(for route: RouteResult) -> Bool {
        switch self {
        case .owner(let id):
            return route.assignee.kind == .owner && route.assignee.id == id
        case .queue(let id):
            return route.assignee.kind == .queue && route.assignee.id == id
        case .team(let id):
            guard route.assignee.kind == .owner else { return false }
            return route.path.contains { step in
                step.kind == .team && step.id == id && step.picked == route.assignee.id
            }
        }
    }
}
