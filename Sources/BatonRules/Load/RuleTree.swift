import BatonLang
import BatonYAML

/// A node of the ruleset's YAML after the files were merged: each node
/// remembers the file it was written in, so diagnostics point into that file.
struct RuleNode: Sendable {
    enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([RuleNode])
        case mapping([RuleEntry])
    }

    var content: Content
    /// Index of the file in `LoadSession.files`.
    var file: Int
    /// The node as read (for a merged mapping, its first occurrence).
    var yaml: YAMLNode

    init(_ yaml: YAMLNode, file: Int) {
        self.yaml = yaml
        self.file = file
        switch yaml.kind {
        case .scalar(let scalar):
            content = .scalar(scalar)
        case .sequence(let elements):
            content = .sequence(elements.map { RuleNode($0, file: file) })
        case .mapping(let pairs):
            content = .mapping(
                pairs.map {
                    RuleEntry(
                        key: $0.key.scalar?.text ?? "", keyNode: $0.key, file: file,
                        value: RuleNode($0.value, file: file))
                })
        }
    }

    var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    var isNull: Bool {
        if case .scalar(let scalar) = content, scalar.resolved == .null { return true }
        return false
    }

    /// A short description of what the node holds, for "expected X, got Y".
    var described: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return "null"
            case .bool(let value): return "bool \(value)"
            case .int(let value): return "int \(value)"
            case .double: return "double \(scalar.text)"
            case .string(let text): return "string \(RuleDiagnostic.jsonString(text))"
            }
        }
    }
}

/// One `key: value` of a merged mapping.
struct RuleEntry: Sendable {
    var key: String
    var keyNode: YAMLNode
    /// The file the key was written in.
    var file: Int
    var value: RuleNode
}

extension LoadSession {
    /// Merges the documents of every file into one tree: mappings merge key by
    /// key, sequences concatenate in file order, and anything else written in
    /// two places is an error naming both.
    mutating func mergeDocuments(_ roots: [RuleNode]) -> RuleNode? {
        var merged: RuleNode?
        for root in roots {
            if root.isNull { continue }
            guard case .mapping = root.content else {
                error(
                    RuleDiagnosticCode.wrongType,
                    "the top of a ruleset file must be a mapping of sections, got \(root.described)", at: root)
                continue
            }
            if let base = merged {
                merged = merge(base, root, path: "")
            } else {
                merged = root
            }
        }
        return merged
    }

    private mutating func merge(_ base: RuleNode, _ addition: RuleNode, path: String) -> RuleNode {
        switch (base.content, addition.content) {
        case (.mapping(var entries), .mapping(let added)):
            var indexByKey: [String: Int] = [:]
            for (index, entry) in entries.enumerated() { indexByKey[entry.key] = index }
            for entry in added {
                let entryPath = path.isEmpty ? entry.key : path + "." + entry.key
                if let index = indexByKey[entry.key] {
                    let existing = entries[index]
                    if case .mapping = existing.value.content, case .mapping = entry.value.content {
                        entries[index].value = merge(existing.value, entry.value, path: entryPath)
                    } else if case .sequence = existing.value.content, case .sequence = entry.value.content {
                        entries[index].value = merge(existing.value, entry.value, path: entryPath)
                    } else {
                        let first = location(of: existing.keyNode, file: existing.file)
                        error(
                            RuleDiagnosticCode.definedTwice,
                            "'\(entryPath)' is defined twice: here and at \(first)",
                            at: entry.keyNode, file: entry.file)
                    }
                } else {
                    indexByKey[entry.key] = entries.count
                    entries.append(entry)
                }
            }
            var result = base
            result.content = .mapping(entries)
            return result
        case (.sequence(let elements), .sequence(let added)):
            var result = base
            result.content = .sequence(elements + added)
            return result
        default:
            return base
        }
    }
}
