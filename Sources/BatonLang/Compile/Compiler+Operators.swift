/// Compiling the logical and arithmetic operators and `? :`, with bool and
/// number forms where the checked operand types allow them.
extension Compiler {
    /// `&&` and `||`, absorbing an error (or null) on one side when the other
    /// side decides the result, in either order.
    func compileLogical(isAnd: Bool, _ left: CheckedExpr, _ right: CheckedExpr) -> CompiledNode {
        let compiledLeft = compile(left)
        let compiledRight = compile(right)
        let leftText = text(left.span)
        let rightText = text(right.span)
        let name = isAnd ? "&&" : "||"
        // The value that decides: false for `&&`, true for `||`.
        let decisive = !isAnd
        @Sendable func asOutcome(_ value: Value, _ text: String, _ span: Span) -> Value {
            switch value {
            case .bool, .error: return value
            case .null: return nullOperand(text, span)
            default: return .error(EvalError("an operand of '\(name)' must be bool, got \(value.typeName)", at: span))
            }
        }
        /// The result when the bool forms alone do not decide it.
        @Sendable func general(_ leftValue: Value, _ rightValue: Value) -> Value {
            if case .bool(let flag) = leftValue, flag == decisive { return leftValue }
            if case .bool(let flag) = rightValue {
                if flag == decisive { return rightValue }
                if case .bool = leftValue { return rightValue }
            }
            let leftOutcome = asOutcome(leftValue, leftText, left.span)
            if case .error = leftOutcome { return leftOutcome }
            return asOutcome(rightValue, rightText, right.span)
        }
        let leftBool = compiledLeft.asBool
        let rightBool = compiledRight.asBool
        /// Finishes once a side was not a bool: `leftFlag` is the left
        /// side's bool, or nil with its value escaped.
        let unsettled: @Sendable (Activation, Bool?) -> Bool? = { activation, leftFlag in
            // Kept before the right side runs, which may escape a value of its own.
            let leftValue = leftFlag.map(Value.bool) ?? activation.takeEscaped()
            let rightFlag = leftFlag == nil ? rightBool(activation) : nil
            if rightFlag == decisive { return decisive }
            let outcome = general(leftValue, rightFlag.map(Value.bool) ?? activation.takeEscaped())
            return settleBool(outcome, activation)
        }
        let general: BoolEvaluator = { activation in
            guard let leftFlag = leftBool(activation) else { return unsettled(activation, nil) }
            if leftFlag == decisive { return decisive }
            if let rightFlag = rightBool(activation) { return rightFlag }
            return unsettled(activation, leftFlag)
        }
        guard !traced else { return fold([compiledLeft, compiledRight], .bool(general)) }
        // The tree serves a fused parent (`a && b ? 8 : 0`); the node's own form
        // stays the closures', which measured faster for a comprehension's
        // predicate (its tree's calls retained their nodes).
        var node = CompiledNode.bool(general)
        node.fusedCondition = FusedLogical(isAnd: isAnd, compiledLeft.asFusedCondition, compiledRight.asFusedCondition)
        return fold([compiledLeft, compiledRight], node)
    }

    func compileConditional(_ condition: CheckedExpr, _ then: CheckedExpr, _ otherwise: CheckedExpr, type: ExprType)
        -> CompiledNode
    {
        let compiledCondition = compile(condition)
        let compiledThen = compile(then)
        let compiledOtherwise = compile(otherwise)
        if case .bool(let flag)? = compiledCondition.constant {
            return flag ? compiledThen : compiledOtherwise
        }
        let conditionText = text(condition.span)
        /// The result for a condition that is not a bool.
        @Sendable func unsettled(_ value: Value) -> Value {
            switch value {
            case .null: return nullOperand(conditionText, condition.span)
            case .error: return value
            default:
                return .error(
                    EvalError("the condition of '? :' must be bool, got \(value.typeName)", at: condition.span))
            }
        }
        let test = compiledCondition.asBool
        switch type {
        case .bool:
            let thenBool = compiledThen.asBool
            let otherwiseBool = compiledOtherwise.asBool
            return .bool { activation in
                guard let flag = test(activation) else { return activation.escape(unsettled(activation.takeEscaped())) }
                return flag ? thenBool(activation) : otherwiseBool(activation)
            }
        case .int, .double:
            let thenNumber = NumberSource(compiledThen, field: fieldReference(then))
            let otherwiseNumber = NumberSource(compiledOtherwise, field: fieldReference(otherwise))
            let general: NumberEvaluator = { activation in
                guard let flag = test(activation) else { return activation.escape(unsettled(activation.takeEscaped())) }
                return flag ? thenNumber.read(activation) : otherwiseNumber.read(activation)
            }
            guard !traced else { return .number(general) }
            let condition = compiledCondition.asFusedCondition
            let tree: FusedNumber =
                if let thenValue = compiledThen.constantNumber, let otherwiseValue = compiledOtherwise.constantNumber {
                    FusedChoiceOfConstants(condition, thenValue, otherwiseValue)
                } else {
                    FusedChoice(condition, compiledThen.asFusedNumber, compiledOtherwise.asFusedNumber)
                }
            return .number(fusing: tree, general: general)
        default:
            let evaluateThen = compiledThen.evaluate
            let evaluateOtherwise = compiledOtherwise.evaluate
            return CompiledNode(evaluate: { activation in
                guard let flag = test(activation) else { return unsettled(activation.takeEscaped()) }
                return flag ? evaluateThen(activation) : evaluateOtherwise(activation)
            })
        }
    }

    func compileArithmetic(_ operation: BinaryOperator, _ left: CheckedExpr, _ right: CheckedExpr, span: Span)
        -> CompiledNode
    {
        let compiledLeft = compile(left)
        let compiledRight = compile(right)
        let evaluateLeft = compiledLeft.evaluate
        let evaluateRight = compiledRight.evaluate
        let leftText = text(left.span)
        let rightText = text(right.span)
        let apply: @Sendable (Value, Value) -> Value =
            switch operation {
            case .add: Arithmetic.add
            case .subtract: Arithmetic.subtract
            case .multiply: Arithmetic.multiply
            case .divide: Arithmetic.divide
            default: Arithmetic.remainder
            }
        @Sendable func general(_ leftValue: Value, _ rightValue: Value) -> Value {
            if case .error = leftValue { return leftValue }
            if case .error = rightValue { return rightValue }
            if case .null = leftValue { return nullOperand(leftText, left.span) }
            if case .null = rightValue { return nullOperand(rightText, right.span) }
            return attach(apply(leftValue, rightValue), span)
        }
        if left.type.isNumber, right.type.isNumber {
            let operands = numberOperands(left, compiledLeft, right, compiledRight)
            let generalNumber: NumberEvaluator = { activation in
                /// The general result as the number form gives it.
                func settle(_ leftValue: Value, _ rightValue: Value) -> Number? {
                    let value = general(leftValue, rightValue)
                    return Number(value) ?? activation.escape(value)
                }
                return operands.read(activation, general: settle) { leftValue, rightValue in
                    operation.apply(leftValue, rightValue) ?? settle(leftValue.value, rightValue.value)
                }
            }
            guard !traced else { return fold([compiledLeft, compiledRight], .number(generalNumber)) }
            let tree: FusedNumber =
                if let constant = compiledRight.constantNumber {
                    FusedArithmeticWithConstant(operation, compiledLeft.asFusedNumber, constant)
                } else {
                    FusedArithmetic(operation, compiledLeft.asFusedNumber, compiledRight.asFusedNumber)
                }
            return fold([compiledLeft, compiledRight], .number(fusing: tree, general: generalNumber))
        }
        if let constant = compiledRight.constant, compiledLeft.constant == nil {
            return CompiledNode(evaluate: { general(evaluateLeft($0), constant) })
        }
        return fold([compiledLeft, compiledRight]) { general(evaluateLeft($0), evaluateRight($0)) }
    }
}

extension BinaryOperator {
    /// `+ - * / %` on two numbers as `Arithmetic` computes them; nil where
    /// the result is an error (overflow, division by zero), which the
    /// general path then builds.
    @inline(__always)
    func apply(_ left: Number, _ right: Number) -> Number? {
        if case .int(let a) = left, case .int(let b) = right {
            switch self {
            case .add:
                let (sum, overflow) = a.addingReportingOverflow(b)
                return overflow ? nil : .int(sum)
            case .subtract:
                let (difference, overflow) = a.subtractingReportingOverflow(b)
                return overflow ? nil : .int(difference)
            case .multiply:
                let (product, overflow) = a.multipliedReportingOverflow(by: b)
                return overflow ? nil : .int(product)
            case .divide: return b == 0 ? nil : .double(Double(a) / Double(b))
            default: return b == 0 || b == -1 ? nil : .int(a % b)
            }
        }
        let a = left.asDouble
        let b = right.asDouble
        switch self {
        case .add: return .double(a + b)
        case .subtract: return .double(a - b)
        case .multiply: return .double(a * b)
        case .divide: return b == 0 ? nil : .double(a / b)
        default: return nil
        }
    }
}
