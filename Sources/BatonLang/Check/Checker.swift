/// Infers the type of every node of a parsed expression against an
/// environment, resolves names to slots and recognises built-ins and macros.
/// Problems are collected as diagnostics; checking always continues.
struct Checker {
    let environment: Environment
    private(set) var diagnostics: [Diagnostic] = []
    /// Comprehension variables in scope, innermost last; a variable's slot is
    /// its position here.
    var locals: [(name: String, type: ExprType)] = []
    /// The most comprehension slots any evaluation needs.
    private(set) var localCount = 0
    private var depth = 0

    /// Deeper trees are refused: evaluation recurses once per level.
    static let maximumDepth = 400

    init(environment: Environment) {
        self.environment = environment
    }

    mutating func noteLocalCount(_ count: Int) {
        localCount = Swift.max(localCount, count)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func error(_ code: String, _ message: String, at span: Span) {
        diagnostics.append(.error(code, message, at: span))
    }

    /// A node standing in for one that failed to check: `dyn`, so that no
    /// further errors cascade from it.
    func failed(_ span: Span) -> CheckedExpr {
        CheckedExpr(node: .constant(.null), type: .dyn, span: span)
    }

    mutating func check(_ expr: Expr) -> CheckedExpr {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            if depth == Self.maximumDepth + 1 {
                error(
                    DiagnosticCode.tooDeep, "expression is nested too deeply (more than \(Self.maximumDepth) levels)",
                    at: expr.span)
            }
            return failed(expr.span)
        }
        let span = expr.span
        switch expr.kind {
        case .literal(let literal):
            return checkLiteral(literal, span)
        case .identifier(let name):
            return checkIdentifier(name, span)
        case .select(let operand, let field, let optional, let fieldSpan):
            return checkSelect(operand, field: field, optional: optional, fieldSpan: fieldSpan, span: span)
        case .call(let receiver, let function, let args, let optional, let nameSpan):
            return checkCall(
                receiver: receiver, function: function, args: args, optional: optional, nameSpan: nameSpan, span: span)
        case .index(let operand, let index):
            return checkIndex(operand, index, span)
        case .unary(let operation, let operand):
            return checkUnary(operation, operand, span)
        case .binary(let operation, let left, let right):
            return checkBinary(operation, left, right, span)
        case .conditional(let condition, let then, let otherwise):
            let checkedCondition = check(condition)
            requireBool(checkedCondition, code: DiagnosticCode.nonBoolCondition, what: "the condition of '? :'")
            let checkedThen = check(then)
            let checkedOtherwise = check(otherwise)
            return CheckedExpr(
                node: .conditional(checkedCondition, checkedThen, checkedOtherwise),
                type: checkedThen.type.joined(with: checkedOtherwise.type), span: span)
        case .list(let elements):
            let checked = elements.map { check($0) }
            let elementType = checked.dropFirst().reduce(checked.first?.type ?? .dyn) { $0.joined(with: $1.type) }
            return CheckedExpr(node: .list(checked), type: .list(elementType), span: span)
        case .map(let entries):
            var checkedEntries: [CheckedMapEntry] = []
            var valueType: ExprType?
            for entry in entries {
                let key = check(entry.key)
                if key.type != .string && key.type != .dyn {
                    error(DiagnosticCode.mapKeyNotString, "map keys must be strings, got \(key.type)", at: key.span)
                }
                let value = check(entry.value)
                valueType = valueType.map { $0.joined(with: value.type) } ?? value.type
                checkedEntries.append(CheckedMapEntry(key: key, value: value))
            }
            return CheckedExpr(node: .map(checkedEntries), type: .map(valueType ?? .dyn), span: span)
        }
    }

    private func checkLiteral(_ literal: Literal, _ span: Span) -> CheckedExpr {
        switch literal {
        case .null: CheckedExpr(node: .constant(.null), type: .null, span: span)
        case .bool(let value): CheckedExpr(node: .constant(.bool(value)), type: .bool, span: span)
        case .int(let value): CheckedExpr(node: .constant(.int(value)), type: .int, span: span)
        case .double(let value): CheckedExpr(node: .constant(.double(value)), type: .double, span: span)
        case .string(let value): CheckedExpr(node: .constant(.string(value)), type: .string, span: span)
        case .duration(let value): CheckedExpr(node: .constant(.duration(value)), type: .duration, span: span)
        }
    }

    /// Every name an identifier may refer to here.
    var namesInScope: [String] {
        var names = locals.map(\.name) + environment.variables.map(\.name)
        if environment.slot(of: "now") == nil { names.append("now") }
        return names
    }

    private mutating func checkIdentifier(_ name: String, _ span: Span) -> CheckedExpr {
        if let position = locals.lastIndex(where: { $0.name == name }) {
            return CheckedExpr(node: .local(slot: position), type: locals[position].type, span: span)
        }
        if let slot = environment.slot(of: name) {
            return CheckedExpr(node: .variable(slot: slot), type: environment.variables[slot].type, span: span)
        }
        if name == "now" {
            return CheckedExpr(node: .now, type: .timestamp, span: span)
        }
        error(
            DiagnosticCode.unknownVariable,
            Suggestions.message("unknown variable '\(name)'", name: name, among: namesInScope), at: span)
        return failed(span)
    }

    /// The type of `field` on a value of type `type`, with the record slot
    /// when known; nil (after reporting) when there is no such field.
    mutating func fieldType(of type: ExprType, field: String, optional: Bool, fieldSpan: Span) -> (ExprType, Int?)? {
        switch type {
        case .record(let name):
            guard let record = environment.schema[name] else { return (.dyn, nil) }
            guard let slot = record.slot(of: field) else {
                error(
                    DiagnosticCode.unknownField,
                    Suggestions.message(
                        "unknown field '\(field)' on \(name)", name: field, among: record.fields.map(\.name)),
                    at: fieldSpan)
                return nil
            }
            return (record.fields[slot].type, slot)
        case .map(let valueType): return (valueType, nil)
        case .dyn: return (.dyn, nil)
        case .null where optional: return (.null, nil)
        default:
            error(DiagnosticCode.typeMismatch, "\(type) has no fields; cannot select '\(field)'", at: fieldSpan)
            return nil
        }
    }

    private mutating func checkSelect(_ operand: Expr, field: String, optional: Bool, fieldSpan: Span, span: Span)
        -> CheckedExpr
    {
        let checkedOperand = check(operand)
        guard
            let (type, slot) = fieldType(
                of: checkedOperand.type, field: field, optional: optional, fieldSpan: fieldSpan)
        else { return failed(span) }
        return CheckedExpr(
            node: .select(checkedOperand, field: field, slot: slot, optional: optional), type: type, span: span)
    }

    private mutating func checkIndex(_ operand: Expr, _ index: Expr, _ span: Span) -> CheckedExpr {
        let checkedOperand = check(operand)
        let checkedIndex = check(index)
        var type = ExprType.dyn
        switch checkedOperand.type {
        case .list(let element):
            type = element
            if checkedIndex.type != .int && checkedIndex.type != .dyn {
                error(
                    DiagnosticCode.typeMismatch, "a list index must be an int, got \(checkedIndex.type)",
                    at: checkedIndex.span)
            }
        case .map(let value):
            type = value
            if checkedIndex.type != .string && checkedIndex.type != .dyn {
                error(
                    DiagnosticCode.typeMismatch, "a map key must be a string, got \(checkedIndex.type)",
                    at: checkedIndex.span)
            }
        case .dyn:
            break
        default:
            error(DiagnosticCode.typeMismatch, "cannot index \(checkedOperand.type)", at: checkedOperand.span)
            return failed(span)
        }
        return CheckedExpr(node: .index(checkedOperand, checkedIndex), type: type, span: span)
    }

    /// Reports a type that is certainly not bool (dyn passes).
    mutating func requireBool(_ expr: CheckedExpr, code: String, what: String) {
        guard expr.type != .bool, expr.type != .dyn else { return }
        error(code, "\(what) must be bool, got \(expr.type)", at: expr.span)
    }
}
