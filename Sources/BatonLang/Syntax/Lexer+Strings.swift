/// String literals: the four quote forms, raw strings and CEL's escapes.
extension Lexer {
    /// A string whose opening quote is at `quoteAt` (after an `r` prefix when
    /// `raw`); the token's span starts at `tokenStart`.
    mutating func lexString(tokenStart: Int, quoteAt quoteOffset: Int, raw: Bool) -> Token {
        let quote = bytes[quoteOffset]
        let triple = quoteOffset + 2 < end && bytes[quoteOffset + 1] == quote && bytes[quoteOffset + 2] == quote
        var cursor = quoteOffset + (triple ? 3 : 1)
        // Escapes are rare: decode into a buffer only once the first one is met.
        var decoded: [UInt8] = []
        var hasEscapes = false
        var segmentStart = cursor
        while true {
            guard cursor < end else {
                let closing =
                    triple
                    ? String(repeating: Character(Unicode.Scalar(quote)), count: 3) : String(Unicode.Scalar(quote))
                index = cursor
                report(
                    DiagnosticCode.unterminatedString,
                    "unterminated string: expected a closing \(closing) before the end of the expression",
                    at: Span(tokenStart, cursor))
                return Token(kind: .invalid, span: Span(tokenStart, cursor))
            }
            let byte = bytes[cursor]
            if byte == quote {
                if !triple { break }
                if cursor + 2 < end, bytes[cursor + 1] == quote, bytes[cursor + 2] == quote { break }
            } else if !triple, byte == ASCII.newline || byte == ASCII.carriageReturn {
                index = cursor
                report(
                    DiagnosticCode.unterminatedString,
                    "unterminated string: expected a closing \(String(Unicode.Scalar(quote))) before the end of the line"
                        + " (use \(String(repeating: Character(Unicode.Scalar(quote)), count: 3)) for text on several lines)",
                    at: Span(tokenStart, cursor))
                return Token(kind: .invalid, span: Span(tokenStart, cursor))
            } else if byte == ASCII.backslash, !raw {
                if !hasEscapes {
                    hasEscapes = true
                    decoded.reserveCapacity(cursor - segmentStart + 16)
                }
                decoded.append(contentsOf: bytes[segmentStart..<cursor])
                cursor = lexEscape(at: cursor, into: &decoded)
                segmentStart = cursor
                continue
            }
            cursor += 1
        }
        let value: String
        if hasEscapes {
            decoded.append(contentsOf: bytes[segmentStart..<cursor])
            value = String(decoding: decoded, as: UTF8.self)
        } else {
            value = String(decoding: bytes[segmentStart..<cursor], as: UTF8.self)
        }
        index = cursor + (triple ? 3 : 1)
        return Token(kind: .string(value), span: Span(tokenStart, index))
    }

    /// Decodes the escape whose backslash is at `backslashOffset`, appends its
    /// UTF-8 to `decoded` and returns the offset after it.
    private mutating func lexEscape(at backslashOffset: Int, into decoded: inout [UInt8]) -> Int {
        let letterOffset = backslashOffset + 1
        // A backslash at the very end: the string is unterminated, reported by the caller.
        guard letterOffset < end else { return letterOffset }
        let letter = bytes[letterOffset]
        let simple: UInt8?
        switch letter {
        case ASCII.backslash, ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick, ASCII.question: simple = letter
        case ASCII.lowerA: simple = 0x07
        case ASCII.lowerB: simple = 0x08
        case ASCII.lowerF: simple = 0x0C
        case ASCII.lowerN: simple = ASCII.newline
        case ASCII.lowerR: simple = ASCII.carriageReturn
        case ASCII.lowerT: simple = ASCII.tab
        case ASCII.lowerV: simple = 0x0B
        default: simple = nil
        }
        if let simple {
            decoded.append(simple)
            return letterOffset + 1
        }
        switch letter {
        case ASCII.lowerX, ASCII.upperX:
            return lexCodePointEscape(at: backslashOffset, digits: 2, radix: 16, into: &decoded)
        case ASCII.lowerU:
            return lexCodePointEscape(at: backslashOffset, digits: 4, radix: 16, into: &decoded)
        case ASCII.upperU:
            return lexCodePointEscape(at: backslashOffset, digits: 8, radix: 16, into: &decoded)
        case ASCII.zero...ASCII.three:
            return lexCodePointEscape(at: backslashOffset, digits: 3, radix: 8, into: &decoded)
        case ASCII.newline, ASCII.carriageReturn:
            report(
                DiagnosticCode.invalidEscape, "invalid escape: a backslash before a line break",
                at: Span(backslashOffset, letterOffset))
            return letterOffset
        default:
            let escapeEnd = letterOffset + scalarLength(at: letterOffset)
            report(
                DiagnosticCode.invalidEscape,
                "invalid escape '\(text(Span(backslashOffset, escapeEnd)))'"
                    + " (valid: \\\\ \\\" \\' \\` \\? \\a \\b \\f \\n \\r \\t \\v \\xHH \\ooo \\uHHHH \\UHHHHHHHH)",
                at: Span(backslashOffset, escapeEnd))
            return escapeEnd
        }
    }

    /// `\xHH`, `\uHHHH`, `\UHHHHHHHH` or octal `\ooo` (whose first digit is
    /// the letter after the backslash).
    private mutating func lexCodePointEscape(
        at backslashOffset: Int, digits: Int, radix: UInt32, into decoded: inout [UInt8]
    ) -> Int {
        let octal = radix == 8
        let firstDigit = octal ? backslashOffset + 1 : backslashOffset + 2
        var value: UInt32 = 0
        var cursor = firstDigit
        while cursor < end, cursor - firstDigit < digits {
            guard let digit = hexDigitValue(bytes[cursor]), digit < radix else { break }
            value = value * radix + digit
            cursor += 1
        }
        let span = Span(backslashOffset, cursor)
        guard cursor - firstDigit == digits else {
            let what = octal ? "octal escapes take three digits, \\000 to \\377" : "expected \(digits) hex digits"
            report(DiagnosticCode.invalidEscape, "invalid escape '\(text(span))': \(what)", at: span)
            return cursor
        }
        guard let scalar = Unicode.Scalar(value) else {
            let reason =
                value > 0x10FFFF
                ? "past U+10FFFF, the largest Unicode scalar"
                : "U+\(String(format4: value)) is a surrogate, not a Unicode scalar"
            report(DiagnosticCode.invalidEscape, "invalid escape '\(text(span))': \(reason)", at: span)
            return cursor
        }
        UTF8.encode(scalar) { decoded.append($0) }
        return cursor
    }
}
