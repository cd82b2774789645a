/// A record field read in place (`lead.employees`, `e.type`), so that an
/// operator on a field reads it itself instead of calling the field's closure.
/// Each read gives nil when the base is not a record that has the field, or
/// the field is not of the type asked for; the caller's general path decides then.
struct FieldReference: Sendable {
    private enum Base: Sendable {
        case variable(slot: Int)
        case local(slot: Int)
    }

    private let base: Base
    private let slot: Int

    /// Nil unless `expr` selects a field by slot from a variable or a
    /// comprehension variable.
    init?(_ expr: CheckedExpr) {
        guard case .select(let operand, _, let slot, _) = expr.node else { return nil }
        self.init(operand: operand, slot: slot)
    }

    /// Nil unless `operand` is a variable or a comprehension variable and the slot is known.
    init?(operand: CheckedExpr, slot: Int?) {
        guard let slot else { return nil }
        switch operand.node {
        case .variable(let variable): base = .variable(slot: variable)
        case .local(let local): base = .local(slot: local)
        default: return nil
        }
        self.slot = slot
    }

    @inline(__always)
    private func withField<Result>(_ activation: Activation, _ body: (Value) -> Result?) -> Result? {
        switch base {
        case .variable(let variable):
            guard variable < activation.variableCount, case .record(let record) = activation.variables[variable],
                slot < record.fields.count
            else { return nil }
            return body(record.fields[slot])
        case .local(let local):
            guard case .record(let record) = activation.locals[local].pointee, slot < record.fields.count else {
                return nil
            }
            return body(record.fields[slot])
        }
    }

    /// The value the field is selected from.
    func base(_ activation: Activation) -> Value {
        switch base {
        case .variable(let variable): activation.variable(variable)
        case .local(let local): activation.locals[local].pointee
        }
    }

    @inline(__always)
    func value(_ activation: Activation) -> Value? {
        withField(activation) { $0 }
    }

    @inline(__always)
    func bool(_ activation: Activation) -> Bool? {
        withField(activation) { value in
            guard case .bool(let flag) = value else { return nil }
            return flag
        }
    }

    @inline(__always)
    func number(_ activation: Activation) -> Number? {
        withField(activation) { value in
            switch value {
            case .int(let number): .int(number)
            case .double(let number): .double(number)
            default: nil
            }
        }
    }

    /// `test` of the field's string.
    @inline(__always)
    func testString(_ activation: Activation, _ test: (String) -> Bool?) -> Bool? {
        withField(activation) { value in
            guard case .string(let text) = value else { return nil }
            return test(text)
        }
    }

    /// `test` of the field's value, for the tests that take any value.
    @inline(__always)
    func testValue(_ activation: Activation, _ test: (Value) -> Bool?) -> Bool? {
        withField(activation, test)
    }
}
