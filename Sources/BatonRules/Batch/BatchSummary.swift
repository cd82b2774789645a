import BatonLang

/// What a batch decided, tallied in input order: the figures of the summary
/// `baton batch` prints, and what a service would report for a run.
package struct BatchSummary: Sendable {
    /// Leads evaluated into a decision.
    package private(set) var leads = 0
    /// Records that were bad input.
    package private(set) var errors = 0
    /// Leads per grade (a lead without a grade counts under `none`).
    package private(set) var grades: [String: Int] = [:]
    /// The ruleset's grades in their declared order, for display.
    package let gradeOrder: [String]
    /// Leads per handoff status.
    package private(set) var handoffs: [HandoffStatus: Int] = [:]
    /// Leads per final assignee.
    package private(set) var assignees: [AssigneeKey: Int] = [:]

    /// An owner or queue that received leads.
    package struct AssigneeKey: Sendable, Hashable {
        package var kind: AssigneeKind
        package var id: String
    }

    package init(gradeOrder: [String]) {
        self.gradeOrder = gradeOrder
    }

    /// Every record read: decisions and bad input.
    package var records: Int { leads + errors }

    package mutating func add(_ decision: Decision) {
        leads += 1
        grades[decision.score.grade ?? "none", default: 0] += 1
        handoffs[decision.handoff.status, default: 0] += 1
        assignees[AssigneeKey(kind: decision.route.assignee.kind, id: decision.route.assignee.id), default: 0] += 1
    }

    package mutating func addBadRecord() {
        errors += 1
    }

    /// The owners (or queues) with the most leads, most first; ties by id.
    package func top(_ kind: AssigneeKind, count: Int) -> [(id: String, leads: Int)] {
        assignees.compactMap { $0.key.kind == kind ? (id: $0.key.id, leads: $0.value) : nil }
            .sorted { $0.leads != $1.leads ? $0.leads > $1.leads : $0.id < $1.id }
            .prefix(count).map { $0 }
    }
}
