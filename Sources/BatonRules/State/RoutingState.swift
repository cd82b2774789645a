/// What routing remembers between leads: per team the member last assigned
/// and the smooth weighted round robin's current weights, per owner the
/// number of open assignments.
///
/// In memory; a store persists it (`baton batch --state FILE`: SQLite, in
/// the BatonStore target). Keyed by ids, not indices, so it survives ruleset changes.
/// Not thread-safe: one evaluation updates it at a time, in input order.
public final class RoutingState: Codable {
    /// Per team id: the member id the team was last assigned (round robin).
    public private(set) var lastAssignedMember: [String: String]
    /// Per team id, per member id: the current weight of smooth weighted round robin.
    public private(set) var currentWeights: [String: [String: Int64]]
    /// Per owner id: open assignments (capacity, balanced).
    public private(set) var assignmentCounts: [String: Int]

    /// An empty state: no assignments yet.
    public init() {
        lastAssignedMember = [:]
        currentWeights = [:]
        assignmentCounts = [:]
    }

    /// A state as a store saved it.
    public init(
        lastAssignedMember: [String: String], currentWeights: [String: [String: Int64]],
        assignmentCounts: [String: Int]
    ) {
        self.lastAssignedMember = lastAssignedMember
        self.currentWeights = currentWeights
        self.assignmentCounts = assignmentCounts
    }

    /// The open assignments of an owner.
    public func assignments(of owner: String) -> Int { assignmentCounts[owner] ?? 0 }

    /// Records that a lead was assigned to an owner.
    public func recordAssignment(of owner: String) {
        assignmentCounts[owner, default: 0] += 1
    }

    /// Closes one open assignment of an owner (the lead was worked), freeing capacity.
    public func releaseAssignment(of owner: String) {
        guard let count = assignmentCounts[owner], count > 0 else { return }
        assignmentCounts[owner] = count == 1 ? nil : count - 1
    }

    func lastMember(ofTeam team: String) -> String? { lastAssignedMember[team] }

    func setLastMember(_ member: String, ofTeam team: String) {
        lastAssignedMember[team] = member
    }

    func currentWeight(ofMember member: String, inTeam team: String) -> Int64 {
        currentWeights[team]?[member] ?? 0
    }

    func setCurrentWeights(_ weights: [String: Int64], ofTeam team: String) {
        currentWeights[team, default: [:]].merge(weights) { _, new in new }
    }
}
