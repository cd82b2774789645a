extension RegexParser {
    /// What a backslash escape stands for.
    enum EscapedItem {
        case scalar(Unicode.Scalar)
        case set(RegexCharacterSet)
        case assertion(RegexAssertion)
    }

    /// Reads an escape outside a bracket class.
    mutating func parseEscape() throws(RegexSyntaxError) -> RegexNode {
        switch try parseEscapedItem(insideClass: false) {
        case .scalar(let scalar): return literal(scalar)
        case .set(let set): return .characterSet(set)
        case .assertion(let assertion): return .assertion(assertion)
        }
    }

    /// Reads an escape starting at `\`, inside or outside a bracket class.
    mutating func parseEscapedItem(insideClass: Bool) throws(RegexSyntaxError) -> EscapedItem {
        let backslash = position
        position += 1
        guard let scalar = peek() else { throw error("trailing backslash at the end of the pattern", at: backslash) }
        position += 1
        switch scalar {
        case "a": return .scalar("\u{07}")
        case "f": return .scalar("\u{0C}")
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "v": return .scalar("\u{0B}")
        case "0": return .scalar(parseOctal(firstDigit: 0))
        case "x", "u": return .scalar(try parseHexadecimal(escapeStart: backslash, letter: scalar))
        case "d": return .set(.digits)
        case "D": return .set(RegexCharacterSet.digits.inverted())
        case "w": return .set(.wordCharacters)
        case "W": return .set(RegexCharacterSet.wordCharacters.inverted())
        case "s": return .set(.whitespace)
        case "S": return .set(RegexCharacterSet.whitespace.inverted())
        case "1"..."9", "k", "g":
            throw error("backreferences are not supported", at: backslash)
        case "p", "P":
            throw error("Unicode property classes ('\\\(scalar)') are not supported", at: backslash)
        case "b", "B", "A", "z":
            if insideClass {
                throw error("invalid escape '\\\(scalar)' inside a character class", at: backslash)
            }
            switch scalar {
            case "b": return .assertion(.wordBoundary)
            case "B": return .assertion(.notWordBoundary)
            case "A": return .assertion(.beginningOfText)
            default: return .assertion(.endOfText)
            }
        default:
            // As in RE2 and Go, any ASCII character but a letter or digit escapes to itself.
            if scalar.isASCII && !RegexCharacterSet.asciiLettersAndDigits.contains(scalar.value) {
                return .scalar(scalar)
            }
            throw error("invalid escape '\\\(scalar)'", at: backslash)
        }
    }

    /// Reads up to two more octal digits after `\0`.
    private mutating func parseOctal(firstDigit: UInt32) -> Unicode.Scalar {
        var value = firstDigit
        for _ in 0..<2 {
            guard let next = peek(), (0x30...0x37).contains(next.value) else { break }
            value = value * 8 + (next.value - 0x30)
            position += 1
        }
        return Unicode.Scalar(value) ?? "\0"
    }

    /// Reads the digits of `\xHH`, `\x{H…}`, `\uHHHH` or `\u{H…}`.
    private mutating func parseHexadecimal(escapeStart: Int, letter: Unicode.Scalar) throws(RegexSyntaxError)
        -> Unicode.Scalar
    {
        let fixedWidth = letter == "x" ? 2 : 4
        var value: UInt32 = 0
        var digitCount = 0
        let braced = peek() == "{"
        if braced { position += 1 }
        while let next = peek(), let digit = hexadecimalValue(next) {
            if !braced && digitCount == fixedWidth { break }
            value = min(value * 16 + digit, 0x11_0000)
            digitCount += 1
            position += 1
        }
        let wellFormed =
            braced
            ? digitCount > 0 && peek() == "}"
            : digitCount == fixedWidth
        guard wellFormed else {
            let form = letter == "x" ? "'\\xHH' or '\\x{H...}'" : "'\\uHHHH' or '\\u{H...}'"
            throw error("invalid escape: expected \(form)", at: escapeStart)
        }
        if braced { position += 1 }
        guard let scalar = Unicode.Scalar(value) else {
            throw error(
                "invalid escape: \(text(from: escapeStart, to: position)) is not a Unicode scalar value",
                at: escapeStart)
        }
        return scalar
    }

    private func hexadecimalValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }
}
