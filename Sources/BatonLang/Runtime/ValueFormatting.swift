/// Formats a double as the shortest decimal that reads back as the same
/// double, never with an exponent, without trailing zeros, `45` not `45.0`,
/// and never `-0`.
///
/// `1e21` prints as `1000000000000000000000` and `1e-7` as `0.0000001`.
/// NaN and the infinities print as `NaN`, `Infinity` and `-Infinity`; the
/// JSON writer writes those three as JSON strings, since JSON has no number
/// for them.
public func formatDecimal(_ d: Double) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(24)
    appendDecimalText(d, to: &bytes, keepPointZero: false)
    return String(decoding: bytes, as: UTF8.self)
}

/// Appends the digits of `formatDecimal(d)`, or with `keepPointZero` the
/// `baton expr` form that keeps `.0` on an int-valued double.
func appendDecimalText(_ d: Double, to bytes: inout [UInt8], keepPointZero: Bool) {
    if d.isNaN {
        bytes.append(contentsOf: "NaN".utf8)
        return
    }
    if d.isInfinite {
        bytes.append(contentsOf: (d < 0 ? "-Infinity" : "Infinity").utf8)
        return
    }
    if d == 0 {
        bytes.append(UInt8(ascii: "0"))
        if keepPointZero { bytes.append(contentsOf: ".0".utf8) }
        return
    }
    // Integral values below 2^53 are exact as Int64: the common case
    // (`45`, `20`) skips the shortest-digits search.
    if d.magnitude < 9_007_199_254_740_992, Double(Int64(d)) == d {
        appendDecimalText(Int64(d), to: &bytes)
        if keepPointZero { bytes.append(contentsOf: ".0".utf8) }
        return
    }
    appendShortestDigits(d, to: &bytes, keepPointZero: keepPointZero)
}

/// Lays out the shortest round-trip digits of Swift's `description`
/// (`1.2345e+16`, `5e-324`, `0.001`) as a plain decimal.
private func appendShortestDigits(_ d: Double, to bytes: inout [UInt8], keepPointZero: Bool) {
    var digits: [UInt8] = []
    digits.reserveCapacity(20)
    var pointPosition = 0  // digits before the decimal point
    var seenPoint = false
    var exponent = 0
    var exponentNegative = false
    var inExponent = false
    var negative = false
    for byte in d.description.utf8 {
        switch byte {
        case UInt8(ascii: "-"):
            if inExponent { exponentNegative = true } else { negative = true }
        case UInt8(ascii: "+"):
            break
        case UInt8(ascii: "."):
            seenPoint = true
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            inExponent = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if inExponent {
                exponent = exponent * 10 + Int(byte - UInt8(ascii: "0"))
            } else {
                digits.append(byte)
                if !seenPoint { pointPosition += 1 }
            }
        default:
            break
        }
    }
    if exponentNegative { exponent = -exponent }
    // Strip leading zeros (`0.001` has digits 0001 with the point after one).
    var leading = 0
    while leading < digits.count - 1, digits[leading] == UInt8(ascii: "0") {
        leading += 1
        pointPosition -= 1
    }
    var significant = digits[leading...]
    while significant.count > 1, significant.last == UInt8(ascii: "0") { significant.removeLast() }
    pointPosition += exponent
    if negative { bytes.append(UInt8(ascii: "-")) }
    if pointPosition <= 0 {
        bytes.append(contentsOf: "0.".utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: -pointPosition))
        bytes.append(contentsOf: significant)
    } else if pointPosition >= significant.count {
        bytes.append(contentsOf: significant)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: pointPosition - significant.count))
        if keepPointZero { bytes.append(contentsOf: ".0".utf8) }
    } else {
        let split = significant.startIndex + pointPosition
        bytes.append(contentsOf: significant[..<split])
        bytes.append(UInt8(ascii: "."))
        bytes.append(contentsOf: significant[split...])
    }
}

/// Appends an integer in decimal without going through `String`.
func appendDecimalText(_ value: Int64, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    appendDecimalText(value.magnitude, to: &bytes, minimumDigits: 1)
}

/// Appends an unsigned integer, left-padded with zeros to `minimumDigits`.
func appendDecimalText(_ value: UInt64, to bytes: inout [UInt8], minimumDigits: Int) {
    var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for 20 digits
    withUnsafeMutableBytes(of: &scratch) { buffer in
        var position = buffer.count
        var remaining = value
        repeat {
            position -= 1
            buffer[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: remaining % 10)
            remaining /= 10
        } while remaining > 0
        while buffer.count - position < minimumDigits, position > 0 {
            position -= 1
            buffer[position] = UInt8(ascii: "0")
        }
        bytes.append(contentsOf: buffer[position...])
    }
}

extension Timestamp {
    /// The RFC 3339 text in UTC: `YYYY-MM-DDTHH:MM:SSZ`, with the shortest
    /// fraction only when it is non-zero (`.5`, `.123`).
    public var rfc3339: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(30)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The UTC calendar date: `YYYY-MM-DD`.
    public var dateString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10)
        appendDate(civilDate, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func appendRFC3339(to bytes: inout [UInt8]) {
        let (days, secondOfDay) = Self.floorDivide(normalized.seconds, Self.secondsPerDay)
        appendDate(CivilDate(daysSinceEpoch: days), to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDecimalText(UInt64(secondOfDay / 3600), to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDecimalText(UInt64(secondOfDay / 60 % 60), to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        appendDecimalText(UInt64(secondOfDay % 60), to: &bytes, minimumDigits: 2)
        appendFraction(nanoseconds: normalized.nanos, to: &bytes)
        bytes.append(UInt8(ascii: "Z"))
    }

    private func appendDate(_ date: CivilDate, to bytes: inout [UInt8]) {
        if date.year < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimalText(UInt64(date.year.magnitude), to: &bytes, minimumDigits: 4)
        bytes.append(UInt8(ascii: "-"))
        appendDecimalText(UInt64(date.month), to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: "-"))
        appendDecimalText(UInt64(date.day), to: &bytes, minimumDigits: 2)
    }

    /// The same instant with `nanos` in `0 ..< 1_000_000_000` even when a
    /// caller built it out of range.
    var normalized: Timestamp {
        if nanos >= 0 && nanos < 1_000_000_000 { return self }
        let (carry, nanos) = Self.floorDivide(Int64(nanos), TimeDuration.nanosecondsPerSecond)
        let (seconds, overflow) = seconds.addingReportingOverflow(carry)
        return Timestamp(seconds: overflow ? self.seconds : seconds, nanos: Int32(nanos))
    }
}

/// Appends `.` and the fraction of a second without trailing zeros, or
/// nothing when it is zero.
private func appendFraction(nanoseconds: Int32, to bytes: inout [UInt8]) {
    guard nanoseconds > 0 else { return }
    var fraction = Int(nanoseconds)
    var digits = 9
    while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
    }
    bytes.append(UInt8(ascii: "."))
    appendDecimalText(UInt64(fraction), to: &bytes, minimumDigits: digits)
}

extension TimeDuration {
    /// The duration in seconds with an `s`: `3600s`, `0.5s`, `-1.25s`.
    public var formatted: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(24)
        appendFormatted(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    func appendFormatted(to bytes: inout [UInt8]) {
        if nanoseconds < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = nanoseconds.magnitude
        let perSecond = UInt64(Self.nanosecondsPerSecond)
        appendDecimalText(magnitude / perSecond, to: &bytes, minimumDigits: 1)
        appendFraction(nanoseconds: Int32(magnitude % perSecond), to: &bytes)
        bytes.append(UInt8(ascii: "s"))
    }
}

extension Value {
    /// The text `string(x)` and template holes print for this value.
    ///
    /// Ints in decimal, doubles by ``formatDecimal(_:)``, `true`/`false`,
    /// timestamps as ``Timestamp/rfc3339``, durations as
    /// ``TimeDuration/formatted``, a string as itself, `null`; lists, maps
    /// and records (in field order) as compact JSON. An error prints its
    /// message (callers normally handle errors before printing).
    public var printedText: String {
        switch self {
        case .string(let text): return text
        case .timestamp(let timestamp): return timestamp.rfc3339
        case .duration(let duration): return duration.formatted
        case .double(let number): return formatDecimal(number)
        case .error(let error): return error.message
        default:
            var writer = JSONWriter()
            try? writer.writeValue(self, style: .decision, errors: .asMessage)
            return String(decoding: writer.bytes, as: UTF8.self)
        }
    }
}
