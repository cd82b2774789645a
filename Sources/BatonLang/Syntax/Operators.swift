/// The one operator table of the expression language, lowest precedence first
/// (language.md, "Grammar and precedence"); the parser is driven by it.
enum OperatorTable {
    /// Binding strength of infix levels and of the word `not`; higher binds tighter.
    enum Precedence: Int, Comparable {
        case conditional = 0
        case or = 1
        case and = 2
        /// The word `not`: looser than comparisons, tighter than `and`.
        case not = 3
        case relation = 4
        case coalesce = 5
        case additive = 6
        case multiplicative = 7
        /// Above every infix operator: only a prefix or postfix expression.
        case unary = 8

        static func < (a: Precedence, b: Precedence) -> Bool { a.rawValue < b.rawValue }

        /// The next tighter level.
        var tighter: Precedence { Precedence(rawValue: rawValue + 1) ?? .unary }
    }

    enum Associativity {
        case left, right
        /// `a < b < c` is an error.
        case none
    }

    /// An infix operator as written: which AST operator, how it binds, and how
    /// many tokens spell it (`not in` takes two).
    struct InfixOperator {
        let binaryOperator: BinaryOperator
        let precedence: Precedence
        let associativity: Associativity
        let tokenCount: Int
    }

    /// The infix operator spelled by `first` (and `second`, for `not in`), if any.
    static func infixOperator(_ first: TokenKind, followedBy second: TokenKind) -> InfixOperator? {
        switch first {
        case .punctuation(let punctuation):
            switch punctuation {
            case .pipePipe:
                return InfixOperator(binaryOperator: .or, precedence: .or, associativity: .left, tokenCount: 1)
            case .ampersandAmpersand:
                return InfixOperator(binaryOperator: .and, precedence: .and, associativity: .left, tokenCount: 1)
            case .equalEqual: return relation(.equal)
            case .bangEqual: return relation(.notEqual)
            case .less: return relation(.less)
            case .lessEqual: return relation(.lessOrEqual)
            case .greater: return relation(.greater)
            case .greaterEqual: return relation(.greaterOrEqual)
            case .questionQuestion:
                return InfixOperator(
                    binaryOperator: .coalesce, precedence: .coalesce, associativity: .right, tokenCount: 1)
            case .plus: return additive(.add)
            case .minus: return additive(.subtract)
            case .star: return multiplicative(.multiply)
            case .slash: return multiplicative(.divide)
            case .percent: return multiplicative(.remainder)
            default: return nil
            }
        case .keyword(let keyword):
            switch keyword {
            case .or: return InfixOperator(binaryOperator: .or, precedence: .or, associativity: .left, tokenCount: 1)
            case .and: return InfixOperator(binaryOperator: .and, precedence: .and, associativity: .left, tokenCount: 1)
            case .in: return relation(.in)
            case .not:
                guard case .keyword(.in) = second else { return nil }
                return InfixOperator(binaryOperator: .notIn, precedence: .relation, associativity: .none, tokenCount: 2)
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The prefix operator that binds tight (`!` and `-`), if `token` is one.
    static func tightPrefixOperator(_ token: TokenKind) -> UnaryOperator? {
        switch token {
        case .punctuation(.bang): .not
        case .punctuation(.minus): .negate
        default: nil
        }
    }

    private static func relation(_ binaryOperator: BinaryOperator) -> InfixOperator {
        InfixOperator(binaryOperator: binaryOperator, precedence: .relation, associativity: .none, tokenCount: 1)
    }

    private static func additive(_ binaryOperator: BinaryOperator) -> InfixOperator {
        InfixOperator(binaryOperator: binaryOperator, precedence: .additive, associativity: .left, tokenCount: 1)
    }

    private static func multiplicative(_ binaryOperator: BinaryOperator) -> InfixOperator {
        InfixOperator(binaryOperator: binaryOperator, precedence: .multiplicative, associativity: .left, tokenCount: 1)
    }
}
