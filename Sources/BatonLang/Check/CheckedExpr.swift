/// An expression after checking: every node typed, names resolved to slots,
/// built-ins and macros recognised. The compiler turns it into closures.
struct CheckedExpr: Sendable {
    let node: CheckedNode
    let type: ExprType
    let span: Span
}

/// The shape of a checked node.
indirect enum CheckedNode: Sendable {
    case constant(Value)
    /// An environment variable, by its slot in an `Activation` (`Activation.bind(_:toSlot:)`).
    case variable(slot: Int)
    /// The evaluation time.
    case now
    /// A comprehension variable, by its slot in `Activation.locals`.
    case local(slot: Int)
    /// A field of a record (by slot when the record type is known) or a map key.
    case select(CheckedExpr, field: String, slot: Int?, optional: Bool)
    /// `has(operand.field)`.
    case has(CheckedExpr, field: String, slot: Int?)
    case index(CheckedExpr, CheckedExpr)
    case not(CheckedExpr)
    case negate(CheckedExpr)
    case and(CheckedExpr, CheckedExpr)
    case or(CheckedExpr, CheckedExpr)
    case coalesce(CheckedExpr, CheckedExpr)
    /// `+ - * / %`.
    case arithmetic(BinaryOperator, CheckedExpr, CheckedExpr)
    /// `== != < <= > >=`.
    case comparison(BinaryOperator, CheckedExpr, CheckedExpr)
    /// `element in collection`, or `not in` when negated.
    case membership(CheckedExpr, CheckedExpr, negated: Bool)
    case conditional(CheckedExpr, CheckedExpr, CheckedExpr)
    case list([CheckedExpr])
    case map([CheckedMapEntry])
    /// A built-in call, arguments with the receiver first; `specialized`
    /// replaces the implementation when a constant argument allowed it.
    case call(BuiltinFunction, [CheckedExpr], optional: Bool, specialized: BuiltinImplementation?)
    case comprehension(Comprehension)
}

/// One entry of a checked map literal.
struct CheckedMapEntry: Sendable {
    let key: CheckedExpr
    let value: CheckedExpr
}

/// A checked macro that ranges over a list (or a map's keys).
struct Comprehension: Sendable {
    enum Kind: String, Sendable {
        case all, exists, existsOne = "exists_one", filter, map, count, sum
    }

    let kind: Kind
    let range: CheckedExpr
    /// The comprehension variable's slot in `Activation.locals`.
    let slot: Int
    /// The condition (`all`, `exists`, `exists_one`, `filter`, `count`, and
    /// the three-argument `map`).
    let predicate: CheckedExpr?
    /// The value computed per element (`map`, `sum`).
    let transform: CheckedExpr?
}
