import BatonLang
import BatonYAML

/// The keys of one mapping of a ruleset, after unknown keys were reported.
struct RuleFields {
    var node: RuleNode
    var path: String
    var values: [String: RuleNode]
    var keys: [String: RuleEntry]

    subscript(key: String) -> RuleNode? { values[key] }

    /// The path of a key inside this mapping, for messages.
    func path(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
}

extension LoadSession {
    /// Reads a mapping, reporting keys not in `allowed` (with a did-you-mean)
    /// and missing `required` keys. Nil (after an error) when it is not a mapping.
    mutating func fields(_ node: RuleNode, path: String, allowed: [String], required: [String] = []) -> RuleFields? {
        guard case .mapping(let entries) = node.content else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected a mapping, got \(node.described)", at: node)
            return nil
        }
        var result = RuleFields(node: node, path: path, values: [:], keys: [:])
        for entry in entries {
            guard allowed.contains(entry.key) else {
                var message = "unknown key '\(entry.key)'" + (path.isEmpty ? "" : " in \(path)")
                if let suggestion = closestName(to: entry.key, among: allowed) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += " (expected one of: \(allowed.joined(separator: ", ")))"
                }
                error(RuleDiagnosticCode.unknownKey, message, at: entry.keyNode, file: entry.file)
                continue
            }
            result.values[entry.key] = entry.value
            result.keys[entry.key] = entry
        }
        for key in required where result.values[key] == nil {
            error(
                RuleDiagnosticCode.missingKey, "\(path.isEmpty ? "ruleset" : path): missing required key '\(key)'",
                at: node)
        }
        return result
    }

    /// Reads a list; null (an empty value) reads as an empty list.
    mutating func sequence(_ node: RuleNode, path: String) -> [RuleNode]? {
        if node.isNull { return [] }
        guard case .sequence(let elements) = node.content else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected a list, got \(node.described)", at: node)
            return nil
        }
        return elements
    }

    /// Reads text: any non-null scalar, as written (`version: 2026.11` is the text `2026.11`).
    mutating func string(_ node: RuleNode, path: String) -> String? {
        guard let scalar = node.scalar, scalar.resolved != .null else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected text, got \(node.described)", at: node)
            return nil
        }
        return scalar.text
    }

    /// Reads an id: non-empty text.
    mutating func identifier(_ node: RuleNode, path: String) -> String? {
        guard let text = string(node, path: path) else { return nil }
        guard !text.isEmpty else {
            error(RuleDiagnosticCode.invalidValue, "\(path): an id cannot be empty", at: node)
            return nil
        }
        return text
    }

    mutating func bool(_ node: RuleNode, path: String) -> Bool? {
        guard let scalar = node.scalar, case .bool(let value) = scalar.resolved else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected true or false, got \(node.described)", at: node)
            return nil
        }
        return value
    }

    mutating func integer(_ node: RuleNode, path: String) -> Int? {
        guard let scalar = node.scalar, case .int(let value) = scalar.resolved, let integer = Int(exactly: value) else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected an integer, got \(node.described)", at: node)
            return nil
        }
        return integer
    }

    /// Reads an int or a finite double.
    mutating func number(_ node: RuleNode, path: String) -> Double? {
        if let scalar = node.scalar {
            switch scalar.resolved {
            case .int(let value): return Double(value)
            case .double(let value) where value.isFinite: return value
            default: break
            }
        }
        error(RuleDiagnosticCode.wrongType, "\(path): expected a number, got \(node.described)", at: node)
        return nil
    }

    /// Reads one of a fixed set of words.
    mutating func choice<Choice: RawRepresentable>(_ node: RuleNode, path: String, among choices: [Choice]) -> Choice?
    where Choice.RawValue == String {
        guard let text = string(node, path: path) else { return nil }
        if let match = choices.first(where: { $0.rawValue == text }) { return match }
        let names = choices.map(\.rawValue)
        var message = "\(path): unknown value '\(text)'"
        if let suggestion = closestName(to: text, among: names) { message += "; did you mean '\(suggestion)'?" }
        message += " (expected one of: \(names.joined(separator: ", ")))"
        error(RuleDiagnosticCode.invalidValue, message, at: node)
        return nil
    }
}

/// The candidate closest to `name` when it is a plausible typo (BatonYAML's `closestMatch`).
func closestName(to name: String, among candidates: some Sequence<String>) -> String? {
    closestMatch(to: name, among: candidates.filter { $0 != name })
}
