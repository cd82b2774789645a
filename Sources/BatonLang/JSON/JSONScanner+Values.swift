/// Numbers, literals and skipping whole values: the rest of the scanner.
extension JSONScanner {
    // MARK: Numbers and literals

    /// Scans the number at the current position (`-` or a digit).
    mutating func scanNumber() throws(JSONProblem) -> ScannedNumber {
        let start = position
        let negative = current == UInt8(ascii: "-")
        if negative { position += 1 }
        var mantissa: UInt64 = 0
        var mantissaOverflow = false
        var significantDigits = 0
        var decimalExponent = 0
        guard let first = current, isDigit(first) else { throw problem("invalid number", at: start) }
        if first == UInt8(ascii: "0") {
            position += 1
            if let next = current, isDigit(next) { throw problem("invalid number: leading zero", at: start) }
        } else {
            while significantDigits < Self.digitsThatCannotOverflow, let byte = current, isDigit(byte) {
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                significantDigits += 1
                position += 1
            }
            while let byte = current, isDigit(byte) {
                accumulate(byte, into: &mantissa, digits: &significantDigits, overflow: &mantissaOverflow)
                if mantissaOverflow { decimalExponent += 1 }
                position += 1
            }
        }
        var isIntegerLiteral = true
        if current == UInt8(ascii: ".") {
            isIntegerLiteral = false
            position += 1
            guard let byte = current, isDigit(byte) else { throw problem("invalid number", at: start) }
            while !mantissaOverflow, significantDigits < Self.digitsThatCannotOverflow, let byte = current,
                isDigit(byte)
            {
                mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
                significantDigits += 1
                decimalExponent -= 1
                position += 1
            }
            while let byte = current, isDigit(byte) {
                accumulate(byte, into: &mantissa, digits: &significantDigits, overflow: &mantissaOverflow)
                if !mantissaOverflow { decimalExponent -= 1 }
                position += 1
            }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isIntegerLiteral = false
            position += 1
            var exponentNegative = false
            if current == UInt8(ascii: "-") {
                exponentNegative = true
                position += 1
            } else if current == UInt8(ascii: "+") {
                position += 1
            }
            guard let byte = current, isDigit(byte) else { throw problem("invalid number", at: start) }
            var exponent = 0
            while let byte = current, isDigit(byte) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(byte - UInt8(ascii: "0")) }
                position += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        let end = position
        var integer: Int64? = nil
        if isIntegerLiteral, !mantissaOverflow {
            if negative {
                if mantissa <= UInt64(Int64.max) + 1 { integer = Int64(truncatingIfNeeded: 0 &- mantissa) }
            } else if mantissa <= UInt64(Int64.max) {
                integer = Int64(mantissa)
            }
        }
        let double: Double
        if let integer {
            double = Double(integer)
        } else if !mantissaOverflow, mantissa < 1 << 53, (-22...22).contains(decimalExponent) {
            // Clinger's fast path: both operands are exact doubles, so one
            // rounding gives the correctly rounded result.
            let magnitude =
                decimalExponent < 0
                ? Double(mantissa) / exactPowersOfTen[-decimalExponent]
                : Double(mantissa) * exactPowersOfTen[decimalExponent]
            double = negative ? -magnitude : magnitude
        } else {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            double = Double(text) ?? .infinity
        }
        guard double.isFinite else { throw problem("number out of range", at: start) }
        return ScannedNumber(
            start: start, end: end, isIntegerLiteral: isIntegerLiteral, integer: integer, double: double)
    }

    /// While the mantissa holds fewer digits than this (so it is below
    /// 10^18), one more cannot overflow it: the first loop over a number's
    /// digits skips the checks of `accumulate`, which then goes on from the
    /// same state.
    private static let digitsThatCannotOverflow = 19

    @inline(__always)
    private func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    @inline(__always)
    private func accumulate(_ byte: UInt8, into mantissa: inout UInt64, digits: inout Int, overflow: inout Bool) {
        guard !overflow else { return }
        let (times10, overflow1) = mantissa.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
        if overflow1 || overflow2 {
            overflow = true
        } else {
            mantissa = sum
            digits += 1
        }
    }

    /// Scans `true`, `false` or `null` at the current position.
    mutating func scanLiteral(_ literal: StaticString) throws(JSONProblem) {
        let count = literal.utf8CodeUnitCount
        guard position + count <= bytes.count else { throw unexpected(expecting: "a value") }
        let pointer = literal.utf8Start
        for index in 0..<count where bytes[position + index] != pointer[index] {
            throw unexpected(expecting: "a value")
        }
        position += count
    }

    // MARK: Skipping

    /// Validates and skips one value without building it (fields the schema
    /// does not declare). `depth` counts the containers around the value.
    mutating func skipValue(depth: Int, maxDepth: Int) throws(JSONProblem) {
        skipWhitespace()
        guard let byte = current else { throw unexpected(expecting: "a value") }
        switch byte {
        case UInt8(ascii: "\""): _ = try scanString()
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            guard depth < maxDepth else { throw problem("nesting deeper than \(maxDepth) levels") }
            let isObject = byte == UInt8(ascii: "{")
            let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
            position += 1
            skipWhitespace()
            if current == close {
                position += 1
                return
            }
            while true {
                if isObject {
                    skipWhitespace()
                    guard current == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
                    _ = try scanString()
                    try expectColon()
                }
                try skipValue(depth: depth + 1, maxDepth: maxDepth)
                if try endOfMember(close: close) { return }
            }
        default:
            throw unexpected(expecting: "a value")
        }
    }

    /// Skips white space and the `:` after an object key.
    @inline(__always)
    mutating func expectColon() throws(JSONProblem) {
        skipWhitespace()
        guard current == UInt8(ascii: ":") else { throw unexpected(expecting: "':' after an object key") }
        position += 1
    }

    /// After a member or element: consumes `,` (false: another follows) or
    /// the closing bracket (true). A `,` before the closing bracket is an error.
    @inline(__always)
    mutating func endOfMember(close: UInt8) throws(JSONProblem) -> Bool {
        skipWhitespace()
        if current == UInt8(ascii: ",") {
            let comma = position
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") || current == UInt8(ascii: "]") {
                throw problem("trailing comma", at: comma)
            }
            return false
        }
        if current == close {
            position += 1
            return true
        }
        throw unexpected(expecting: close == UInt8(ascii: "}") ? "',' or '}'" : "',' or ']'")
    }
}

private let exactPowersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
]
