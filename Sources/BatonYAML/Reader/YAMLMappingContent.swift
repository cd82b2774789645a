/// The pairs of a mapping being read: refuses duplicate and non-scalar keys
/// and applies merge keys (`<<`) when the mapping ends.
struct YAMLMappingContent {
    private var pairs: [YAMLPair] = []
    private var merges: [(position: Int, pairs: [YAMLPair])] = []
    private var keyLines: [YAMLValue: Int] = [:]
    private var pendingKey: YAMLNode?

    /// Adds the next node: a key, or the value of the pending key.
    mutating func add(_ node: YAMLNode, path: String) throws(YAMLError) {
        guard let key = pendingKey else {
            guard case .scalar = node.kind else {
                throw YAMLError(
                    path: path, mark: node.start,
                    message: "a mapping key must be a scalar, got \(node.describeKind)",
                    code: "yaml-complex-key")
            }
            pendingKey = node
            return
        }
        pendingKey = nil
        guard case .scalar(let keyScalar) = key.kind else { return }
        let identity = keyScalar.resolved
        if let firstLine = keyLines[identity] {
            throw YAMLError(
                path: path, mark: key.start,
                message: "duplicate key \(Self.display(keyScalar.text)): "
                    + "first at line \(firstLine), again at line \(key.start.line)",
                code: "yaml-duplicate-key")
        }
        keyLines[identity] = key.start.line
        if keyScalar.style == .plain, keyScalar.tag == nil, keyScalar.text == "<<" {
            merges.append((position: pairs.count, pairs: try Self.mergedPairs(from: node, path: path)))
        } else {
            pairs.append(YAMLPair(key: key, value: node))
        }
    }

    /// The pairs in file order, merged pairs at the place of their `<<` key.
    func finish() -> [YAMLPair] {
        guard !merges.isEmpty else { return pairs }
        var seen = Set(keyLines.keys)
        var result: [YAMLPair] = []
        var mergeIndex = 0
        for position in 0...pairs.count {
            while mergeIndex < merges.count, merges[mergeIndex].position == position {
                for pair in merges[mergeIndex].pairs {
                    guard case .scalar(let keyScalar) = pair.key.kind else { continue }
                    if seen.insert(keyScalar.resolved).inserted {
                        result.append(pair)
                    }
                }
                mergeIndex += 1
            }
            if position < pairs.count {
                result.append(pairs[position])
            }
        }
        return result
    }

    private static func mergedPairs(from value: YAMLNode, path: String) throws(YAMLError) -> [YAMLPair] {
        switch value.kind {
        case .mapping(let pairs):
            return pairs
        case .sequence(let items):
            var merged: [YAMLPair] = []
            for item in items {
                guard case .mapping(let pairs) = item.kind else {
                    throw mergeError(got: item, path: path)
                }
                merged.append(contentsOf: pairs)
            }
            return merged
        case .scalar:
            throw mergeError(got: value, path: path)
        }
    }

    private static func mergeError(got node: YAMLNode, path: String) -> YAMLError {
        YAMLError(
            path: path, mark: node.start,
            message: "a merge key << takes a mapping or a list of mappings, got \(node.describeKind)",
            code: "yaml-merge")
    }

    /// A key quoted for a message, shortened if long.
    static func display(_ text: String) -> String {
        var shown = text
        if text.unicodeScalars.count > 60 {
            shown = String(String.UnicodeScalarView(text.unicodeScalars.prefix(57))) + "..."
        }
        var quoted = "\""
        for scalar in shown.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}
