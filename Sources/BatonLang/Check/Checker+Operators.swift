/// Typing of the unary and binary operators.
extension Checker {
    mutating func checkUnary(_ operation: UnaryOperator, _ operand: Expr, _ span: Span) -> CheckedExpr {
        let checked = check(operand)
        switch operation {
        case .not:
            requireBool(checked, code: DiagnosticCode.typeMismatch, what: "the operand of '!'")
            return CheckedExpr(node: .not(checked), type: .bool, span: span)
        case .negate:
            switch checked.type {
            case .int, .double, .duration, .dyn:
                return CheckedExpr(node: .negate(checked), type: checked.type, span: span)
            default:
                error(DiagnosticCode.typeMismatch, "cannot apply '-' to \(checked.type)", at: span)
                return failed(span)
            }
        }
    }

    mutating func checkBinary(_ operation: BinaryOperator, _ left: Expr, _ right: Expr, _ span: Span) -> CheckedExpr {
        let checkedLeft = check(left)
        let checkedRight = check(right)
        switch operation {
        case .and, .or:
            let what = "an operand of '\(operation.rawValue)'"
            requireBool(checkedLeft, code: DiagnosticCode.typeMismatch, what: what)
            requireBool(checkedRight, code: DiagnosticCode.typeMismatch, what: what)
            warnAboutLiteralOperand(isAnd: operation == .and, left, right, span: span)
            let node: CheckedNode = operation == .and ? .and(checkedLeft, checkedRight) : .or(checkedLeft, checkedRight)
            return CheckedExpr(node: node, type: .bool, span: span)
        case .coalesce:
            let type = checkedLeft.type == .null ? checkedRight.type : checkedLeft.type.joined(with: checkedRight.type)
            return CheckedExpr(node: .coalesce(checkedLeft, checkedRight), type: type, span: span)
        case .equal, .notEqual:
            if !checkedLeft.type.mayEqual(checkedRight.type) {
                let outcome = operation == .equal ? "false" : "true"
                report(
                    .warning(
                        DiagnosticCode.incomparableTypes,
                        "comparing \(checkedLeft.type) with \(checkedRight.type) is always \(outcome)", at: span))
            }
            return CheckedExpr(node: .comparison(operation, checkedLeft, checkedRight), type: .bool, span: span)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            if !checkedLeft.type.isOrdered(against: checkedRight.type) {
                error(
                    DiagnosticCode.incomparableTypes,
                    "cannot compare \(checkedLeft.type) with \(checkedRight.type) using '\(operation.rawValue)'",
                    at: span)
            }
            return CheckedExpr(node: .comparison(operation, checkedLeft, checkedRight), type: .bool, span: span)
        case .in, .notIn:
            checkMembership(checkedLeft, checkedRight, operation: operation)
            return CheckedExpr(
                node: .membership(checkedLeft, checkedRight, negated: operation == .notIn), type: .bool, span: span)
        case .add, .subtract, .multiply, .divide, .remainder:
            guard let type = arithmeticType(operation, checkedLeft.type, checkedRight.type) else {
                error(
                    DiagnosticCode.typeMismatch,
                    "cannot apply '\(operation.rawValue)' to \(checkedLeft.type) and \(checkedRight.type)", at: span)
                return failed(span)
            }
            return CheckedExpr(node: .arithmetic(operation, checkedLeft, checkedRight), type: type, span: span)
        }
    }

    private mutating func checkMembership(_ element: CheckedExpr, _ collection: CheckedExpr, operation: BinaryOperator)
    {
        switch collection.type {
        case .list(let elementType):
            if !element.type.mayEqual(elementType) {
                report(
                    .warning(
                        DiagnosticCode.incomparableTypes,
                        "\(element.type) is never an element of \(collection.type)", at: element.span))
            }
        case .map:
            if element.type != .string && element.type != .dyn && element.type != .null {
                report(
                    .warning(
                        DiagnosticCode.incomparableTypes, "\(element.type) is never a key of \(collection.type)",
                        at: element.span))
            }
        case .dyn:
            break
        default:
            error(
                DiagnosticCode.typeMismatch,
                "'\(operation.rawValue)' needs a list or map on its right, got \(collection.type)", at: collection.span)
        }
    }

    /// The result type of arithmetic, or nil when the types do not combine.
    private func arithmeticType(_ operation: BinaryOperator, _ left: ExprType, _ right: ExprType) -> ExprType? {
        if left == .dyn || right == .dyn {
            // Known-impossible operands are still errors.
            let other = left == .dyn ? right : left
            switch other {
            case .null, .bool, .record, .map: return nil
            case .string where operation != .add: return nil
            case .list where operation != .add: return nil
            default:
                if operation == .divide && other.isNumeric { return .double }
                return .dyn
            }
        }
        switch operation {
        case .add:
            switch (left, right) {
            case (.int, .int): return .int
            case (.int, .double), (.double, .int), (.double, .double): return .double
            case (.string, .string): return .string
            case (.list(let a), .list(let b)): return .list(a.joined(with: b))
            case (.duration, .duration): return .duration
            case (.timestamp, .duration), (.duration, .timestamp): return .timestamp
            default: return nil
            }
        case .subtract:
            switch (left, right) {
            case (.int, .int): return .int
            case (.int, .double), (.double, .int), (.double, .double): return .double
            case (.duration, .duration), (.timestamp, .timestamp): return .duration
            case (.timestamp, .duration): return .timestamp
            default: return nil
            }
        case .multiply:
            switch (left, right) {
            case (.int, .int): return .int
            case (.int, .double), (.double, .int), (.double, .double): return .double
            case (.duration, .int), (.duration, .double), (.int, .duration), (.double, .duration): return .duration
            default: return nil
            }
        case .divide:
            switch (left, right) {
            case (.int, .int), (.int, .double), (.double, .int), (.double, .double): return .double
            case (.duration, .int), (.duration, .double): return .duration
            case (.duration, .duration): return .double
            default: return nil
            }
        case .remainder:
            return left == .int && right == .int ? .int : nil
        default:
            return nil
        }
    }
}

extension Checker {
    /// `x || true` is always true and `x && false` always false, whatever
    /// `x` is: almost always a rule left half-edited. A literal that cannot
    /// decide (`x || false`, `x && true`) has no effect, which is worth
    /// saying too. Warnings: the rule still works as written.
    mutating func warnAboutLiteralOperand(isAnd: Bool, _ left: Expr, _ right: Expr, span: Span) {
        let name = isAnd ? "&&" : "||"
        for operand in [left, right] {
            guard case .literal(.bool(let flag)) = operand.kind else { continue }
            let message =
                flag == !isAnd
                ? "this condition is always \(flag): an operand of '\(name)' is the literal \(flag)"
                : "the literal \(flag) has no effect as an operand of '\(name)'"
            report(.warning(DiagnosticCode.constantCondition, message, at: operand.span))
            return
        }
    }
}
