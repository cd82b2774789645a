/// Postfix steps, primaries, and the bracketed sequences (lists, maps, arguments).
extension ExpressionParser {
    /// `postfix = primary { "." IDENT [ args ] | "?." IDENT [ args ] | "[" expr "]" }`.
    ///
    /// The functions on the path of every nesting level keep few locals, so
    /// that the deepest accepted expression needs little stack, even in debug
    /// builds: the work with many locals is in functions that do not recurse.
    mutating func parsePostfix() -> Expr {
        let primary = parsePrimary()
        switch tokens[position].kind {
        case .punctuation(.dot), .punctuation(.questionDot), .punctuation(.leftBracket):
            return parsePostfixSteps(after: primary)
        default:
            return primary
        }
    }

    private mutating func parsePostfixSteps(after primary: Expr) -> Expr {
        var expr = primary
        var chainLength = 0
        defer { depth -= chainLength }
        while true {
            switch currentKind {
            case .punctuation(.dot), .punctuation(.questionDot):
                let optional = isPunctuation(.questionDot)
                let dotSpan = advance()
                guard enterNesting(at: dotSpan) else { return expr }
                chainLength += 1
                let name: String
                switch currentKind {
                case .identifier(let identifier), .reservedWord(let identifier):
                    name = identifier
                default:
                    expected(optional ? "a field name after '?.'" : "a field name after '.'")
                    return expr
                }
                let nameSpan = advance()
                if isPunctuation(.leftParenthesis) {
                    // The `.` step already counted this call's level.
                    let (arguments, closeSpan) = parseArguments(isNewLevel: false)
                    expr = Expr(
                        .call(receiver: expr, function: name, args: arguments, optional: optional, nameSpan: nameSpan),
                        expr.span.union(closeSpan))
                } else {
                    expr = Expr(
                        .select(operand: expr, field: name, optional: optional, fieldSpan: nameSpan),
                        expr.span.union(nameSpan))
                }
            case .punctuation(.leftBracket):
                let openSpan = advance()
                guard enterNesting(at: openSpan) else { return expr }
                chainLength += 1
                let index = parseExpression()
                guard let closeSpan = consume(.rightBracket) else {
                    expectedClosing("]", opener: "[", openedAt: openSpan.start)
                    return Expr(.index(operand: expr, index: index), expr.span.union(index.span))
                }
                expr = Expr(.index(operand: expr, index: index), expr.span.union(closeSpan))
            default:
                return expr
            }
        }
    }

    /// `primary = literal | IDENT [ args ] | "(" expr ")" | list | map`.
    mutating func parsePrimary() -> Expr {
        switch tokens[position].kind {
        case .punctuation(.leftParenthesis): parseParenthesized()
        case .punctuation(.leftBracket): parseList()
        case .punctuation(.leftBrace): parseMap()
        case .identifier: parseIdentifierOrCall()
        default: parseAtom()
        }
    }

    private mutating func parseIdentifierOrCall() -> Expr {
        let span = advance()
        guard case .identifier(let name) = tokens[position - 1].kind else { return errorNode(at: span) }
        guard isPunctuation(.leftParenthesis) else { return Expr(.identifier(name), span) }
        let (arguments, closeSpan) = parseArguments(isNewLevel: true)
        return Expr(
            .call(receiver: nil, function: name, args: arguments, optional: false, nameSpan: span),
            span.union(closeSpan))
    }

    /// A literal, or an error for a token that cannot start an operand.
    private mutating func parseAtom() -> Expr {
        let token = current
        switch token.kind {
        case .integer(let magnitude):
            advance()
            guard magnitude <= UInt64(Int64.max) else {
                error(
                    DiagnosticCode.numberOutOfRange,
                    "integer '\(String(decoding: bytes[token.span.start..<token.span.end], as: UTF8.self))' is out of range for a 64-bit int (at most 9223372036854775807)",
                    at: token.span)
                return errorNode(at: token.span)
            }
            return Expr(.literal(.int(Int64(magnitude))), token.span)
        case .double(let value):
            advance()
            return Expr(.literal(.double(value)), token.span)
        case .duration(let duration):
            advance()
            return Expr(.literal(.duration(duration)), token.span)
        case .string(let value):
            advance()
            return Expr(.literal(.string(value)), token.span)
        case .keyword(.true):
            advance()
            return Expr(.literal(.bool(true)), token.span)
        case .keyword(.false):
            advance()
            return Expr(.literal(.bool(false)), token.span)
        case .keyword(.null):
            advance()
            return Expr(.literal(.null), token.span)
        case .reservedWord(let word):
            advance()
            error(DiagnosticCode.reservedWord, "'\(word)' is reserved", at: token.span)
            return errorNode(at: token.span)
        case .invalid:
            advance()
            recovering = true
            return errorNode(at: token.span)
        case .keyword(.not):
            error(
                DiagnosticCode.syntax,
                "'not' cannot stand here: the word 'not' binds looser than comparisons and arithmetic;"
                    + " write '!' or put 'not …' in parentheses",
                at: token.span)
            return errorNode(at: token.span)
        default:
            expected("an expression")
            return errorNode(at: .at(token.span.start))
        }
    }

    private mutating func parseParenthesized() -> Expr {
        let openSpan = advance()
        guard enterNesting(at: openSpan) else { return errorNode(at: openSpan) }
        defer { depth -= 1 }
        let inner = parseExpression()
        guard let closeSpan = consume(.rightParenthesis) else {
            expectedClosing(")", opener: "(", openedAt: openSpan.start)
            return Expr(inner.kind, openSpan.union(inner.span))
        }
        // The node covers its parentheses, so carets under `(a + b) * c` start at `(`.
        return Expr(inner.kind, openSpan.union(closeSpan))
    }

    private mutating func parseList() -> Expr {
        let openSpan = advance()
        guard enterNesting(at: openSpan) else { return errorNode(at: openSpan) }
        defer { depth -= 1 }
        var elements: [Expr] = []
        let closeSpan = parseSequence(
            openSpan: openSpan, closer: .rightBracket, entryName: "list entry", pluralName: "list entries"
        ) { parser in
            elements.append(parser.parseExpression())
        }
        return Expr(.list(elements), openSpan.union(closeSpan))
    }

    private mutating func parseMap() -> Expr {
        let openSpan = advance()
        guard enterNesting(at: openSpan) else { return errorNode(at: openSpan) }
        defer { depth -= 1 }
        var entries: [MapEntry] = []
        let closeSpan = parseSequence(
            openSpan: openSpan, closer: .rightBrace, entryName: "map entry", pluralName: "map entries"
        ) { parser in
            let key = parser.parseExpression()
            guard parser.consume(.colon) != nil else {
                parser.expected("':' after map key")
                return
            }
            let value = parser.parseExpression()
            entries.append(MapEntry(key: key, value: value))
        }
        return Expr(.map(entries), openSpan.union(closeSpan))
    }

    /// `args = "(" [ expr { "," expr } [ "," ] ] ")"`, from the current `(`;
    /// returns the span of `)`, or of the last token read when it is missing.
    mutating func parseArguments(isNewLevel: Bool) -> (arguments: [Expr], closeSpan: Span) {
        let openSpan = advance()
        if isNewLevel {
            guard enterNesting(at: openSpan) else { return ([], openSpan) }
        }
        defer { if isNewLevel { depth -= 1 } }
        var arguments: [Expr] = []
        let closeSpan = parseSequence(
            openSpan: openSpan, closer: .rightParenthesis, entryName: "argument", pluralName: "arguments"
        ) { parser in
            arguments.append(parser.parseExpression())
        }
        return (arguments, closeSpan)
    }

    /// `[ entry { "," entry } [ "," ] ] closer`, after the opening bracket.
    /// After a broken entry, skips to the next `,` or the closer and goes on,
    /// so that later entries are checked too. Returns the closer's span, or
    /// that of the last token read when it is missing (reported).
    private mutating func parseSequence(
        openSpan: Span, closer: Punctuation, entryName: String, pluralName: String,
        parseEntry: (inout ExpressionParser) -> Void
    ) -> Span {
        var count = 0
        while true {
            if let closeSpan = consume(closer) { return closeSpan }
            if isAtEnd || abandoned {
                expectedClosing(closer.rawValue, opener: opening(openSpan), openedAt: openSpan.start)
                return lastReadSpan(after: openSpan)
            }
            count += 1
            if count == Parser.maximumEntries + 1 {
                reportTooManyEntries(pluralName)
            }
            parseEntry(&self)
            if abandoned { return lastReadSpan(after: openSpan) }
            if consume(.comma) != nil {
                recovering = false
                continue
            }
            if let closeSpan = consume(closer) {
                recovering = false
                return closeSpan
            }
            if isAtEnd {
                expectedClosing(closer.rawValue, opener: opening(openSpan), openedAt: openSpan.start)
                return lastReadSpan(after: openSpan)
            }
            expectedSeparator(closer, after: entryName)
            skipToSeparator(closer: closer)
            if consume(.comma) != nil {
                recovering = false
                continue
            }
            if let closeSpan = consume(closer) {
                recovering = false
                return closeSpan
            }
            return lastReadSpan(after: openSpan)
        }
    }

    /// Skips tokens up to a `,` or `closer` that is not inside brackets.
    private mutating func skipToSeparator(closer: Punctuation) {
        var nesting = 0
        while !isAtEnd {
            if case .punctuation(let punctuation) = currentKind {
                switch punctuation {
                case .comma where nesting == 0:
                    return
                case .leftBracket, .leftParenthesis, .leftBrace:
                    nesting += 1
                case .rightBracket, .rightParenthesis, .rightBrace:
                    if nesting == 0, punctuation == closer { return }
                    nesting = max(0, nesting - 1)
                default:
                    break
                }
            }
            advance()
        }
    }

    /// The span of the last token consumed (at least `floor`).
    private func lastReadSpan(after floor: Span) -> Span {
        position > 0 ? floor.union(tokens[position - 1].span) : floor
    }
}

/// Messages, kept out of the recursive functions so that their frames stay small.
extension ExpressionParser {
    /// Reports a missing closing bracket, naming where its opener was.
    mutating func expectedClosing(_ closer: String, opener: String, openedAt offset: Int) {
        expected("'\(closer)' to close '\(opener)' at \(lineAndColumn(of: offset))")
    }

    mutating func expectedSeparator(_ closer: Punctuation, after entryName: String) {
        expected("',' or '\(closer.rawValue)' after \(entryName)")
    }

    mutating func reportTooManyEntries(_ pluralName: String) {
        // Reported even while recovering: it is not a follow-on error.
        diagnostics.append(
            .error(
                DiagnosticCode.tooManyEntries, "too many \(pluralName): at most \(Parser.maximumEntries) are allowed",
                at: currentSpan))
    }

    /// The text of an opening bracket.
    func opening(_ span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
}
