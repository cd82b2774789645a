/// Number expressions fused into one tree, evaluated by one overridden
/// method call per node instead of a closure call (and its context thunk)
/// per node: `lead.employees / 100 * 2.5 + (lead.revenue > 1000000 ? 10 : 0)`,
/// a sum of `cond ? 15 : 0` rules, with the field tests and `&&`/`||` of
/// their conditions. Sub-expressions without a fused form are leaves that
/// call their typed form.
///
/// A tree gives only the results its fast paths can give: nil whenever a
/// leaf meets anything else (null, an error, another type, an overflow or a
/// division by zero). The node's general form then evaluates it again from
/// the start and builds exactly the value or error it always did. Evaluation
/// is pure but for the step count, which is put back before the second
/// evaluation so that the budget counts each step once.

/// A node of a bool-valued tree; see the file's comment. Classes with an
/// overridden method rather than an indirect enum: switching over an enum's
/// boxed payloads retained them, which cost more than the closures saved.
class FusedCondition: @unchecked Sendable {
    /// The verdict when every leaf it needs gives one, else nil.
    func test(_ activation: Activation) -> Bool? { nil }
}

/// `left && right` or `left || right`.
final class FusedLogical: FusedCondition, @unchecked Sendable {
    let left: FusedCondition
    let right: FusedCondition
    /// The left verdict that decides alone: false for `&&`, true for `||`.
    let decisive: Bool

    init(isAnd: Bool, _ left: FusedCondition, _ right: FusedCondition) {
        (self.left, self.right, self.decisive) = (left, right, !isAnd)
    }

    override func test(_ activation: Activation) -> Bool? {
        guard let flag = left.test(activation) else { return nil }
        return flag == decisive ? flag : right.test(activation)
    }
}

/// A sub-expression without a fused form: its bool form.
final class FusedBoolForm: FusedCondition, @unchecked Sendable {
    let form: BoolEvaluator

    init(_ form: @escaping BoolEvaluator) { self.form = form }

    override func test(_ activation: Activation) -> Bool? { form(activation) }
}

/// A node of a number-valued tree; see the file's comment.
class FusedNumber: @unchecked Sendable {
    /// The number when every leaf it needs gives one and no operation fails, else nil.
    func value(_ activation: Activation) -> Number? { nil }

    /// The tree's number, or `general`'s when the tree cannot give it.
    @inline(__always)
    final func evaluate(_ activation: Activation, orElse general: NumberEvaluator) -> Number? {
        let steps = activation.steps
        if let number = value(activation) { return number }
        activation.steps = steps
        return general(activation)
    }
}

final class FusedConstant: FusedNumber, @unchecked Sendable {
    let number: Number

    init(_ number: Number) { self.number = number }

    override func value(_ activation: Activation) -> Number? { number }
}

final class FusedField: FusedNumber, @unchecked Sendable {
    let field: FieldReference

    init(_ field: FieldReference) { self.field = field }

    override func value(_ activation: Activation) -> Number? { field.number(activation) }
}

/// `left op right` for `+ - * / %`.
final class FusedArithmetic: FusedNumber, @unchecked Sendable {
    let operation: BinaryOperator
    let left: FusedNumber
    let right: FusedNumber

    init(_ operation: BinaryOperator, _ left: FusedNumber, _ right: FusedNumber) {
        (self.operation, self.left, self.right) = (operation, left, right)
    }

    override func value(_ activation: Activation) -> Number? {
        guard let leftNumber = left.value(activation), let rightNumber = right.value(activation) else { return nil }
        return operation.apply(leftNumber, rightNumber)
    }
}

/// `left op constant`, the constant read without a call (`lead.employees / 100`).
final class FusedArithmeticWithConstant: FusedNumber, @unchecked Sendable {
    let operation: BinaryOperator
    let left: FusedNumber
    let right: Number

    init(_ operation: BinaryOperator, _ left: FusedNumber, _ right: Number) {
        (self.operation, self.left, self.right) = (operation, left, right)
    }

    override func value(_ activation: Activation) -> Number? {
        guard let leftNumber = left.value(activation) else { return nil }
        return operation.apply(leftNumber, right)
    }
}

/// `condition ? then : otherwise`.
final class FusedChoice: FusedNumber, @unchecked Sendable {
    let condition: FusedCondition
    let then: FusedNumber
    let otherwise: FusedNumber

    init(_ condition: FusedCondition, _ then: FusedNumber, _ otherwise: FusedNumber) {
        (self.condition, self.then, self.otherwise) = (condition, then, otherwise)
    }

    override func value(_ activation: Activation) -> Number? {
        guard let flag = condition.test(activation) else { return nil }
        return flag ? then.value(activation) : otherwise.value(activation)
    }
}

/// `condition ? then : otherwise` with two constants, the shape of a scoring rule (`cond ? 15 : 0`).
final class FusedChoiceOfConstants: FusedNumber, @unchecked Sendable {
    let condition: FusedCondition
    let then: Number
    let otherwise: Number

    init(_ condition: FusedCondition, _ then: Number, _ otherwise: Number) {
        (self.condition, self.then, self.otherwise) = (condition, then, otherwise)
    }

    override func value(_ activation: Activation) -> Number? {
        guard let flag = condition.test(activation) else { return nil }
        return flag ? then : otherwise
    }
}

/// A sub-expression without a fused form: its number form.
final class FusedNumberForm: FusedNumber, @unchecked Sendable {
    let form: NumberEvaluator

    init(_ form: @escaping NumberEvaluator) { self.form = form }

    override func value(_ activation: Activation) -> Number? { form(activation) }
}

extension CompiledNode {
    /// A node with a number form that tries `tree` first, then `general`.
    static func number(fusing tree: FusedNumber, general: @escaping NumberEvaluator) -> CompiledNode {
        var node = CompiledNode.number { activation in tree.evaluate(activation, orElse: general) }
        node.fusedNumber = tree
        return node
    }

    /// The node as a leaf or branch of a condition tree.
    var asFusedCondition: FusedCondition { fusedCondition ?? FusedBoolForm(asBool) }

    /// The node's number when it is a constant one.
    var constantNumber: Number? { constant.flatMap(Number.init) }

    /// The node as a leaf or branch of a number tree.
    var asFusedNumber: FusedNumber {
        if let fusedNumber { return fusedNumber }
        if let constant, let number = Number(constant) { return FusedConstant(number) }
        return FusedNumberForm(asNumber)
    }
}
