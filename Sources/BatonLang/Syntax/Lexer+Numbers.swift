/// Integer, double and duration literals.
extension Lexer {
    /// The nanoseconds in one of each duration unit.
    private static let durationUnits: [String: Int64] = [
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
        "d": 86_400_000_000_000,
        "w": 604_800_000_000_000,
    ]

    /// The magnitude of the most negative Int64, valid only under a unary minus.
    static let int64MinimumMagnitude = UInt64(Int64.max) + 1

    /// A number starting at `start` (a digit, or a `.` before a digit).
    mutating func lexNumber(start: Int) -> Token {
        var cursor = start
        if bytes[start] == ASCII.zero, start + 1 < end, bytes[start + 1] | 0x20 == ASCII.lowerX {
            cursor = start + 2
            while cursor < end, isWordByte(bytes[cursor]) { cursor += 1 }
            index = cursor
            return hexInteger(span: Span(start, cursor))
        }
        var isDouble = false
        while cursor < end, isDecimalDigit(bytes[cursor]) || bytes[cursor] == ASCII.underscore { cursor += 1 }
        if cursor + 1 < end, bytes[cursor] == ASCII.dot, isDecimalDigit(bytes[cursor + 1]) {
            isDouble = true
            cursor += 1
            while cursor < end, isDecimalDigit(bytes[cursor]) || bytes[cursor] == ASCII.underscore { cursor += 1 }
        }
        if cursor < end, bytes[cursor] | 0x20 == ASCII.lowerE {
            var exponent = cursor + 1
            if exponent < end, bytes[exponent] == ASCII.plus || bytes[exponent] == ASCII.minus { exponent += 1 }
            if exponent < end, isDecimalDigit(bytes[exponent]) {
                isDouble = true
                cursor = exponent
                while cursor < end, isDecimalDigit(bytes[cursor]) || bytes[cursor] == ASCII.underscore { cursor += 1 }
            }
        }
        let numberEnd = cursor
        while cursor < end, isWordByte(bytes[cursor]) { cursor += 1 }
        index = cursor
        let span = Span(start, cursor)

        if misplacedUnderscore(in: start..<numberEnd, isDigit: isDecimalDigit) != nil {
            return invalidNumber(span, "'_' must stand between two digits")
        }
        if numberEnd < cursor {
            let suffix = String(decoding: bytes[numberEnd..<cursor], as: UTF8.self)
            guard let unit = Self.durationUnits[suffix] else {
                if suffix == "u" || suffix == "U" {
                    return invalidNumber(span, "Baton has no unsigned integers")
                }
                return invalidNumber(span, "a number may be followed only by a duration unit (ms s m h d w)")
            }
            guard !isDouble else {
                return invalidNumber(span, "a duration takes a whole number before its unit")
            }
            guard let magnitude = decimalMagnitude(start..<numberEnd, span: span) else {
                return Token(kind: .integer(0), span: span)
            }
            let (nanoseconds, overflow) = Int64(truncatingIfNeeded: magnitude).multipliedReportingOverflow(by: unit)
            guard magnitude <= UInt64(Int64.max), !overflow else {
                report(
                    DiagnosticCode.numberOutOfRange,
                    "duration '\(text(span))' is out of range (about 292 years at most)", at: span)
                return Token(kind: .duration(TimeDuration(nanoseconds: 0)), span: span)
            }
            return Token(kind: .duration(TimeDuration(nanoseconds: nanoseconds)), span: span)
        }
        if isDouble {
            var digits = ""
            digits.reserveCapacity(numberEnd - start)
            for byte in bytes[start..<numberEnd] where byte != ASCII.underscore {
                digits.unicodeScalars.append(Unicode.Scalar(byte))
            }
            guard let value = Double(digits), value.isFinite else {
                report(DiagnosticCode.numberOutOfRange, "double '\(text(span))' is out of range", at: span)
                return Token(kind: .double(0), span: span)
            }
            return Token(kind: .double(value), span: span)
        }
        guard let magnitude = decimalMagnitude(start..<numberEnd, span: span) else {
            return Token(kind: .integer(0), span: span)
        }
        return Token(kind: .integer(magnitude), span: span)
    }

    /// The value of decimal digits (with `_`), or nil after reporting that it
    /// exceeds 2^63.
    private mutating func decimalMagnitude(_ range: Range<Int>, span: Span) -> UInt64? {
        var value: UInt64 = 0
        for byte in bytes[range] where byte != ASCII.underscore {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - ASCII.zero))
            guard !overflow1, !overflow2, sum <= Self.int64MinimumMagnitude else {
                reportIntegerOutOfRange(span)
                return nil
            }
            value = sum
        }
        return value
    }

    private mutating func hexInteger(span: Span) -> Token {
        let digits = (span.start + 2)..<span.end
        guard !digits.isEmpty else {
            return invalidNumber(span, "expected hex digits after '0x'")
        }
        if misplacedUnderscore(in: digits, isDigit: { hexDigitValue($0) != nil }) != nil {
            return invalidNumber(span, "'_' must stand between two digits")
        }
        var value: UInt64 = 0
        for byte in bytes[digits] where byte != ASCII.underscore {
            guard let digit = hexDigitValue(byte) else {
                return invalidNumber(span, "hex digits are 0-9 and A-F")
            }
            guard value <= Self.int64MinimumMagnitude >> 4 else {
                reportIntegerOutOfRange(span)
                return Token(kind: .integer(0), span: span)
            }
            value = value << 4 | UInt64(digit)
        }
        guard value <= Self.int64MinimumMagnitude else {
            reportIntegerOutOfRange(span)
            return Token(kind: .integer(0), span: span)
        }
        return Token(kind: .integer(value), span: span)
    }

    /// The offset of the first `_` in `range` without a digit on both sides.
    private func misplacedUnderscore(in range: Range<Int>, isDigit: (UInt8) -> Bool) -> Int? {
        for offset in range where bytes[offset] == ASCII.underscore {
            let before = offset > range.lowerBound && isDigit(bytes[offset - 1])
            let after = offset + 1 < range.upperBound && isDigit(bytes[offset + 1])
            if !(before && after) { return offset }
        }
        return nil
    }

    private mutating func reportIntegerOutOfRange(_ span: Span) {
        report(
            DiagnosticCode.numberOutOfRange,
            "integer '\(text(span))' is out of range for a 64-bit int (at most 9223372036854775807)",
            at: span)
    }

    private mutating func invalidNumber(_ span: Span, _ reason: String) -> Token {
        report(DiagnosticCode.invalidNumber, "invalid number '\(text(span))': \(reason)", at: span)
        return Token(kind: .integer(0), span: span)
    }

    /// The source text of a span.
    func text(_ span: Span) -> String {
        String(decoding: bytes[span.start..<span.end], as: UTF8.self)
    }
}
