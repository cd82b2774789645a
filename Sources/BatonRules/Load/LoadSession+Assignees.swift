import BatonLang

/// Where the id references of assignees were written, for the checks across sections.
struct AssigneeReferences {
    /// `backup:` of owners and teams: the id and the node it was written at.
    var backups: [(from: String, to: String, node: RuleNode)] = []
    var members: [(team: String, member: String, node: RuleNode)] = []
}

extension LoadSession {
    /// Reads `owners:`.
    mutating func loadOwners(_ node: RuleNode?, references: inout AssigneeReferences) -> [Owner] {
        guard let node, let elements = sequence(node, path: "owners") else { return [] }
        var owners: [Owner] = []
        for (index, element) in elements.enumerated() {
            let path = "owners[\(index)]"
            guard
                let fields = fields(
                    element, path: path,
                    allowed: ["id", "name", "email", "out_of_office", "backup", "available", "capacity"],
                    required: ["id"]),
                let id = fields["id"].flatMap({ uniqueId($0, path: fields.path("id"), in: .assignees) })
            else { continue }
            let name = fields["name"].flatMap { string($0, path: fields.path("name")) }
            let email = fields["email"].flatMap { string($0, path: fields.path("email")) }
            let available = fields["available"].flatMap { bool($0, path: fields.path("available")) } ?? true
            var capacity: Int?
            if let capacityNode = fields["capacity"], let value = integer(capacityNode, path: fields.path("capacity")) {
                if value >= 0 {
                    capacity = value
                } else {
                    error(
                        RuleDiagnosticCode.invalidValue,
                        "\(fields.path("capacity")): must not be negative, got \(value)", at: capacityNode)
                }
            }
            var ranges: [DateRange] = []
            if let rangesNode = fields["out_of_office"],
                let rangeNodes = sequence(rangesNode, path: fields.path("out_of_office"))
            {
                for (rangeIndex, rangeNode) in rangeNodes.enumerated() {
                    if let range = loadDateRange(rangeNode, path: "\(fields.path("out_of_office"))[\(rangeIndex)]") {
                        ranges.append(range)
                    }
                }
            }
            var backup: String?
            if let backupNode = fields["backup"], let target = identifier(backupNode, path: fields.path("backup")) {
                backup = target
                references.backups.append((id, target, backupNode))
            }
            owners.append(
                Owner(
                    id: id, name: name, email: email, available: available, outOfOffice: ranges, backup: backup,
                    capacity: capacity, location: sourceLocation(of: element)))
        }
        return owners
    }

    /// `{from: YYYY-MM-DD, to: YYYY-MM-DD}`, UTC dates, inclusive.
    private mutating func loadDateRange(_ node: RuleNode, path: String) -> DateRange? {
        guard let fields = fields(node, path: path, allowed: ["from", "to"], required: ["from", "to"]),
            let fromNode = fields["from"], let toNode = fields["to"]
        else { return nil }
        let from = date(fromNode, path: fields.path("from"))
        let to = date(toNode, path: fields.path("to"))
        guard let from, let to else { return nil }
        guard to >= from else {
            error(
                RuleDiagnosticCode.invalidDateRange,
                "\(path): the range ends (\(toNode.scalar?.text ?? "")) before it starts (\(fromNode.scalar?.text ?? ""))",
                at: toNode)
            return nil
        }
        return DateRange(fromDay: from, toDay: to)
    }

    /// A UTC date `YYYY-MM-DD` as days since 1970-01-01.
    private mutating func date(_ node: RuleNode, path: String) -> Int64? {
        guard let text = string(node, path: path) else { return nil }
        do {
            return try Timestamp(date: text).civilDate.daysSinceEpoch
        } catch {
            self.error(
                RuleDiagnosticCode.invalidValue, "\(path): '\(text)' is not a date YYYY-MM-DD (\(error.reason))",
                at: node)
            return nil
        }
    }

    /// Reads `teams:`.
    mutating func loadTeams(_ node: RuleNode?, references: inout AssigneeReferences) -> [Team] {
        guard let node, let elements = sequence(node, path: "teams") else { return [] }
        var teams: [Team] = []
        for (index, element) in elements.enumerated() {
            let path = "teams[\(index)]"
            guard
                let fields = fields(
                    element, path: path, allowed: ["id", "members", "strategy", "weights", "backup"],
                    required: ["id", "members"]),
                let id = fields["id"].flatMap({ uniqueId($0, path: fields.path("id"), in: .assignees) })
            else { continue }
            var members: [String] = []
            if let membersNode = fields["members"],
                let memberNodes = sequence(membersNode, path: fields.path("members"))
            {
                if memberNodes.isEmpty {
                    error(RuleDiagnosticCode.emptyTeam, "team '\(id)' has no members", at: membersNode)
                }
                var seen: Set<String> = []
                for (memberIndex, memberNode) in memberNodes.enumerated() {
                    guard let member = identifier(memberNode, path: "\(fields.path("members"))[\(memberIndex)]") else {
                        continue
                    }
                    guard seen.insert(member).inserted else {
                        error(
                            RuleDiagnosticCode.invalidValue, "team '\(id)' lists member '\(member)' twice",
                            at: memberNode)
                        continue
                    }
                    members.append(member)
                    references.members.append((id, member, memberNode))
                }
            }
            let strategy =
                fields["strategy"].flatMap { choice($0, path: fields.path("strategy"), among: TeamStrategy.allCases) }
                ?? .roundRobin
            var weights: [String: Int] = [:]
            if let weightsNode = fields["weights"], !weightsNode.isNull {
                if case .mapping(let entries) = weightsNode.content {
                    for entry in entries {
                        guard let weight = integer(entry.value, path: "\(fields.path("weights")).\(entry.key)") else {
                            continue
                        }
                        if !members.contains(entry.key) {
                            error(
                                RuleDiagnosticCode.invalidWeights,
                                "team '\(id)' has a weight for '\(entry.key)', who is not a member", at: entry.keyNode,
                                file: entry.file)
                        }
                        weights[entry.key] = weight
                    }
                } else {
                    error(
                        RuleDiagnosticCode.wrongType,
                        "\(fields.path("weights")): expected a mapping of member to weight, got \(weightsNode.described)",
                        at: weightsNode)
                }
            }
            if strategy == .weighted {
                let missing = members.filter { (weights[$0] ?? 0) <= 0 }
                if !missing.isEmpty {
                    let at = fields["weights"] ?? fields["strategy"] ?? element
                    let names = missing.map { "'\($0)'" }.joined(separator: ", ")
                    error(
                        RuleDiagnosticCode.invalidWeights,
                        "team '\(id)' is weighted but \(names) \(missing.count == 1 ? "has" : "have") no positive weight; every member needs one",
                        at: at)
                }
            }
            var backup: String?
            if let backupNode = fields["backup"], let target = identifier(backupNode, path: fields.path("backup")) {
                backup = target
                references.backups.append((id, target, backupNode))
            }
            teams.append(
                Team(
                    id: id, members: members, strategy: strategy, weights: weights, backup: backup,
                    location: sourceLocation(of: element)))
        }
        return teams
    }

    /// Reads `queues:`.
    mutating func loadQueues(_ node: RuleNode?) -> [Queue] {
        guard let node, let elements = sequence(node, path: "queues") else { return [] }
        var queues: [Queue] = []
        for (index, element) in elements.enumerated() {
            let path = "queues[\(index)]"
            guard let fields = fields(element, path: path, allowed: ["id", "name"], required: ["id"]),
                let id = fields["id"].flatMap({ uniqueId($0, path: fields.path("id"), in: .assignees) })
            else { continue }
            let name = fields["name"].flatMap { string($0, path: fields.path("name")) }
            queues.append(Queue(id: id, name: name, location: sourceLocation(of: element)))
        }
        return queues
    }
}
