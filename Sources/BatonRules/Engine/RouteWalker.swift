import BatonLang

/// The end of a routing walk: who got the lead and every step on the way.
struct RouteWalk {
    var assignee: Assignee
    var path: [RouteStep]
}

/// Walks from a routing target through backups and team picks to an owner
/// or queue (rules.md "Owners, teams, queues and routing").
struct RouteWalker {
    /// Backups followed after the first target before the lead goes to the fallback.
    static let maximumBackups = 8

    let plan: EnginePlan
    let state: RoutingState?
    let today: Int64
    let leadHash: UInt64
    let recorder: ExplanationRecorder?

    init(plan: EnginePlan, state: RoutingState?, now: Timestamp, leadHash: UInt64, recorder: ExplanationRecorder?) {
        self.plan = plan
        self.state = state
        // Floor division, so that instants before 1970 fall on the right day.
        let secondsPerDay: Int64 = 86_400
        let (quotient, remainder) = now.seconds.quotientAndRemainder(dividingBy: secondsPerDay)
        self.today = remainder < 0 ? quotient - 1 : quotient
        self.leadHash = leadHash
        self.recorder = recorder
    }

    mutating func walk(from start: AssigneeReference, startsAtFallback: Bool) -> RouteWalk {
        var path: [RouteStep] = []
        var current = start
        var atFallback = startsAtFallback
        var backupsTaken = 0
        while true {
            let next: AssigneeReference?
            switch current {
            case .queue(let index):
                var step = RouteStep(kind: .queue, id: plan.queues[index].id)
                step.isFallback = atFallback
                path.append(step)
                recorder?.recordRouteStep(step, passedOver: [])
                return RouteWalk(assignee: plan.assignee(current), path: path)
            case .owner(let index):
                var step = RouteStep(kind: .owner, id: plan.ruleset.owners[index].id)
                if let skip = unavailability(ofOwner: index) {
                    step.skipped = skip.reason
                    step.untilDay = skip.untilDay
                    path.append(step)
                    recorder?.recordRouteStep(step, passedOver: [])
                    next = plan.ownerBackups[index]
                } else {
                    path.append(step)
                    recorder?.recordRouteStep(step, passedOver: [])
                    state?.recordAssignment(of: step.id)
                    return RouteWalk(assignee: plan.assignee(current), path: path)
                }
            case .team(let index):
                if let picked = pick(inTeam: index, path: &path) {
                    state?.recordAssignment(of: plan.ruleset.owners[picked].id)
                    return RouteWalk(assignee: plan.assignee(.owner(picked)), path: path)
                }
                next = plan.teamBackups[index]
            }
            // A target passed over: its backup, else the fallback queue.
            if let next, backupsTaken < RouteWalker.maximumBackups, !atFallback {
                backupsTaken += 1
                current = next
            } else {
                if next != nil, backupsTaken >= RouteWalker.maximumBackups {
                    recorder?.noteRoute(
                        "more than \(RouteWalker.maximumBackups) backups after the first target: fallback queue")
                }
                current = .queue(plan.fallbackQueue)
                atFallback = true
            }
        }
    }

    /// Why an owner cannot take a lead now, in the order rules.md checks; nil when available.
    func unavailability(ofOwner index: Int) -> (reason: SkipReason, untilDay: Int64?)? {
        let owner = plan.ruleset.owners[index]
        if !owner.available { return (.unavailable, nil) }
        if let range = owner.outOfOffice.first(where: { $0.contains(day: today) }) {
            return (.outOfOffice, range.toDay)
        }
        if let state, let capacity = owner.capacity, state.assignments(of: owner.id) >= capacity {
            return (.atCapacity, nil)
        }
        return nil
    }

    /// Picks a member among the team's available ones and appends the team's
    /// step; nil when no member is available.
    private mutating func pick(inTeam teamIndex: Int, path: inout [RouteStep]) -> Int? {
        let team = plan.ruleset.teams[teamIndex]
        let members = plan.teamMembers[teamIndex]
        var step = RouteStep(kind: .team, id: team.id)
        var available: [Int] = []
        available.reserveCapacity(members.count)
        var passedOver: [PassedOverMember] = []
        for (position, member) in members.enumerated() {
            if let skip = unavailability(ofOwner: member) {
                if recorder != nil {
                    passedOver.append(
                        PassedOverMember(
                            id: plan.ruleset.owners[member].id, reason: skip.reason, untilDay: skip.untilDay))
                }
            } else {
                available.append(position)
            }
        }
        guard !available.isEmpty else {
            step.skipped = .noAvailableMember
            path.append(step)
            recorder?.recordRouteStep(step, passedOver: passedOver)
            return nil
        }
        let strategy = state == nil ? TeamStrategy.hash : team.strategy
        let position: Int
        switch strategy {
        case .hash:
            position = available[Int(leadHash % UInt64(available.count))]
        case .roundRobin:
            position = nextInRoundRobin(team: team, members: members, available: available)
        case .balanced:
            position = leastAssigned(members: members, available: available)
        case .weighted:
            position = smoothWeighted(teamIndex: teamIndex, available: available)
        }
        let picked = members[position]
        let pickedID = plan.ruleset.owners[picked].id
        step.picked = pickedID
        step.strategy = strategy
        if state == nil { step.configured = team.strategy }
        state?.setLastMember(pickedID, ofTeam: team.id)
        path.append(step)
        recorder?.recordRouteStep(step, passedOver: passedOver)
        return picked
    }

    /// The next available member after the one last assigned, in listed order;
    /// the first available one when the team has no history.
    private func nextInRoundRobin(team: Team, members: [Int], available: [Int]) -> Int {
        guard let state, let last = state.lastMember(ofTeam: team.id),
            let lastPosition = members.firstIndex(where: { plan.ruleset.owners[$0].id == last })
        else { return available[0] }
        for offset in 1...members.count {
            let position = (lastPosition + offset) % members.count
            if available.contains(position) { return position }
        }
        return available[0]
    }

    /// The available member with the fewest assignments; ties by listed order.
    private func leastAssigned(members: [Int], available: [Int]) -> Int {
        var best = available[0]
        var bestCount = state?.assignments(of: plan.ruleset.owners[members[best]].id) ?? 0
        for position in available.dropFirst() {
            let count = state?.assignments(of: plan.ruleset.owners[members[position]].id) ?? 0
            if count < bestCount {
                best = position
                bestCount = count
            }
        }
        return best
    }

    /// Smooth weighted round robin as nginx does it: every available member's
    /// current weight grows by its weight, the largest (first on ties) is
    /// picked and loses the sum of the weights.
    private func smoothWeighted(teamIndex: Int, available: [Int]) -> Int {
        let team = plan.ruleset.teams[teamIndex]
        let members = plan.teamMembers[teamIndex]
        let weights = plan.teamWeights[teamIndex]
        var current: [String: Int64] = [:]
        var totalWeight: Int64 = 0
        var best = available[0]
        var bestWeight = Int64.min
        for position in available {
            let id = plan.ruleset.owners[members[position]].id
            let weight = (state?.currentWeight(ofMember: id, inTeam: team.id) ?? 0) &+ weights[position]
            current[id] = weight
            totalWeight &+= weights[position]
            if weight > bestWeight {
                best = position
                bestWeight = weight
            }
        }
        let bestID = plan.ruleset.owners[members[best]].id
        current[bestID, default: 0] &-= totalWeight
        state?.setCurrentWeights(current, ofTeam: team.id)
        return best
    }
}

/// FNV-1a, 64 bits, of the UTF-8 bytes of a text (the `hash` strategy).
func fnv1a64(_ text: String) -> UInt64 {
    // Over the UTF-8 in place where it is contiguous (native and small
    // strings): iterating `utf8` costs several times more per byte.
    text.utf8.withContiguousStorageIfAvailable(fnv1a64(bytes:)) ?? fnv1a64(bytes: text.utf8)
}

private func fnv1a64(bytes: some Sequence<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
}
