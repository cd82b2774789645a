/// Compiling the logical, arithmetic and comparison operators and `? :`,
/// with fast paths for the operand types the checker proved.
extension Compiler {
    /// `&&` and `||`, absorbing an error (or null) on one side when the other
    /// side decides the result, in either order.
    func compileLogical(isAnd: Bool, _ left: CheckedExpr, _ right: CheckedExpr) -> CompiledNode {
        let compiledLeft = compile(left)
        let compiledRight = compile(right)
        let evaluateLeft = compiledLeft.evaluate
        let evaluateRight = compiledRight.evaluate
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
        return fold([compiledLeft, compiledRight]) { activation in
            let leftValue = evaluateLeft(activation)
            if case .bool(let flag) = leftValue, flag == decisive { return leftValue }
            let rightValue = evaluateRight(activation)
            if case .bool(let flag) = rightValue {
                if flag == decisive { return rightValue }
                if case .bool = leftValue { return rightValue }
            }
            let leftOutcome = asOutcome(leftValue, leftText, left.span)
            if case .error = leftOutcome { return leftOutcome }
            return asOutcome(rightValue, rightText, right.span)
        }
    }

    func compileConditional(_ condition: CheckedExpr, _ then: CheckedExpr, _ otherwise: CheckedExpr) -> CompiledNode {
        let compiledCondition = compile(condition)
        let compiledThen = compile(then)
        let compiledOtherwise = compile(otherwise)
        if case .bool(let flag)? = compiledCondition.constant {
            return flag ? compiledThen : compiledOtherwise
        }
        let evaluateCondition = compiledCondition.evaluate
        let evaluateThen = compiledThen.evaluate
        let evaluateOtherwise = compiledOtherwise.evaluate
        let conditionText = text(condition.span)
        return fold([compiledCondition]) { activation in
            let value = evaluateCondition(activation)
            switch value {
            case .bool(true): return evaluateThen(activation)
            case .bool(false): return evaluateOtherwise(activation)
            case .error: return value
            case .null: return nullOperand(conditionText, condition.span)
            default:
                return .error(EvalError("the condition of '? :' must be bool, got \(value.typeName)", at: condition.span))
            }
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
        if let constant = compiledRight.constant, compiledLeft.constant == nil {
            return CompiledNode(evaluate: { general(evaluateLeft($0), constant) })
        }
        return fold([compiledLeft, compiledRight]) { general(evaluateLeft($0), evaluateRight($0)) }
    }

    func compileComparison(_ operation: BinaryOperator, _ left: CheckedExpr, _ right: CheckedExpr, span: Span)
        -> CompiledNode
    {
        let compiledLeft = compile(left)
        let compiledRight = compile(right)
        let evaluateLeft = compiledLeft.evaluate
        let evaluateRight = compiledRight.evaluate
        let leftText = text(left.span)
        let rightText = text(right.span)
        let test: @Sendable (Int) -> Bool =
            switch operation {
            case .less: { $0 < 0 }
            case .lessOrEqual: { $0 <= 0 }
            case .greater: { $0 > 0 }
            case .greaterOrEqual: { $0 >= 0 }
            case .notEqual: { $0 != 0 }
            default: { $0 == 0 }
            }
        let isEquality = operation == .equal || operation == .notEqual
        let negated = operation == .notEqual
        @Sendable func general(_ leftValue: Value, _ rightValue: Value) -> Value {
            if case .error = leftValue { return leftValue }
            if case .error = rightValue { return rightValue }
            if isEquality { return .bool(leftValue.deepEquals(rightValue) != negated) }
            if case .null = leftValue { return nullOperand(leftText, left.span) }
            if case .null = rightValue { return nullOperand(rightText, right.span) }
            guard let order = leftValue.compare(rightValue) else {
                if case .double(let number) = leftValue, number.isNaN, rightValue.asDouble != nil { return .bool(false) }
                if case .double(let number) = rightValue, number.isNaN, leftValue.asDouble != nil { return .bool(false) }
                return .error(
                    EvalError(
                        "cannot compare \(leftValue.typeName) with \(rightValue.typeName) using '\(operation.rawValue)'",
                        at: span))
            }
            return .bool(test(order))
        }
        if compiledLeft.constant == nil, let constant = compiledRight.constant {
            switch constant {
            case .int(let bound):
                return CompiledNode(evaluate: { activation in
                    let value = evaluateLeft(activation)
                    if case .int(let number) = value {
                        return .bool(test(number < bound ? -1 : (number == bound ? 0 : 1)))
                    }
                    return general(value, constant)
                })
            case .string(let expected) where isEquality:
                return CompiledNode(evaluate: { activation in
                    let value = evaluateLeft(activation)
                    if case .string(let actual) = value { return .bool(sameScalars(actual, expected) != negated) }
                    return general(value, constant)
                })
            default:
                return CompiledNode(evaluate: { general(evaluateLeft($0), constant) })
            }
        }
        return fold([compiledLeft, compiledRight]) { general(evaluateLeft($0), evaluateRight($0)) }
    }

    func compileMembership(_ element: CheckedExpr, _ collection: CheckedExpr, negated: Bool, span: Span)
        -> CompiledNode
    {
        let compiledElement = compile(element)
        let compiledCollection = compile(collection)
        let evaluateElement = compiledElement.evaluate
        let evaluateCollection = compiledCollection.evaluate
        let collectionText = text(collection.span)
        @Sendable func general(_ value: Value, _ container: Value) -> Value {
            if case .error = value { return value }
            switch container {
            case .list(let elements):
                return .bool(elements.contains { $0.deepEquals(value) } != negated)
            case .map(let map):
                if case .string(let key) = value { return .bool((map[key] != nil) != negated) }
                return .bool(negated)
            case .error: return container
            case .null: return nullOperand(collectionText, collection.span)
            default:
                return .error(EvalError("'in' needs a list or map on its right, got \(container.typeName)", at: span))
            }
        }
        if compiledElement.constant == nil, let constant = compiledCollection.constant,
            let lookup = ConstantMembership(constant)
        {
            return CompiledNode(evaluate: { activation in
                let value = evaluateElement(activation)
                if let found = lookup.contains(value) { return .bool(found != negated) }
                return general(value, constant)
            })
        }
        if compiledElement.constant == nil, let constant = compiledCollection.constant {
            return CompiledNode(evaluate: { general(evaluateElement($0), constant) })
        }
        return fold([compiledElement, compiledCollection]) { activation in
            let value = evaluateElement(activation)
            if case .error = value { return value }
            return general(value, evaluateCollection(activation))
        }
    }
}

/// Membership in a constant list of strings or ints as a hash-set lookup.
struct ConstantMembership: Sendable {
    private let strings: Set<String>
    private let integers: Set<Int64>

    /// Nil when the list is not made only of strings, or only of ints (or
    /// holds strings that Swift would consider equal though their scalars differ).
    init?(_ constant: Value) {
        guard case .list(let elements) = constant, !elements.isEmpty else { return nil }
        var strings = Set<String>()
        var integers = Set<Int64>()
        for element in elements {
            switch element {
            case .string(let text):
                let (inserted, existing) = strings.insert(text)
                if !inserted && !sameScalars(existing, text) { return nil }
            case .int(let number): integers.insert(number)
            default: return nil
            }
        }
        guard strings.isEmpty || integers.isEmpty else { return nil }
        self.strings = strings
        self.integers = integers
    }

    /// Whether the value is in the list; nil when the set cannot tell (the
    /// general path decides then).
    @inline(__always)
    func contains(_ value: Value) -> Bool? {
        switch value {
        case .string(let text):
            guard let index = strings.firstIndex(of: text) else { return false }
            return sameScalars(strings[index], text)
        case .int(let number): return integers.contains(number)
        case .null: return false
        default: return nil
        }
    }
}
