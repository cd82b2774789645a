import BatonLang

/// What changes when a ruleset is replaced by another, over a set of leads
/// evaluated under both at the same `now` (`baton diff`).
///
/// Memory stays flat: counts, tallies per grade and routing rule, and at
/// most `exampleLimit` examples per kind of change.
public struct ImpactReport: Sendable {
    /// How many examples each kind of change keeps.
    public static let exampleLimit = 3

    public var base: RulesetIdentity
    public var new: RulesetIdentity
    public var now: Timestamp
    /// Leads evaluated under both rulesets.
    public internal(set) var leads = 0
    /// Input lines that could not be evaluated (under either ruleset).
    public internal(set) var badLeads = 0
    /// The first few of them.
    public internal(set) var badLeadExamples: [BadLead] = []
    /// Leads whose value changed, by kind of change.
    public internal(set) var changed: [ChangeKind: Int] = [:]
    /// The first few leads of each kind of change.
    public internal(set) var examples: [ChangeKind: [ChangeExample]] = [:]
    /// Every (base grade, new grade) pair met, unchanged ones included.
    public internal(set) var gradeMoves: [GradeMove: Int] = [:]
    /// Per routing rule id (nil: no rule matched, the fallback): leads under each ruleset.
    public internal(set) var routingRules: [String?: RoutingRuleTally] = [:]
    /// Grades in order: the new ruleset's, then those only the base declares.
    public var gradeOrder: [String]
    /// Routing rule ids in order: the new ruleset's, then those only the base declares.
    public var routingRuleOrder: [String]

    public init(
        base: RulesetIdentity, new: RulesetIdentity, now: Timestamp, gradeOrder: [String], routingRuleOrder: [String]
    ) {
        self.base = base
        self.new = new
        self.now = now
        self.gradeOrder = gradeOrder
        self.routingRuleOrder = routingRuleOrder
    }

    /// How many leads changed in this way.
    public func count(_ kind: ChangeKind) -> Int { changed[kind] ?? 0 }

    /// Whether any lead changes grade, handoff status, assignee or total.
    public var hasChanges: Bool { ChangeKind.allCases.contains { count($0) > 0 } }

    /// Grade moves with a changed grade, by base grade then new grade (in `gradeOrder`).
    public var changedGradeMoves: [(move: GradeMove, leads: Int)] {
        gradeMoves.filter { $0.key.from != $0.key.to }
            .map { (move: $0.key, leads: $0.value) }
            .sorted { a, b in
                let fromA = gradeRank(a.move.from), fromB = gradeRank(b.move.from)
                if fromA != fromB { return fromA < fromB }
                return gradeRank(a.move.to) < gradeRank(b.move.to)
            }
    }

    /// Grades that appear in the matrix, in order (`nil` for leads without a grade last).
    public var matrixGrades: [String?] {
        var grades: [String?] = gradeOrder
        if gradeMoves.keys.contains(where: { $0.from == nil || $0.to == nil }) { grades.append(nil) }
        return grades
    }

    /// Routing rules that gained or lost any lead, in rule order; the fallback (nil) last.
    public var shiftedRoutingRules: [(rule: String?, tally: RoutingRuleTally)] {
        var ordered: [String?] = routingRuleOrder
        ordered.append(nil)
        return ordered.compactMap { rule in
            guard let tally = routingRules[rule], tally.gained > 0 || tally.lost > 0 else { return nil }
            return (rule, tally)
        }
    }

    private func gradeRank(_ grade: String?) -> Int {
        guard let grade else { return gradeOrder.count }
        return gradeOrder.firstIndex(of: grade) ?? gradeOrder.count
    }
}

/// The name, version and digest of a ruleset, as decisions show them.
public struct RulesetIdentity: Sendable, Hashable {
    public var name: String
    public var version: String?
    public var digest: String

    public init(_ ruleset: Ruleset) {
        name = ruleset.name
        version = ruleset.version
        digest = ruleset.digest
    }
}

/// The kinds of change `baton diff` counts, in the order it reports them.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    case grade
    case handoff
    case assignee
    case total
}

/// One lead that changed: its id (or input line) and the value before and after.
public struct ChangeExample: Sendable, Hashable {
    public var leadID: String?
    /// The 1-based line of the lead in the input.
    public var line: Int
    /// The value under the base ruleset, as text (`C`, `not_ready`, `queue nurture`, `51.17`).
    public var base: String
    /// The value under the new ruleset, as text.
    public var new: String
}

/// A grade under the base ruleset and under the new one (nil: no grade).
public struct GradeMove: Sendable, Hashable {
    public var from: String?
    public var to: String?
}

/// How many leads a routing rule matched under each ruleset, and how many it gained and lost.
public struct RoutingRuleTally: Sendable, Hashable {
    public var base = 0
    public var new = 0
    /// Leads it matches under the new ruleset but not under the base.
    public var gained = 0
    /// Leads it matched under the base ruleset but not under the new.
    public var lost = 0
}

/// An input line that could not be evaluated.
public struct BadLead: Sendable, Hashable {
    public var line: Int
    public var leadID: String?
    public var message: String
}
