/// Turns the UTF-8 bytes of an expression into tokens.
///
/// The lexer never fails: text it cannot read becomes an `invalid` token and a
/// diagnostic, and lexing goes on, so the parser can report further problems.
struct Lexer {
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    var index: Int
    /// The offset just past the last byte to read.
    let end: Int
    var diagnostics: [Diagnostic] = []

    /// A lexer over `range` of `bytes`; spans are offsets into `bytes`.
    init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// Every token of `source`, ending with `endOfInput`, and the problems found.
    static func tokenize(_ source: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        let bytes = Array(source.utf8)
        return tokenize(bytes: bytes, range: 0..<bytes.count)
    }

    /// Every token of `range` of `bytes`, ending with `endOfInput`, and the problems found.
    static func tokenize(bytes: [UInt8], range: Range<Int>) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(bytes: bytes, range: range)
        var tokens: [Token] = []
        // Most tokens are a few bytes long; this avoids regrowing the array.
        tokens.reserveCapacity(range.count / 3 + 2)
        while true {
            let token = lexer.nextToken()
            tokens.append(token)
            if case .endOfInput = token.kind { break }
        }
        return (tokens, lexer.diagnostics)
    }

    /// Reads the next token, skipping white space and comments.
    mutating func nextToken() -> Token {
        skipWhiteSpaceAndComments()
        guard index < end else { return Token(kind: .endOfInput, span: .at(end)) }
        let start = index
        let byte = bytes[index]
        if isWordStart(byte) { return lexWord(start: start) }
        if isDecimalDigit(byte) { return lexNumber(start: start) }
        switch byte {
        case ASCII.dot:
            if start + 1 < end, isDecimalDigit(bytes[start + 1]) { return lexNumber(start: start) }
            return punctuation(.dot, length: 1)
        case ASCII.doubleQuote, ASCII.singleQuote:
            return lexString(tokenStart: start, quoteAt: start, raw: false)
        case ASCII.plus: return punctuation(.plus, length: 1)
        case ASCII.minus: return punctuation(.minus, length: 1)
        case ASCII.star: return punctuation(.star, length: 1)
        case ASCII.slash: return punctuation(.slash, length: 1)
        case ASCII.percent: return punctuation(.percent, length: 1)
        case ASCII.colon: return punctuation(.colon, length: 1)
        case ASCII.comma: return punctuation(.comma, length: 1)
        case ASCII.leftBracket: return punctuation(.leftBracket, length: 1)
        case ASCII.rightBracket: return punctuation(.rightBracket, length: 1)
        case ASCII.leftParenthesis: return punctuation(.leftParenthesis, length: 1)
        case ASCII.rightParenthesis: return punctuation(.rightParenthesis, length: 1)
        case ASCII.leftBrace: return punctuation(.leftBrace, length: 1)
        case ASCII.rightBrace: return punctuation(.rightBrace, length: 1)
        case ASCII.equal:
            if nextByteIs(ASCII.equal) { return punctuation(.equalEqual, length: 2) }
            return unexpectedCharacter(hint: "; did you mean '=='?")
        case ASCII.bang:
            if nextByteIs(ASCII.equal) { return punctuation(.bangEqual, length: 2) }
            return punctuation(.bang, length: 1)
        case ASCII.less:
            if nextByteIs(ASCII.equal) { return punctuation(.lessEqual, length: 2) }
            return punctuation(.less, length: 1)
        case ASCII.greater:
            if nextByteIs(ASCII.equal) { return punctuation(.greaterEqual, length: 2) }
            return punctuation(.greater, length: 1)
        case ASCII.ampersand:
            if nextByteIs(ASCII.ampersand) { return punctuation(.ampersandAmpersand, length: 2) }
            return unexpectedCharacter(hint: "; did you mean '&&'?")
        case ASCII.pipe:
            if nextByteIs(ASCII.pipe) { return punctuation(.pipePipe, length: 2) }
            return unexpectedCharacter(hint: "; did you mean '||'?")
        case ASCII.question:
            if nextByteIs(ASCII.question) { return punctuation(.questionQuestion, length: 2) }
            // `c?.5:1` is a conditional: `?.` followed by a digit is `?` and a number.
            if nextByteIs(ASCII.dot), !(start + 2 < end && isDecimalDigit(bytes[start + 2])) {
                return punctuation(.questionDot, length: 2)
            }
            return punctuation(.question, length: 1)
        default:
            return unexpectedCharacter(hint: "")
        }
    }

    private func nextByteIs(_ byte: UInt8) -> Bool {
        index + 1 < end && bytes[index + 1] == byte
    }

    private mutating func punctuation(_ punctuation: Punctuation, length: Int) -> Token {
        let start = index
        index += length
        return Token(kind: .punctuation(punctuation), span: Span(start, index))
    }

    private mutating func skipWhiteSpaceAndComments() {
        while index < end {
            switch bytes[index] {
            case ASCII.space, ASCII.tab, ASCII.newline, ASCII.carriageReturn, ASCII.formFeed:
                index += 1
            case ASCII.slash where nextByteIs(ASCII.slash):
                while index < end, bytes[index] != ASCII.newline { index += 1 }
            default:
                return
            }
        }
    }

    /// An identifier, a keyword, a reserved word, or the prefix of a raw string.
    private mutating func lexWord(start: Int) -> Token {
        var wordEnd = start + 1
        while wordEnd < end, isWordByte(bytes[wordEnd]) { wordEnd += 1 }
        index = wordEnd
        let length = wordEnd - start
        if wordEnd < end, bytes[wordEnd] == ASCII.doubleQuote || bytes[wordEnd] == ASCII.singleQuote, length <= 2 {
            // String prefixes: r (raw); CEL's b, rb and br (bytes) do not exist in Baton.
            let first = bytes[start] | 0x20
            let second = length == 2 ? bytes[start + 1] | 0x20 : 0
            let isRaw = first == ASCII.lowerR || second == ASCII.lowerR
            let isBytes =
                (length == 1 && first == ASCII.lowerB)
                || (length == 2 && isRaw && (first == ASCII.lowerB || second == ASCII.lowerB))
            if length == 1, isRaw {
                return lexString(tokenStart: start, quoteAt: wordEnd, raw: true)
            }
            if isBytes {
                var string = lexString(tokenStart: start, quoteAt: wordEnd, raw: isRaw)
                report(
                    DiagnosticCode.syntax, "Baton has no bytes literals; write a string without the 'b' prefix",
                    at: string.span)
                string.kind = .invalid
                return string
            }
        }
        let span = Span(start, wordEnd)
        // Reserved words are 2 to 6 lower-case letters: most names skip the lookup.
        if length <= 6, bytes[start] >= ASCII.lowerA {
            var packed: UInt64 = 0
            for byte in bytes[start..<wordEnd] { packed = packed << 8 | UInt64(byte) }
            for (spelling, kind) in reservedSpellings where spelling == packed {
                return Token(kind: kind, span: span)
            }
        }
        return Token(kind: .identifier(String(decoding: bytes[start..<wordEnd], as: UTF8.self)), span: span)
    }

    private mutating func unexpectedCharacter(hint: String) -> Token {
        let start = index
        let length = scalarLength(at: start)
        index = start + length
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        var message = "unexpected character '\(text)'"
        if let scalar = text.unicodeScalars.first, !scalar.isASCII {
            message += " (U+\(String(format4: scalar.value)))"
            switch scalar.value {
            case 0x201C, 0x201D, 0x2018, 0x2019, 0x00AB, 0x00BB:
                message += "; strings are written between straight quotes \" or '"
            default:
                message += "; names use only ASCII letters, digits and '_'"
            }
        } else if let scalar = text.unicodeScalars.first, scalar.value < 0x20 || scalar.value == 0x7F {
            message = "unexpected control character U+\(String(format4: scalar.value))"
        }
        report(DiagnosticCode.unexpectedCharacter, message + hint, at: Span(start, index))
        return Token(kind: .invalid, span: Span(start, index))
    }

    /// The length in bytes of the UTF-8 sequence starting at `offset`.
    func scalarLength(at offset: Int) -> Int {
        let lead = bytes[offset]
        let length: Int
        switch lead {
        case 0..<0x80: length = 1
        case 0xC0..<0xE0: length = 2
        case 0xE0..<0xF0: length = 3
        case 0xF0...0xFF: length = 4
        default: length = 1
        }
        return min(length, end - offset)
    }

    mutating func report(_ code: String, _ message: String, at span: Span) {
        diagnostics.append(.error(code, message, at: span))
    }
}

extension String {
    /// A code point in hex with at least four digits, as in `U+00E9`.
    init(format4 value: UInt32) {
        let hex = String(value, radix: 16, uppercase: true)
        self = String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
    }
}

func isWordStart(_ byte: UInt8) -> Bool {
    (byte | 0x20 >= ASCII.lowerA && byte | 0x20 <= ASCII.lowerZ) || byte == ASCII.underscore
}

func isWordByte(_ byte: UInt8) -> Bool {
    isWordStart(byte) || isDecimalDigit(byte)
}

func isDecimalDigit(_ byte: UInt8) -> Bool {
    byte >= ASCII.zero && byte <= ASCII.nine
}

/// The value of a hex digit, or nil.
func hexDigitValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case ASCII.zero...ASCII.nine: UInt32(byte - ASCII.zero)
    case ASCII.lowerA...ASCII.lowerF: UInt32(byte - ASCII.lowerA + 10)
    case ASCII.upperA...ASCII.upperF: UInt32(byte - ASCII.upperA + 10)
    default: nil
    }
}

/// The bytes the lexer looks at, by name.
enum ASCII {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let formFeed: UInt8 = 0x0C
    static let space = UInt8(ascii: " ")
    static let bang = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let percent = UInt8(ascii: "%")
    static let ampersand = UInt8(ascii: "&")
    static let singleQuote = UInt8(ascii: "'")
    static let leftParenthesis = UInt8(ascii: "(")
    static let rightParenthesis = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let zero = UInt8(ascii: "0")
    static let seven = UInt8(ascii: "7")
    static let three = UInt8(ascii: "3")
    static let nine = UInt8(ascii: "9")
    static let colon = UInt8(ascii: ":")
    static let less = UInt8(ascii: "<")
    static let equal = UInt8(ascii: "=")
    static let greater = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let upperA = UInt8(ascii: "A")
    static let upperF = UInt8(ascii: "F")
    static let upperU = UInt8(ascii: "U")
    static let upperX = UInt8(ascii: "X")
    static let leftBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let rightBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let lowerA = UInt8(ascii: "a")
    static let lowerB = UInt8(ascii: "b")
    static let lowerD = UInt8(ascii: "d")
    static let lowerE = UInt8(ascii: "e")
    static let lowerF = UInt8(ascii: "f")
    static let lowerH = UInt8(ascii: "h")
    static let lowerM = UInt8(ascii: "m")
    static let lowerN = UInt8(ascii: "n")
    static let lowerR = UInt8(ascii: "r")
    static let lowerS = UInt8(ascii: "s")
    static let lowerT = UInt8(ascii: "t")
    static let lowerU = UInt8(ascii: "u")
    static let lowerV = UInt8(ascii: "v")
    static let lowerW = UInt8(ascii: "w")
    static let lowerX = UInt8(ascii: "x")
    static let lowerZ = UInt8(ascii: "z")
    static let leftBrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let rightBrace = UInt8(ascii: "}")
}
