/// The result of parsing an expression: the tree, or the problems found.
public struct ParseResult: Sendable {
    /// The parsed expression; nil when any error was found.
    public let expr: Expr?
    /// Every problem found, sorted by position (at most `Parser.maximumDiagnostics`).
    public let diagnostics: [Diagnostic]

    public init(expr: Expr?, diagnostics: [Diagnostic]) {
        self.expr = expr
        self.diagnostics = diagnostics
    }
}

/// Parses the text of an expression into an `Expr` (language.md, "Grammar and precedence").
///
/// Hand-written precedence climbing over `OperatorTable`. It never crashes or
/// overflows the stack on hostile input: nesting, length and the number of
/// entries written out are bounded, and each limit is a diagnostic at a span.
public enum Parser {
    /// The deepest nesting accepted: parentheses, brackets, calls, prefix
    /// operators, postfix steps and operator chains all count.
    public static let maximumDepth = 128
    /// The longest expression accepted, in UTF-8 bytes (64 KiB).
    public static let maximumLength = 65_536
    /// The most arguments, list entries or map entries written in one place.
    public static let maximumEntries = 512
    /// The most diagnostics reported for one expression.
    public static let maximumDiagnostics = 50

    /// Parses `source`; spans are UTF-8 offsets into it.
    public static func parse(_ source: String) -> ParseResult {
        let bytes = Array(source.utf8)
        return parse(bytes: bytes, range: 0..<bytes.count)
    }

    /// Parses the expression in `range` of `bytes` (a template hole, say);
    /// spans are offsets into the whole of `bytes`.
    static func parse(bytes: [UInt8], range: Range<Int>) -> ParseResult {
        guard range.count <= maximumLength else {
            let message = "expression is too long: \(range.count) bytes, the limit is \(maximumLength) (64 KiB)"
            return ParseResult(
                expr: nil,
                diagnostics: [
                    .error(
                        DiagnosticCode.tooLong, message, at: Span(range.lowerBound + maximumLength, range.upperBound))
                ])
        }
        let (tokens, lexerDiagnostics) = Lexer.tokenize(bytes: bytes, range: range)
        var parser = ExpressionParser(bytes: bytes, tokens: tokens)
        let expr = parser.parseWhole()
        if lexerDiagnostics.isEmpty, parser.diagnostics.isEmpty {
            return ParseResult(expr: expr, diagnostics: [])
        }
        var diagnostics = lexerDiagnostics + parser.diagnostics
        // A stable sort: problems at one offset keep the order they were found in.
        diagnostics = diagnostics.enumerated()
            .sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }
            .map(\.element)
        return ParseResult(expr: nil, diagnostics: Array(diagnostics.prefix(maximumDiagnostics)))
    }
}

/// The state of one parse: the tokens, where the parser is, and what it found.
struct ExpressionParser {
    let bytes: [UInt8]
    let tokens: [Token]
    /// The index of the current token; the last token is always `endOfInput`.
    var position = 0
    var depth = 0
    var diagnostics: [Diagnostic] = []
    /// After an error, further errors are not reported until the parser
    /// resynchronizes at a `,` or closing bracket, so that one mistake does
    /// not bring a cascade of follow-on messages.
    var recovering = false
    /// Set when the nesting limit is passed: the parser stops at once.
    var abandoned = false

    init(bytes: [UInt8], tokens: [Token]) {
        self.bytes = bytes
        self.tokens = tokens
    }

    /// The whole expression, which must use up every token.
    mutating func parseWhole() -> Expr {
        let expr = parseExpression()
        if !isAtEnd, !abandoned {
            expected("an operator or the end of the expression")
        }
        return expr
    }

    // MARK: Tokens

    var current: Token { tokens[position] }
    var currentKind: TokenKind { tokens[position].kind }
    var currentSpan: Span { tokens[position].span }

    var isAtEnd: Bool {
        if case .endOfInput = tokens[position].kind { return true }
        return false
    }

    /// The kind of the token `distance` ahead of the current one.
    func kind(ahead distance: Int) -> TokenKind {
        tokens[min(position + distance, tokens.count - 1)].kind
    }

    func isPunctuation(_ punctuation: Punctuation) -> Bool {
        if case .punctuation(let found) = tokens[position].kind { return found == punctuation }
        return false
    }

    /// Moves past the current token (never past `endOfInput`) and returns its span.
    @discardableResult
    mutating func advance() -> Span {
        let span = tokens[position].span
        if position < tokens.count - 1 { position += 1 }
        return span
    }

    /// Consumes `punctuation` if it is the current token.
    mutating func consume(_ punctuation: Punctuation) -> Span? {
        guard isPunctuation(punctuation) else { return nil }
        return advance()
    }

    // MARK: Problems

    /// Records an error unless the parser is recovering from an earlier one.
    mutating func error(_ code: String, _ message: String, at span: Span) {
        guard !recovering, !abandoned else { return }
        diagnostics.append(.error(code, message, at: span))
        recovering = true
    }

    /// Reports that `what` was expected where the current token is.
    mutating func expected(_ what: String) {
        if case .invalid = currentKind {
            // The lexer has already said what is wrong with this text.
            recovering = true
            return
        }
        error(DiagnosticCode.syntax, "expected \(what), found \(describe(current))", at: currentSpan)
    }

    /// A placeholder for a part that could not be parsed; never returned to
    /// callers of `Parser.parse`, which get nil when there are diagnostics.
    func errorNode(at span: Span) -> Expr {
        Expr(.literal(.null), span)
    }

    /// Enters one level of nesting, or reports that the limit is passed and
    /// abandons the parse.
    mutating func enterNesting(at span: Span) -> Bool {
        guard !abandoned else { return false }
        guard depth < Parser.maximumDepth else {
            recovering = false
            error(
                DiagnosticCode.tooDeep,
                "expression nests too deeply: more than \(Parser.maximumDepth) levels", at: span)
            abandoned = true
            position = tokens.count - 1
            return false
        }
        depth += 1
        return true
    }

    /// A token as named in messages: `end of expression`, or its text in quotes.
    func describe(_ token: Token) -> String {
        if case .endOfInput = token.kind { return "end of expression" }
        var text = String(decoding: bytes[token.span.start..<token.span.end], as: UTF8.self)
        if let lineBreak = text.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
            text = String(text[..<lineBreak]) + "…"
        }
        if text.unicodeScalars.count > 32 {
            text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(32))) + "…"
        }
        return "'\(text)'"
    }

    /// The `line:column` (1-based, columns in Unicode scalars) of an offset.
    func lineAndColumn(of offset: Int) -> String {
        Self.lineAndColumn(of: offset, in: bytes)
    }

    /// The `line:column` (1-based, columns in Unicode scalars) of an offset in `bytes`.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> String {
        var line = 1
        var column = 1
        for byte in bytes[0..<min(offset, bytes.count)] {
            if byte == ASCII.newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return "\(line):\(column)"
    }
}
