import BatonLang
import BatonYAML

/// Reading `expect:`: each key optional, each value checked against the
/// ruleset (grades, owner/team/queue ids, suppress rule ids exist).
extension TestFileReader {
    static let expectKeys = ["grade", "total", "route", "handoff", "suppressed_by", "next_step", "warnings"]

    mutating func readExpectations(_ node: YAMLNode, path: String) -> TestExpectations? {
        guard let keys = fields(node, path: path, allowed: Self.expectKeys) else { return nil }
        guard !keys.isEmpty else {
            error(
                RuleDiagnosticCode.missingKey,
                "\(path): expect at least one of \(Self.expectKeys.joined(separator: ", "))", at: node)
            return nil
        }
        var expectations = TestExpectations()
        if let grade = keys["grade"] {
            expectations.grade = readGrade(grade, path: path + ".grade")
        }
        if let total = keys["total"] {
            expectations.total = readTotal(total, path: path + ".total")
        }
        if let route = keys["route"] {
            expectations.route = readRoute(route, path: path + ".route")
        }
        if let handoff = keys["handoff"] {
            expectations.handoff = readHandoff(handoff, path: path + ".handoff")
        }
        if let suppressedBy = keys["suppressed_by"] {
            let ids = ruleset.handoff.suppress.map(\.id)
            expectations.suppressedBy = nullable(suppressedBy) { reader in
                reader.knownID(suppressedBy, path: path + ".suppressed_by", among: ids, kind: "suppress rule")
            }
        }
        if let nextStep = keys["next_step"] {
            expectations.nextStep = nullable(nextStep) { reader in reader.text(nextStep, path: path + ".next_step") }
        }
        if let warnings = keys["warnings"] {
            expectations.warnings = readCount(warnings, path: path + ".warnings")
        }
        return expectations
    }

    /// `.some(nil)` for a null node, `.some(value)` when `read` succeeds, nil after an error.
    private mutating func nullable(_ node: YAMLNode, _ read: (inout Self) -> String?) -> String?? {
        if node.isNull { return .some(nil) }
        guard let value = read(&self) else { return nil }
        return .some(value)
    }

    private mutating func readGrade(_ node: YAMLNode, path: String) -> String?? {
        let grades = ruleset.scoring.grades.map(\.grade)
        if node.isNull {
            guard grades.isEmpty else {
                error(
                    RuleDiagnosticCode.invalidValue,
                    "\(path): the ruleset grades every lead (\(grades.joined(separator: ", "))); null never holds",
                    at: node)
                return nil
            }
            return .some(nil)
        }
        guard let grade = knownID(node, path: path, among: grades, kind: "grade", listing: true) else { return nil }
        return .some(grade)
    }

    private mutating func readTotal(_ node: YAMLNode, path: String) -> TotalExpectation? {
        if node.scalar != nil {
            return points(node, path: path).map { .exactly($0) }
        }
        guard let keys = fields(node, path: path, allowed: ["min", "max"]) else { return nil }
        guard !keys.isEmpty else {
            error(RuleDiagnosticCode.missingKey, "\(path): give a number, or 'min', 'max' or both", at: node)
            return nil
        }
        let lower = keys["min"].flatMap { points($0, path: path + ".min") }
        let upper = keys["max"].flatMap { points($0, path: path + ".max") }
        if (keys["min"] != nil && lower == nil) || (keys["max"] != nil && upper == nil) { return nil }
        if let lower, let upper, upper < lower {
            error(RuleDiagnosticCode.invalidValue, "\(path): min is above max", at: node)
            return nil
        }
        return .range(min: lower, max: upper)
    }

    /// A number with at most two decimals, as exact hundredths.
    private mutating func points(_ node: YAMLNode, path: String) -> ScorePoints? {
        let value: Double
        switch node.scalar?.resolved {
        case .int(let integer)?: value = Double(integer)
        case .double(let double)? where double.isFinite: value = double
        default:
            error(RuleDiagnosticCode.wrongType, "\(path): expected a number, got \(node.describeKind)", at: node)
            return nil
        }
        guard let points = ScorePoints(rounding: value), points.doubleValue == value,
            abs(points.hundredths) < ScorePoints.saturationHundredths
        else {
            error(
                RuleDiagnosticCode.invalidValue,
                "\(path): \(node.scalar?.text ?? "") is not a whole number of hundredths (scores are exact to 0.01)",
                at: node)
            return nil
        }
        return points
    }

    private mutating func readRoute(_ node: YAMLNode, path: String) -> RouteExpectation? {
        guard let keys = fields(node, path: path, allowed: ["owner", "team", "queue"]) else { return nil }
        guard keys.count == 1, let first = keys.first else {
            if case .mapping(let pairs) = node.kind, pairs.count > keys.count { return nil }
            error(RuleDiagnosticCode.invalidValue, "\(path): give exactly one of owner, team, queue", at: node)
            return nil
        }
        let idNode = first.value
        switch first.key {
        case "owner":
            return knownID(idNode, path: path + ".owner", among: ruleset.owners.map(\.id), kind: "owner").map {
                .owner($0)
            }
        case "team":
            return knownID(idNode, path: path + ".team", among: ruleset.teams.map(\.id), kind: "team").map { .team($0) }
        default:
            return knownID(idNode, path: path + ".queue", among: ruleset.queues.map(\.id), kind: "queue").map {
                .queue($0)
            }
        }
    }

    private mutating func readHandoff(_ node: YAMLNode, path: String) -> HandoffStatus? {
        let names = [HandoffStatus.handoff, .notReady, .suppressed].map(\.rawValue)
        guard let text = text(node, path: path) else { return nil }
        if let status = HandoffStatus(rawValue: text) { return status }
        var message = "\(path): unknown value '\(text)'"
        if let suggestion = closestMatch(to: text, among: names) { message += "; did you mean '\(suggestion)'?" }
        message += " (expected one of: \(names.joined(separator: ", ")))"
        error(RuleDiagnosticCode.invalidValue, message, at: node)
        return nil
    }

    private mutating func readCount(_ node: YAMLNode, path: String) -> Int? {
        guard case .int(let value)? = node.scalar?.resolved, value >= 0, let count = Int(exactly: value) else {
            error(
                RuleDiagnosticCode.wrongType,
                "\(path): expected a count (0 or more), got \(node.scalar?.text ?? node.describeKind)", at: node)
            return nil
        }
        return count
    }

    /// Text that must be one of `ids`; an unknown one is an error with a did-you-mean.
    /// With `listing`, the message lists every id (short lists such as grades) instead of guessing one.
    private mutating func knownID(
        _ node: YAMLNode, path: String, among ids: [String], kind: String, listing: Bool = false
    ) -> String? {
        guard let id = text(node, path: path) else { return nil }
        guard ids.contains(id) else {
            var message = "\(path): unknown \(kind) '\(id)'"
            if listing {
                message += " (the ruleset's \(kind)s: \(ids.joined(separator: ", ")))"
            } else if let suggestion = closestMatch(to: id, among: ids) {
                message += "; did you mean '\(suggestion)'?"
            }
            error(RuleDiagnosticCode.unknownId, message, at: node)
            return nil
        }
        return id
    }
}
