import BatonLang

extension LoadSession {
    /// Reads `handoff:`: suppress rules, the handoff condition, stage, context and next steps.
    mutating func loadHandoff(_ node: RuleNode?, scopes: RuleScopes) -> Handoff {
        guard let node, !node.isNull,
            let fields = fields(node, path: "handoff", allowed: ["suppress", "when", "stage", "context", "next_steps"])
        else { return .empty }
        let environment = scopes.decision
        var suppress: [SuppressRule] = []
        if let suppressNode = fields["suppress"], let elements = sequence(suppressNode, path: "handoff.suppress") {
            for (index, element) in elements.enumerated() {
                let path = "handoff.suppress[\(index)]"
                guard
                    let ruleFields = self.fields(
                        element, path: path, allowed: ["id", "when"], required: ["id", "when"])
                else { continue }
                let id = ruleFields["id"].flatMap { uniqueId($0, path: ruleFields.path("id"), in: .suppressRules) }
                let when = ruleFields["when"].flatMap {
                    expression($0, path: ruleFields.path("when"), in: environment, expecting: .condition)
                }
                if let id, let when {
                    suppress.append(SuppressRule(id: id, when: when, location: sourceLocation(of: element)))
                }
            }
        }
        let when = fields["when"].flatMap {
            expression($0, path: "handoff.when", in: environment, expecting: .condition)
        }
        let stage = fields["stage"].flatMap { string($0, path: "handoff.stage") }
        var context: [ContextField] = []
        if let contextNode = fields["context"], !contextNode.isNull {
            if case .mapping(let entries) = contextNode.content {
                for entry in entries {
                    let place = location(of: entry.keyNode, file: entry.file)
                    if let first = ids.register(entry.key, in: .contextNames, at: place) {
                        error(
                            RuleDiagnosticCode.duplicateId,
                            "duplicate context name '\(entry.key)': first defined at \(first)", at: entry.keyNode,
                            file: entry.file)
                    }
                    if let value = expression(
                        entry.value, path: "handoff.context.\(entry.key)", in: environment, expecting: .any)
                    {
                        context.append(ContextField(name: entry.key, value: value))
                    }
                }
            } else {
                error(
                    RuleDiagnosticCode.wrongType,
                    "handoff.context: expected a mapping of name to expression, got \(contextNode.described)",
                    at: contextNode)
            }
        }
        var nextSteps: [NextStep] = []
        if let stepsNode = fields["next_steps"], let elements = sequence(stepsNode, path: "handoff.next_steps") {
            for (index, element) in elements.enumerated() {
                let path = "handoff.next_steps[\(index)]"
                guard let stepFields = self.fields(element, path: path, allowed: ["when", "say"], required: ["say"])
                else { continue }
                let stepWhen = stepFields["when"].map {
                    expression($0, path: stepFields.path("when"), in: environment, expecting: .condition)
                }
                let say = stepFields["say"].flatMap { template($0, path: stepFields.path("say"), in: environment) }
                guard let say, stepWhen.map({ $0 != nil }) ?? true else { continue }
                nextSteps.append(NextStep(when: stepWhen ?? nil, say: say, location: sourceLocation(of: element)))
            }
        }
        return Handoff(suppress: suppress, when: when, stage: stage, context: context, nextSteps: nextSteps)
    }
}
