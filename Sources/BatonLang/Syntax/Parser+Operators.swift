/// The conditional, the infix operators by precedence climbing, and prefix operators.
extension ExpressionParser {
    /// `expr = or [ "?" expr ":" expr ]`, right-associative.
    mutating func parseExpression() -> Expr {
        let condition = parseInfix(atLeast: .or)
        guard isPunctuation(.question) else { return condition }
        let questionSpan = advance()
        guard enterNesting(at: questionSpan) else { return condition }
        defer { depth -= 1 }
        let then = parseExpression()
        guard consume(.colon) != nil else {
            expectedColon(matching: questionSpan)
            let missing = errorNode(at: .at(currentSpan.start))
            return Expr(.conditional(condition, then, missing), condition.span.union(then.span))
        }
        let otherwise = parseExpression()
        return Expr(.conditional(condition, then, otherwise), condition.span.union(otherwise.span))
    }

    /// Every infix operator binding at least as tight as `minimum`, and the
    /// word `not`, by precedence climbing over `OperatorTable`.
    mutating func parseInfix(atLeast minimum: OperatorTable.Precedence) -> Expr {
        var left: Expr
        if case .keyword(.not) = tokens[position].kind, minimum <= .not {
            left = parseWordNot()
        } else {
            left = parseUnary()
        }
        var chainLength = 0
        defer { depth -= chainLength }
        var previousRelation = false
        while let infix = OperatorTable.infixOperator(currentKind, followedBy: kind(ahead: 1)),
            infix.precedence >= minimum
        {
            var operatorSpan = advance()
            if infix.tokenCount == 2 { operatorSpan = operatorSpan.union(advance()) }
            if infix.associativity == .none {
                if previousRelation { reportChainedComparison(infix.binaryOperator, at: operatorSpan) }
                previousRelation = true
            } else {
                previousRelation = false
            }
            guard enterNesting(at: operatorSpan) else { return left }
            chainLength += 1
            let rightMinimum = infix.associativity == .right ? infix.precedence : infix.precedence.tighter
            let right = parseInfix(atLeast: rightMinimum)
            left = Expr(.binary(infix.binaryOperator, left, right), left.span.union(right.span))
        }
        return left
    }

    /// `"not" not`: the word form, whose operand may hold comparisons.
    private mutating func parseWordNot() -> Expr {
        let notSpan = advance()
        guard enterNesting(at: notSpan) else { return errorNode(at: notSpan) }
        defer { depth -= 1 }
        let operand = parseInfix(atLeast: .not)
        return Expr(.unary(.not, operand), notSpan.union(operand.span))
    }

    private mutating func reportChainedComparison(_ binaryOperator: BinaryOperator, at span: Span) {
        error(
            DiagnosticCode.nonAssociative,
            "'\(binaryOperator.rawValue)' cannot follow another comparison;"
                + " use 'and' to join two comparisons, or parentheses to compare a comparison's result",
            at: span)
    }

    private mutating func expectedColon(matching questionSpan: Span) {
        expected("':' to match '?' at \(lineAndColumn(of: questionSpan.start))")
    }

    /// `unary = ("!" | "-") unary | postfix`.
    mutating func parseUnary() -> Expr {
        guard let unaryOperator = OperatorTable.tightPrefixOperator(currentKind) else {
            return parsePostfix()
        }
        let operatorSpan = advance()
        guard enterNesting(at: operatorSpan) else { return errorNode(at: operatorSpan) }
        defer { depth -= 1 }
        if unaryOperator == .negate, let literal = negativeLiteral(minusSpan: operatorSpan) {
            return literal
        }
        let operand = parseUnary()
        return Expr(.unary(unaryOperator, operand), operatorSpan.union(operand.span))
    }

    /// A minus directly applied to a number literal is part of the literal, so
    /// that `-9223372036854775808` is Int64.min (as in CEL).
    private mutating func negativeLiteral(minusSpan: Span) -> Expr? {
        switch kind(ahead: 1) {
        case .punctuation(.dot), .punctuation(.questionDot), .punctuation(.leftBracket),
            .punctuation(.leftParenthesis):
            // `-1.foo()` negates the result of the call.
            return nil
        default:
            break
        }
        let literal: Literal
        switch currentKind {
        case .integer(let magnitude):
            literal = .int(magnitude == Lexer.int64MinimumMagnitude ? Int64.min : -Int64(magnitude))
        case .double(let value):
            literal = .double(-value)
        case .duration(let duration):
            literal = .duration(TimeDuration(nanoseconds: -duration.nanoseconds))
        default:
            return nil
        }
        let span = minusSpan.union(advance())
        return Expr(.literal(literal), span)
    }
}
