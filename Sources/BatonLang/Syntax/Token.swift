/// One token of an expression: what it is and where it was written.
struct Token: Sendable {
    var kind: TokenKind
    /// UTF-8 offsets into the text being lexed.
    var span: Span
}

/// The kinds of token, with the value of literals already decoded.
enum TokenKind: Sendable, Equatable {
    case identifier(String)
    /// A word reserved for future syntax (`if`, `let`, …): an error where an
    /// expression is expected, but accepted as a field name after `.`.
    case reservedWord(String)
    case keyword(Keyword)
    /// The magnitude of an integer literal, at most 2^63: the value 2^63 is
    /// valid only directly under a unary minus, which the parser checks.
    case integer(UInt64)
    case double(Double)
    case duration(TimeDuration)
    case string(String)
    case punctuation(Punctuation)
    /// Text the lexer could not read; it has already reported why.
    case invalid
    case endOfInput
}

/// The words with a meaning in the grammar.
enum Keyword: String, Sendable, CaseIterable {
    case `true`, `false`, null, and, or, not, `in`
}

/// Operators and punctuation, spelled as in the source.
enum Punctuation: String, Sendable, CaseIterable {
    case plus = "+"
    case minus = "-"
    case star = "*"
    case slash = "/"
    case percent = "%"
    case equalEqual = "=="
    case bangEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case ampersandAmpersand = "&&"
    case pipePipe = "||"
    case bang = "!"
    case questionQuestion = "??"
    case question = "?"
    case colon = ":"
    case dot = "."
    case questionDot = "?."
    case leftBracket = "["
    case rightBracket = "]"
    case leftParenthesis = "("
    case rightParenthesis = ")"
    case leftBrace = "{"
    case rightBrace = "}"
    case comma = ","
}

/// Words that are not identifiers because later versions may give them syntax.
let futureReservedWords: [String] = ["if", "then", "else", "let", "for", "while", "as", "import"]

/// Every keyword and reserved word with its token, the spelling packed into
/// an integer (one byte each, big-endian) so the lexer compares words fast.
let reservedSpellings: [(UInt64, TokenKind)] =
    Keyword.allCases.map { (packedSpelling($0.rawValue), TokenKind.keyword($0)) }
    + futureReservedWords.map { (packedSpelling($0), TokenKind.reservedWord($0)) }

private func packedSpelling(_ word: String) -> UInt64 {
    word.utf8.reduce(0) { $0 << 8 | UInt64($1) }
}
