/// Shape checks that turn a wrong node into an error at its position.
///
/// `what` is the noun phrase of what belongs there; the message reads
/// `expected <what>, got <kind>`: `expectSequence(what: "a list of rules")`
/// on a string gives `expected a list of rules, got a string`. `path` is the
/// file, for the error.
extension YAMLNode {
    /// The pairs of a mapping.
    public func expectMapping(what: String, in path: String) throws(YAMLDecodingError) -> [YAMLPair] {
        guard case .mapping(let pairs) = kind else { throw wrongKind(what: what, in: path) }
        return pairs
    }

    /// The items of a list.
    public func expectSequence(what: String, in path: String) throws(YAMLDecodingError) -> [YAMLNode] {
        guard case .sequence(let items) = kind else { throw wrongKind(what: what, in: path) }
        return items
    }

    /// Any scalar, whatever it resolves to: for text taken as written, such
    /// as an expression (`points: 10` is the expression `10`).
    public func expectScalar(what: String, in path: String) throws(YAMLDecodingError) -> YAMLScalar {
        guard case .scalar(let scalar) = kind else { throw wrongKind(what: what, in: path) }
        return scalar
    }

    /// A scalar that resolves to a string (`yes` and `NO` do; `12`, `true`
    /// and `~` do not: quote them).
    public func expectString(what: String, in path: String) throws(YAMLDecodingError) -> String {
        guard case .scalar(let scalar) = kind, case .string(let text) = scalar.resolved else {
            throw wrongKind(what: what, in: path)
        }
        return text
    }

    /// An integer; a float with no fraction that fits (`3.0`) is accepted too.
    public func expectInt(what: String, in path: String) throws(YAMLDecodingError) -> Int64 {
        guard case .scalar(let scalar) = kind else { throw wrongKind(what: what, in: path) }
        switch scalar.resolved {
        case .int(let value):
            return value
        case .double(let value):
            // Checked by hand: Int64(exactly:) would pull in libm, which this module does not link.
            if value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0,
                Double(Int64(value)) == value
            {
                return Int64(value)
            }
            throw YAMLDecodingError(
                at: self, in: path, message: "expected \(what), got \(scalar.text), which is not a whole number",
                code: "wrong-kind")
        default:
            throw wrongKind(what: what, in: path)
        }
    }

    /// A number, integer or float.
    public func expectNumber(what: String, in path: String) throws(YAMLDecodingError) -> Double {
        guard case .scalar(let scalar) = kind else { throw wrongKind(what: what, in: path) }
        switch scalar.resolved {
        case .int(let value): return Double(value)
        case .double(let value): return value
        default: throw wrongKind(what: what, in: path)
        }
    }

    /// A boolean (`true` or `false` in any of the core schema's spellings).
    public func expectBool(what: String, in path: String) throws(YAMLDecodingError) -> Bool {
        guard case .scalar(let scalar) = kind, case .bool(let value) = scalar.resolved else {
            throw wrongKind(what: what, in: path)
        }
        return value
    }

    private func wrongKind(what: String, in path: String) -> YAMLDecodingError {
        YAMLDecodingError(at: self, in: path, message: "expected \(what), got \(describeKind)", code: "wrong-kind")
    }
}

extension YAMLPair {
    /// The key's text (keys are scalars; the reader refuses others).
    public var keyText: String { key.scalar?.text ?? "" }
}
