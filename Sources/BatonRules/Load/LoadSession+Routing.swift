import BatonLang

/// What kind of assignee an id written in a ruleset must name.
enum ExpectedAssigneeKind: String {
    case owner, team, queue
    /// `backup:`: an owner, a team or a queue.
    case any = "owner, team or queue"
}

/// An id written in the ruleset that must name an assignee of some kind.
struct WrittenAssigneeID {
    var id: String
    var kind: ExpectedAssigneeKind
    /// Where it was written, for the message (`routing rule 'smb'`).
    var context: String
    var node: RuleNode
}

extension LoadSession {
    /// Reads `routing:`: ordered rules and the fallback queue. Ids the rules
    /// name are collected in `references` and checked across sections later.
    mutating func loadRouting(
        _ node: RuleNode?, root: RuleNode, scopes: RuleScopes, references: inout [WrittenAssigneeID]
    ) -> Routing {
        guard let node else {
            error(
                RuleDiagnosticCode.missingKey, "ruleset: missing required key 'routing' (at least routing.fallback)",
                at: root)
            return Routing(rules: [], fallback: "")
        }
        guard let fields = fields(node, path: "routing", allowed: ["rules", "fallback"], required: ["fallback"]) else {
            return Routing(rules: [], fallback: "")
        }
        var rules: [RoutingRule] = []
        var alwaysMatching: String?
        if let rulesNode = fields["rules"], let elements = sequence(rulesNode, path: "routing.rules") {
            for (index, element) in elements.enumerated() {
                let path = "routing.rules[\(index)]"
                guard let rule = loadRoutingRule(element, path: path, scopes: scopes, references: &references) else {
                    continue
                }
                if let alwaysMatching {
                    warning(
                        RuleDiagnosticCode.unreachableRule,
                        "routing rule '\(rule.id)' can never be reached: rule '\(alwaysMatching)' before it always matches",
                        at: element)
                } else if rule.when == nil || rule.when.map({ Self.isAlwaysTrue($0.program) }) == true {
                    alwaysMatching = rule.id
                }
                rules.append(rule)
            }
        }
        var fallback = ""
        if let fallbackNode = fields["fallback"],
            let fallbackFields = self.fields(
                fallbackNode, path: "routing.fallback", allowed: ["queue"], required: ["queue"]),
            let queueNode = fallbackFields["queue"], let queue = identifier(queueNode, path: "routing.fallback.queue")
        {
            fallback = queue
            references.append(WrittenAssigneeID(id: queue, kind: .queue, context: "routing.fallback", node: queueNode))
        }
        return Routing(rules: rules, fallback: fallback)
    }

    static func isAlwaysTrue(_ program: Program) -> Bool {
        if case .bool(true)? = program.constantValue { return true }
        return false
    }

    private mutating func loadRoutingRule(
        _ node: RuleNode, path: String, scopes: RuleScopes, references: inout [WrittenAssigneeID]
    ) -> RoutingRule? {
        guard
            let fields = fields(
                node, path: path, allowed: ["id", "when", "assign", "reason"], required: ["id", "assign"])
        else { return nil }
        let id = fields["id"].flatMap { uniqueId($0, path: fields.path("id"), in: .routingRules) }
        let when = fields["when"].map {
            expression($0, path: fields.path("when"), in: scopes.decision, expecting: .condition)
        }
        let reason = fields["reason"].map { template($0, path: fields.path("reason"), in: scopes.decision) }
        let assign = fields["assign"].flatMap {
            loadAssignment(
                $0, path: fields.path("assign"), context: "routing rule '\(id ?? "?")'", scopes: scopes,
                references: &references)
        }
        guard let id, let assign, when.map({ $0 != nil }) ?? true, reason.map({ $0 != nil }) ?? true else { return nil }
        return RoutingRule(
            id: id, when: when ?? nil, assign: assign, reason: reason ?? nil, location: sourceLocation(of: node))
    }

    /// `assign:` names exactly one of `owner`, `owner_from`, `team`, `queue`.
    private mutating func loadAssignment(
        _ node: RuleNode, path: String, context: String, scopes: RuleScopes, references: inout [WrittenAssigneeID]
    ) -> Assignment? {
        let keys = ["owner", "owner_from", "team", "queue"]
        guard let fields = fields(node, path: path, allowed: keys) else { return nil }
        let given = keys.filter { fields[$0] != nil }
        guard given.count == 1, let key = given.first, let valueNode = fields[key] else {
            let message =
                given.isEmpty
                ? "\(path): name one of owner, owner_from, team or queue"
                : "\(path): name only one of owner, owner_from, team or queue (got \(given.joined(separator: " and ")))"
            error(RuleDiagnosticCode.invalidValue, message, at: node)
            return nil
        }
        if key == "owner_from" {
            return expression(valueNode, path: fields.path(key), in: scopes.decision, expecting: .string).map {
                .ownerFrom($0)
            }
        }
        guard let id = identifier(valueNode, path: fields.path(key)) else { return nil }
        switch key {
        case "owner":
            references.append(WrittenAssigneeID(id: id, kind: .owner, context: context, node: valueNode))
            return .owner(id)
        case "team":
            references.append(WrittenAssigneeID(id: id, kind: .team, context: context, node: valueNode))
            return .team(id)
        default:
            references.append(WrittenAssigneeID(id: id, kind: .queue, context: context, node: valueNode))
            return .queue(id)
        }
    }
}
