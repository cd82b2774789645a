/// Field tests against a constant, each in one object: a closure that
/// captures one reference is called through a thinner thunk than one that
/// captures the field, the constant, the flags and the fallback (15–25
/// instructions a call). Each gives the fast verdict when the field has the
/// type it expects and otherwise the general comparison's (`fallback`).

/// A field compared with a number constant.
final class FieldComparedWithNumber: Sendable {
    let field: FieldReference
    let operation: BinaryOperator
    /// The constant as an int, or nil when only the general comparison can compare an int with it.
    let intLimit: Int64?
    /// The constant as a double, or nil when it is an int that a double cannot hold exactly.
    let doubleLimit: Double?
    let fallback: BoolEvaluator

    init(
        field: FieldReference, operation: BinaryOperator, intLimit: Int64?, doubleLimit: Double?,
        fallback: @escaping BoolEvaluator
    ) {
        self.field = field
        self.operation = operation
        self.intLimit = intLimit
        self.doubleLimit = doubleLimit
        self.fallback = fallback
    }

    @inline(__always)
    func verdict(_ activation: Activation) -> Bool? {
        switch field.number(activation) {
        case .int(let value)?: if let intLimit { return operation.holds(value, intLimit) }
        case .double(let value)?: if let doubleLimit { return operation.holds(value, doubleLimit) }
        case nil: break
        }
        return fallback(activation)
    }
}

/// A field compared for (in)equality with an ASCII string constant.
final class FieldEqualToASCII: Sendable {
    let field: FieldReference
    let expected: String
    /// For `!=`.
    let negated: Bool
    let fallback: BoolEvaluator

    init(field: FieldReference, expected: String, negated: Bool, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.expected = expected
        self.negated = negated
        self.fallback = fallback
    }

    @inline(__always)
    func verdict(_ activation: Activation) -> Bool? {
        if let same = field.testString(activation, { sameScalars($0, ascii: expected) }) { return same != negated }
        return fallback(activation)
    }
}

/// A field looked up in a constant list or map (`in`, `not in`).
final class FieldInConstant: Sendable {
    let field: FieldReference
    let lookup: ConstantMembership
    /// For `not in`.
    let negated: Bool
    let fallback: BoolEvaluator

    init(field: FieldReference, lookup: ConstantMembership, negated: Bool, fallback: @escaping BoolEvaluator) {
        self.field = field
        self.lookup = lookup
        self.negated = negated
        self.fallback = fallback
    }

    @inline(__always)
    func verdict(_ activation: Activation) -> Bool? {
        if let found = field.testValue(activation, { lookup.contains($0) }) { return found != negated }
        return fallback(activation)
    }
}
