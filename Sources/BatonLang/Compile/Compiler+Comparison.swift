/// Compiling `== != < <= > >=` and `in`, with bool forms whose fast paths
/// the checked operand types choose: numbers compared natively, strings
/// compared by bytes with a constant, constant lists looked up as sets.
extension Compiler {
    func compileComparison(_ operation: BinaryOperator, _ left: CheckedExpr, _ right: CheckedExpr, span: Span)
        -> CompiledNode
    {
        let compiledLeft = compile(left)
        let compiledRight = compile(right)
        let evaluateLeft = compiledLeft.evaluate
        let evaluateRight = compiledRight.evaluate
        let leftText = text(left.span)
        let rightText = text(right.span)
        let isEquality = operation == .equal || operation == .notEqual
        let negated = operation == .notEqual
        @Sendable func general(_ leftValue: Value, _ rightValue: Value) -> Value {
            if case .error = leftValue { return leftValue }
            if case .error = rightValue { return rightValue }
            if isEquality { return .bool(leftValue.deepEquals(rightValue) != negated) }
            if case .null = leftValue { return nullOperand(leftText, left.span) }
            if case .null = rightValue { return nullOperand(rightText, right.span) }
            guard let order = leftValue.compare(rightValue) else {
                if case .double(let number) = leftValue, number.isNaN, rightValue.asDouble != nil {
                    return .bool(false)
                }
                if case .double(let number) = rightValue, number.isNaN, leftValue.asDouble != nil {
                    return .bool(false)
                }
                return .error(
                    EvalError(
                        "cannot compare \(leftValue.typeName) with \(rightValue.typeName) using '\(operation.rawValue)'",
                        at: span))
            }
            return .bool(operation.holds(order, 0))
        }
        /// The general verdict as the bool form gives it.
        @Sendable func settle(_ leftValue: Value, _ rightValue: Value, _ activation: Activation) -> Bool? {
            let value = general(leftValue, rightValue)
            if case .bool(let flag) = value { return flag }
            return activation.escape(value)
        }
        let varyingLeft = compiledLeft.constant == nil
        if left.type.isNumber, right.type.isNumber, varyingLeft, let constant = compiledRight.constant,
            let bound = Number(constant)
        {
            return numberComparedWithConstant(operation, compiledLeft, fieldWithDefault(left), bound, settle)
        }
        if left.type.isNumber, right.type.isNumber {
            let operands = numberOperands(left, compiledLeft, right, compiledRight)
            return fold(
                [compiledLeft, compiledRight],
                .bool { activation in
                    operands.read(activation, general: { settle($0, $1, activation) }) { leftValue, rightValue in
                        switch (leftValue, rightValue) {
                        case (.int(let a), .int(let b)): operation.holds(a, b)
                        case (.double(let a), .double(let b)): operation.holds(a, b)
                        default: settle(leftValue.value, rightValue.value, activation)
                        }
                    }
                })
        }
        if let shape = timeFromNow(left, right, compiledRight.constant) {
            let comparison = FieldTimeFromNow(
                field: shape.field, operation: operation, shape: shape.shape,
                fallback: { settle(evaluateLeft($0), evaluateRight($0), $0) })
            var node = CompiledNode.bool { activation in comparison.verdict(activation) }
            node.fusedCondition = comparison
            return node
        }
        if varyingLeft, let constant = compiledRight.constant {
            if isEquality,
                let entry = tableEntryTest(
                    left, equalTo: constant, negated: negated, fallback: { settle(evaluateLeft($0), constant, $0) })
            {
                var node = CompiledNode.bool { activation in entry.verdict(activation) }
                node.fusedCondition = entry
                return node
            }
            if case .string(let expected) = constant, isEquality, let field = fieldReference(left) {
                // One closure for the rare cases keeps the hot closure's captures few.
                let fallback: BoolEvaluator = { settle(evaluateLeft($0), constant, $0) }
                let comparison = FieldEqualToString(
                    field: field, expected: expected, negated: negated, fallback: fallback)
                var node = CompiledNode.bool { activation in comparison.verdict(activation) }
                node.fusedCondition = comparison
                return node
            }
            if case .bool(let expected) = constant, isEquality, let field = fieldReference(left) {
                let comparison = FieldEqualToBool(
                    field: field, expected: expected, negated: negated,
                    fallback: { settle(evaluateLeft($0), constant, $0) })
                var node = CompiledNode.bool { activation in comparison.verdict(activation) }
                node.fusedCondition = comparison
                return node
            }
            if case .string(let expected) = constant, isEquality {
                return .bool { activation in
                    let value = evaluateLeft(activation)
                    if case .string(let actual) = value { return sameScalars(actual, expected) != negated }
                    return settle(value, constant, activation)
                }
            }
            if let time = timeComparedWithConstant(operation, evaluateLeft, constant, settle) { return time }
            return CompiledNode(evaluate: { general(evaluateLeft($0), constant) })
        }
        return fold([compiledLeft, compiledRight]) { general(evaluateLeft($0), evaluateRight($0)) }
    }

    /// A number compared with a constant: an int constant that a double
    /// holds exactly is compared as a double too, so that a double field
    /// compares natively with `50000000`. A field is read in place, with its
    /// default when it has one (`(lead.employees ?? 0) >= 1000`).
    private func numberComparedWithConstant(
        _ operation: BinaryOperator, _ left: CompiledNode,
        _ field: (field: FieldReference, whenNull: Value?)?, _ bound: Number,
        _ settle: @escaping @Sendable (Value, Value, Activation) -> Bool?
    ) -> CompiledNode {
        let constant = bound.value
        let intLimit: Int64?
        let doubleLimit: Double?
        switch bound {
        case .int(let limit):
            intLimit = limit
            doubleLimit = limit.magnitude <= 1 << 53 ? Double(limit) : nil
        case .double(let limit):
            intLimit = nil
            doubleLimit = limit
        }
        /// The verdict on a number, nil where only the general comparison can give it.
        @inline(__always) @Sendable func decide(_ number: Number) -> Bool? {
            switch number {
            case .int(let value): intLimit.map { operation.holds(value, $0) }
            case .double(let value): doubleLimit.map { operation.holds(value, $0) }
            }
        }
        let evaluateLeft = left.evaluate
        if let (field, whenNull) = field {
            let comparison = FieldComparedWithNumber(
                field: field, operation: operation, intLimit: intLimit, doubleLimit: doubleLimit,
                nullVerdict: whenNull.flatMap(Number.init).flatMap(decide),
                fallback: { settle(evaluateLeft($0), constant, $0) })
            var node = CompiledNode.bool { activation in comparison.verdict(activation) }
            node.fusedCondition = comparison
            return node
        }
        let leftNumber = left.asNumber
        return .bool { activation in
            guard let number = leftNumber(activation) else {
                return settle(activation.takeEscaped(), constant, activation)
            }
            return decide(number) ?? settle(number.value, constant, activation)
        }
    }

    /// The field an `in` reads in place: `lead.x`, `(lead.x ?? "")`, or
    /// either lower-cased or its domain taken (when `lookup` compares its
    /// strings in turn); and whether what a null field stands for is in the
    /// list (nil: the general path tells, as for `lower(null)`).
    private func fieldLookedUp(_ element: CheckedExpr, in lookup: ConstantMembership)
        -> (field: FieldReference, key: FieldInConstant.Key, nullFound: Bool?)?
    {
        if case .call(let function, let arguments, false, nil) = element.node,
            let key = FieldInConstant.Key(function: function.name), arguments.count == 1, lookup.comparesInTurn
        {
            guard let (field, whenNull) = fieldWithDefault(arguments[0]) else { return nil }
            switch whenNull {
            case nil: return (field, key, nil)
            case .string(let text)?: return (field, key, lookup.contains(key.of(text)))
            default: return nil
            }
        }
        guard let (field, whenNull) = fieldWithDefault(element) else { return nil }
        return (field, .value, lookup.contains(whenNull ?? .null))
    }

    /// `table[field] == constant` (or `!=`) for a table read when compiling
    /// whose keys are all ASCII, and a constant other than null (which a
    /// missing key would equal): the keys whose entry equals the constant,
    /// worked out now (see `FieldTableEntryTest`); nil for anything else.
    private func tableEntryTest(
        _ left: CheckedExpr, equalTo constant: Value, negated: Bool, fallback: @escaping BoolEvaluator
    ) -> FieldTableEntryTest? {
        if case .null = constant { return nil }
        guard case .index(let operand, let index) = left.node, case .map(let table)? = knownValue(operand),
            let field = fieldReference(index), ASCIIKeyTable(table) != nil
        else { return nil }
        let matching = table.keys.filter { table[$0]?.deepEquals(constant) == true }
        return FieldTableEntryTest(
            field: field, matchingKeys: ASCIIKeyTable(MapValue(matching.map { ($0, .bool(true)) })), negated: negated,
            fallback: fallback)
    }

    /// The field and shape of a timestamp field compared with a time a
    /// constant duration from `now` (`now - e.at <= 30d`, `e.at >= now - 7d`),
    /// when the comparison is one; `constant` is the right side's value.
    private func timeFromNow(_ left: CheckedExpr, _ right: CheckedExpr, _ constant: Value?)
        -> (field: FieldReference, shape: FieldTimeFromNow.Shape)?
    {
        if case .duration(let bound)? = constant, case .arithmetic(.subtract, let start, let end) = left.node,
            case .now = start.node, let field = fieldReference(end)
        {
            return (field, .elapsedSince(bound: bound))
        }
        guard let field = fieldReference(left),
            case .arithmetic(let operation, let start, let moved) = right.node,
            case .now = start.node, case .constant(.duration(let duration)) = moved.node
        else { return nil }
        switch operation {
        case .add: return (field, .comparedWithNow(offset: duration))
        // The general path's error for negating the most negative duration stays its own.
        case .subtract where duration.nanoseconds != .min:
            return (field, .comparedWithNow(offset: TimeDuration(nanoseconds: -duration.nanoseconds)))
        default: return nil
        }
    }

    /// A duration or timestamp compared with a constant of its kind
    /// (`now - e.at <= 30d`): compared natively, anything else generally.
    private func timeComparedWithConstant(
        _ operation: BinaryOperator, _ evaluateLeft: @escaping Evaluator, _ constant: Value,
        _ settle: @escaping @Sendable (Value, Value, Activation) -> Bool?
    ) -> CompiledNode? {
        switch constant {
        case .duration(let bound):
            return .bool { activation in
                let value = evaluateLeft(activation)
                if case .duration(let actual) = value { return operation.holds(actual, bound) }
                return settle(value, constant, activation)
            }
        case .timestamp(let bound):
            return .bool { activation in
                let value = evaluateLeft(activation)
                if case .timestamp(let actual) = value { return operation.holds(actual, bound) }
                return settle(value, constant, activation)
            }
        default:
            return nil
        }
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
        // A table (`tables.free_email_domains`) is looked up as a constant is.
        let fixedCollection = compiledCollection.constant ?? knownValue(collection)
        if compiledElement.constant == nil, let constant = fixedCollection, let lookup = ConstantMembership(constant) {
            if let (field, key, nullFound) = fieldLookedUp(element, in: lookup) {
                let membership = FieldInConstant(
                    field: field, lookup: lookup, negated: negated, key: key, nullFound: nullFound,
                    fallback: { settleBool(general(evaluateElement($0), constant), $0) })
                var node = CompiledNode.bool { activation in membership.verdict(activation) }
                node.fusedCondition = membership
                return node
            }
            return .bool { activation in
                let value = evaluateElement(activation)
                if let found = lookup.contains(value) { return found != negated }
                let outcome = general(value, constant)
                return settleBool(outcome, activation)
            }
        }
        if compiledElement.constant == nil, let constant = fixedCollection {
            return CompiledNode(evaluate: { general(evaluateElement($0), constant) })
        }
        return fold([compiledElement, compiledCollection]) { activation in
            let value = evaluateElement(activation)
            if case .error = value { return value }
            return general(value, evaluateCollection(activation))
        }
    }
}

extension BinaryOperator {
    /// Whether the comparison holds between two values of one ordered type
    /// (`==` for the equality operators, which NaN never satisfies).
    @inline(__always)
    func holds<Operand: Comparable>(_ left: Operand, _ right: Operand) -> Bool {
        switch self {
        case .less: left < right
        case .lessOrEqual: left <= right
        case .greater: left > right
        case .greaterOrEqual: left >= right
        case .notEqual: left != right
        default: left == right
        }
    }
}
