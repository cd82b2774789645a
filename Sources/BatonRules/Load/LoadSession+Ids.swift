import BatonLang
import BatonYAML

/// The namespaces inside which ids must be unique (rules.md "Files and YAML").
enum IdNamespace: String {
    case assignees = "owners, teams and queues"
    case scoringRules = "scoring rules"
    case routingRules = "routing rules"
    case suppressRules = "suppress rules"
    case contextNames = "context names"
    case tables = "tables"
}

/// The first place each id was defined, per namespace.
struct IdRegistry {
    private var firstPlace: [IdNamespace: [String: String]] = [:]

    /// Records an id; returns where it was first defined when it is a duplicate.
    mutating func register(_ id: String, in namespace: IdNamespace, at place: String) -> String? {
        if let first = firstPlace[namespace]?[id] { return first }
        firstPlace[namespace, default: [:]][id] = place
        return nil
    }
}

extension LoadSession {
    /// Reads the `id:` of a rule or assignee and checks that it is unique in its namespace.
    mutating func uniqueId(_ node: RuleNode, path: String, in namespace: IdNamespace) -> String? {
        guard let id = identifier(node, path: path) else { return nil }
        if let first = ids.register(id, in: namespace, at: location(of: node.yaml, file: node.file)) {
            error(
                RuleDiagnosticCode.duplicateId,
                "duplicate id '\(id)' (\(namespace.rawValue) share one namespace): first defined at \(first)", at: node)
        }
        return id
    }
}
