import BatonLang

/// What a condition's value means for the rule that holds it.
enum ConditionOutcome: Sendable {
    case matched
    case notMatched
    /// The condition was null: no match, and a warning.
    case null
    /// The condition ended in an error (or a value that is not a bool): no match, and a warning.
    case failed(String)

    init(_ value: Value) {
        switch value {
        case .bool(true): self = .matched
        case .bool(false): self = .notMatched
        case .null: self = .null
        case .error(let error): self = .failed(error.message)
        default: self = .failed("condition is not a bool")
        }
    }

    var isMatch: Bool {
        if case .matched = self { return true }
        return false
    }
}

extension WarningList {
    /// Adds the warning a condition outcome calls for, if any.
    mutating func addCondition(
        _ outcome: ConditionOutcome, section: WarningSection, rule: String?, event: Int? = nil, what: String = "when"
    ) {
        switch outcome {
        case .matched, .notMatched:
            return
        case .null:
            add(section, rule: rule, event: event, code: WarningCode.nullCondition, message: "\(what) is null")
        case .failed(let message):
            add(section, rule: rule, event: event, code: WarningCode.evaluationError, message: "\(what): \(message)")
        }
    }

    /// Adds one warning per problem a template render reported.
    mutating func addTemplateProblems(
        _ problems: [TemplateProblem], section: WarningSection, rule: String?, event: Int? = nil, what: String
    ) {
        for problem in problems {
            add(
                section, rule: rule, event: event, code: WarningCode.templateHole,
                message: "\(what): \(problem.message); rendered empty")
        }
    }
}
