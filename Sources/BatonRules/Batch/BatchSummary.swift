import BatonLang

/// What a batch decided, tallied in input order: the figures of the summary
/// `baton batch` prints, and what a service would report for a run.
package struct BatchSummary: Sendable {
    /// Leads evaluated into a decision.
    package private(set) var leads = 0
    /// Records that were bad input.
    package private(set) var errors = 0
    /// The ruleset's grades in their declared order, for display.
    package let gradeOrder: [String]
    /// Leads per grade of `gradeOrder`, by index, and per other grade name:
    /// a grade is found among the few declared ones, and a status counted
    /// in its own field, without hashing (two dictionary updates cost some
    /// 750 instructions per lead).
    private var declaredGradeCounts: [Int]
    private var otherGradeCounts: [String: Int] = [:]
    /// Leads per handoff status.
    private var handoffCount = 0
    private var notReadyCount = 0
    private var suppressedCount = 0
    /// Leads per final assignee, in the order they first received one. A
    /// ruleset has a few owners and queues: found by comparing with each
    /// (their ids share the ruleset's strings, so most comparisons are of
    /// two words), not by hashing the id for every lead (~700 instructions).
    /// Past `linearSearchLimit` of them, an index by key takes over.
    private var assigneeCounts: [(key: AssigneeKey, leads: Int)] = []
    private var assigneeIndex: [AssigneeKey: Int] = [:]
    private static let linearSearchLimit = 32

    /// An owner or queue that received leads.
    package struct AssigneeKey: Sendable, Hashable {
        package var kind: AssigneeKind
        package var id: String
    }

    package init(gradeOrder: [String]) {
        self.gradeOrder = gradeOrder
        declaredGradeCounts = Array(repeating: 0, count: gradeOrder.count)
    }

    /// Leads per grade that some lead had (a lead without a grade counts under `none`).
    package var grades: [String: Int] {
        var grades = otherGradeCounts
        for (grade, count) in zip(gradeOrder, declaredGradeCounts) where count > 0 {
            grades[grade, default: 0] += count
        }
        return grades
    }

    /// Leads per handoff status that some lead had.
    package var handoffs: [HandoffStatus: Int] {
        var handoffs: [HandoffStatus: Int] = [:]
        for (status, count) in [
            (HandoffStatus.handoff, handoffCount), (.notReady, notReadyCount), (.suppressed, suppressedCount),
        ]
        where count > 0 {
            handoffs[status] = count
        }
        return handoffs
    }

    /// Every record read: decisions and bad input.
    package var records: Int { leads + errors }

    package mutating func add(_ decision: Decision) {
        leads += 1
        let grade = decision.score.grade ?? "none"
        if let index = gradeOrder.firstIndex(of: grade) {
            declaredGradeCounts[index] += 1
        } else {
            otherGradeCounts[grade, default: 0] += 1
        }
        switch decision.handoff.status {
        case .handoff: handoffCount += 1
        case .notReady: notReadyCount += 1
        case .suppressed: suppressedCount += 1
        }
        count(AssigneeKey(kind: decision.route.assignee.kind, id: decision.route.assignee.id))
    }

    private mutating func count(_ key: AssigneeKey) {
        if assigneeCounts.count <= Self.linearSearchLimit {
            for index in assigneeCounts.indices where assigneeCounts[index].key == key {
                assigneeCounts[index].leads += 1
                return
            }
        } else if let index = assigneeIndex[key] {
            assigneeCounts[index].leads += 1
            return
        }
        assigneeCounts.append((key, 1))
        if assigneeCounts.count > Self.linearSearchLimit {
            if assigneeIndex.isEmpty {
                for (index, entry) in assigneeCounts.enumerated() { assigneeIndex[entry.key] = index }
            } else {
                assigneeIndex[key] = assigneeCounts.count - 1
            }
        }
    }

    /// Leads per final assignee.
    package var assignees: [AssigneeKey: Int] {
        Dictionary(uniqueKeysWithValues: assigneeCounts.lazy.map { ($0.key, $0.leads) })
    }

    package mutating func addBadRecord() {
        errors += 1
    }

    /// The owners (or queues) with the most leads, most first; ties by id.
    package func top(_ kind: AssigneeKind, count: Int) -> [(id: String, leads: Int)] {
        assigneeCounts.compactMap { $0.key.kind == kind ? (id: $0.key.id, leads: $0.leads) : nil }
            .sorted { $0.leads != $1.leads ? $0.leads > $1.leads : $0.id < $1.id }
            .prefix(count).map { $0 }
    }
}
