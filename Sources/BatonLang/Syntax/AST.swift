/// A parsed expression: an immutable value tree in which every node carries
/// the span of source text it was parsed from.
///
/// Macros (`has`, `all`, `exists`, `exists_one`, `map`, `filter`, `count`,
/// `sum`) are parsed as ordinary calls; the checker recognises them.
public struct Expr: Sendable, Hashable {
    public var kind: ExprKind
    public var span: Span

    public init(_ kind: ExprKind, _ span: Span) {
        self.kind = kind
        self.span = span
    }
}

/// The shape of an expression node.
public indirect enum ExprKind: Sendable, Hashable {
    case literal(Literal)
    /// A bare name: `lead`, `now`, a comprehension variable.
    case identifier(String)
    /// `operand.field`, or `operand?.field` when `optional`.
    case select(operand: Expr, field: String, optional: Bool, fieldSpan: Span)
    /// `function(args)` when `receiver` is nil, else `receiver.function(args)`
    /// (`receiver?.function(args)` when `optional`).
    case call(receiver: Expr?, function: String, args: [Expr], optional: Bool, nameSpan: Span)
    /// `operand[index]`.
    case index(operand: Expr, index: Expr)
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `condition ? then : otherwise`.
    case conditional(Expr, Expr, Expr)
    case list([Expr])
    case map([MapEntry])
}

/// One `key: value` entry of a map literal.
public struct MapEntry: Sendable, Hashable {
    public var key: Expr
    public var value: Expr

    public init(key: Expr, value: Expr) {
        self.key = key
        self.value = value
    }
}

/// A literal value written in the source.
public enum Literal: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case duration(TimeDuration)
}

/// Prefix operators. `!` and `not` mean the same and differ only in
/// precedence, which the parser has already applied.
public enum UnaryOperator: String, Sendable, Hashable {
    case not = "!"
    case negate = "-"
}

/// Infix operators, with the spelling used when printing them.
public enum BinaryOperator: String, Sendable, Hashable {
    case or = "||"
    case and = "&&"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in` = "in"
    case notIn = "not in"
    case coalesce = "??"
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case remainder = "%"
}
