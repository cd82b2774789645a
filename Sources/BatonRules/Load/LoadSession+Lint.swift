import BatonLang

extension LoadSession {
    /// The checks across sections: ids that name nothing or the wrong kind,
    /// team members that are not owners, backup cycles, unused tables.
    mutating func lint(
        owners: [Owner], teams: [Team], queues: [Queue], routingReferences: [WrittenAssigneeID],
        assignees: AssigneeReferences, tableKeys: [RuleEntry], accountsTable: String?
    ) {
        var kinds: [String: ExpectedAssigneeKind] = [:]
        for queue in queues where kinds[queue.id] == nil { kinds[queue.id] = .queue }
        for team in teams where kinds[team.id] == nil { kinds[team.id] = .team }
        for owner in owners where kinds[owner.id] == nil { kinds[owner.id] = .owner }

        var references = routingReferences
        for backup in assignees.backups {
            references.append(
                WrittenAssigneeID(
                    id: backup.to, kind: .any, context: "the backup of '\(backup.from)'", node: backup.node))
        }
        for reference in references {
            checkReference(reference, kinds: kinds)
        }
        for member in assignees.members {
            switch kinds[member.member] {
            case .owner?:
                break
            case let kind?:
                error(
                    RuleDiagnosticCode.memberNotOwner,
                    "member '\(member.member)' of team '\(member.team)' is a \(kind.rawValue), not an owner",
                    at: member.node)
            case nil:
                var message = "member '\(member.member)' of team '\(member.team)' is not an owner"
                if let suggestion = closestName(to: member.member, among: owners.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(RuleDiagnosticCode.unknownId, message, at: member.node)
            }
        }
        checkBackupCycles(assignees.backups)
        checkUnusedTables(tableKeys, accountsTable: accountsTable)
    }

    private mutating func checkReference(_ reference: WrittenAssigneeID, kinds: [String: ExpectedAssigneeKind]) {
        let found = kinds[reference.id]
        if let found, reference.kind == .any || reference.kind == found { return }
        if let found {
            error(
                RuleDiagnosticCode.unknownId,
                "\(reference.context) names '\(reference.id)', which is a \(found.rawValue), not a \(reference.kind.rawValue)",
                at: reference.node)
            return
        }
        let candidates = kinds.filter { reference.kind == .any || $0.value == reference.kind }.keys.sorted()
        var message = "\(reference.context) names unknown \(reference.kind.rawValue) '\(reference.id)'"
        if let suggestion = closestName(to: reference.id, among: candidates) {
            message += "; did you mean '\(suggestion)'?"
        }
        error(RuleDiagnosticCode.unknownId, message, at: reference.node)
    }

    /// Each owner or team has at most one backup, so following backups from
    /// any start either ends or enters a cycle; each cycle is reported once,
    /// at the backup of its member defined first.
    private mutating func checkBackupCycles(_ backups: [(from: String, to: String, node: RuleNode)]) {
        var next: [String: (to: String, node: RuleNode)] = [:]
        for backup in backups where next[backup.from] == nil { next[backup.from] = (backup.to, backup.node) }
        var finished: Set<String> = []
        for backup in backups where !finished.contains(backup.from) {
            var path: [String] = []
            var onPath: [String: Int] = [:]
            var current: String? = backup.from
            while let id = current, !finished.contains(id) {
                if let start = onPath[id] {
                    let cycle = Array(path[start...])
                    let first = backups.first { cycle.contains($0.from) }
                    if let first {
                        let shown = (cycle + [cycle[0]]).map { "'\($0)'" }.joined(separator: " → ")
                        error(RuleDiagnosticCode.backupCycle, "backup cycle: \(shown)", at: first.node)
                    }
                    break
                }
                onPath[id] = path.count
                path.append(id)
                current = next[id]?.to
            }
            finished.formUnion(path)
        }
    }

    private mutating func checkUnusedTables(_ tableKeys: [RuleEntry], accountsTable: String?) {
        var usage = TableUsage()
        for tree in expressionTrees { usage.add(tree) }
        for entry in tableKeys where !usage.uses(entry.key) && entry.key != accountsTable {
            warning(
                RuleDiagnosticCode.unusedTable,
                "table '\(entry.key)' is never used: no expression reads tables.\(entry.key) and accounts.table does not name it",
                at: entry.keyNode, file: entry.file)
        }
    }
}
