/// Formats a double as the shortest decimal that reads back as the same
/// double, never with an exponent, without trailing zeros, `45` not `45.0`,
/// and never `-0`.
///
/// `1e21` prints as `1000000000000000000000` and `1e-7` as `0.0000001`.
/// NaN and the infinities print as `NaN`, `Infinity` and `-Infinity`; the
/// JSON writer writes those three as JSON strings, since JSON has no number
/// for them.
public func formatDecimal(_ d: Double) -> String {
    var bytes = ByteBuffer(capacity: 32)
    appendDecimalText(d, to: &bytes, keepPointZero: false)
    return String(decoding: bytes.bytes, as: UTF8.self)
}

/// Appends the digits of `formatDecimal(d)`, or with `keepPointZero` the
/// `baton expr` form that keeps `.0` on an int-valued double.
func appendDecimalText(_ d: Double, to bytes: inout ByteBuffer, keepPointZero: Bool) {
    if d.isNaN {
        bytes.append("NaN")
        return
    }
    if d.isInfinite {
        bytes.append(d < 0 ? "-Infinity" : "Infinity")
        return
    }
    if d == 0 {
        bytes.append(UInt8(ascii: "0"))
        if keepPointZero { bytes.append(".0") }
        return
    }
    // Integral values below 2^53 are exact as Int64: the common case
    // (`45`, `20`) skips the shortest-digits search.
    if d.magnitude < 9_007_199_254_740_992, Double(Int64(d)) == d {
        appendDecimalText(Int64(d), to: &bytes)
        if keepPointZero { bytes.append(".0") }
        return
    }
    appendShortestDigits(d, to: &bytes, keepPointZero: keepPointZero)
}

/// Lays out the shortest round-trip digits of Swift's `description`
/// (`1.2345e+16`, `5e-324`, `0.001`) as a plain decimal.
private func appendShortestDigits(_ d: Double, to bytes: inout ByteBuffer, keepPointZero: Bool) {
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
        bytes.append("0.")
        appendZeros(-pointPosition, to: &bytes)
        significant.withUnsafeBufferPointer { bytes.append($0) }
    } else if pointPosition >= significant.count {
        significant.withUnsafeBufferPointer { bytes.append($0) }
        appendZeros(pointPosition - significant.count, to: &bytes)
        if keepPointZero { bytes.append(".0") }
    } else {
        let split = significant.startIndex + pointPosition
        significant[..<split].withUnsafeBufferPointer { bytes.append($0) }
        bytes.append(UInt8(ascii: "."))
        significant[split...].withUnsafeBufferPointer { bytes.append($0) }
    }
}

private func appendZeros(_ count: Int, to bytes: inout ByteBuffer) {
    guard count > 0 else { return }
    bytes.reserve(count).update(repeating: UInt8(ascii: "0"), count: count)
    bytes.didWrite(count)
}

/// Appends an integer in decimal without going through `String`.
@inline(__always)
func appendDecimalText(_ value: Int64, to bytes: inout ByteBuffer) {
    let out = bytes.reserve(20)
    var written = 0
    if value < 0 {
        out.pointee = UInt8(ascii: "-")
        written = 1
    }
    written += writeDecimal(value.magnitude, minimumDigits: 1, to: out + written)
    bytes.didWrite(written)
}

/// Writes an unsigned integer at `out`, left-padded with zeros to
/// `minimumDigits`, and returns the number of bytes written: at most
/// `max(20, minimumDigits)`, which the caller has reserved.
///
/// Digits are counted by comparisons and written two at a time from
/// ``twoDigits``: half the divisions of one digit at a time, and none to
/// count them.
@inline(__always)
func writeDecimal(_ value: UInt64, minimumDigits: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
    var digitCount = 1
    var power: UInt64 = 10
    // 10^19 is the largest power of ten a UInt64 holds.
    while digitCount < 20, value >= power {
        digitCount += 1
        power &*= 10
    }
    digitCount = max(digitCount, minimumDigits)
    var rest = value
    var index = digitCount
    // Past the value's own digits `rest` is 0, which writes the padding zeros.
    while index >= 2 {
        let pair = Int(rest % 100) &* 2
        rest /= 100
        index -= 2
        out[index] = twoDigits.utf8Start[pair]
        out[index + 1] = twoDigits.utf8Start[pair + 1]
    }
    if index == 1 { out.pointee = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest) }
    return digitCount
}

/// `00` to `99`, each number's two digits at twice its offset.
private let twoDigits: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

extension Timestamp {
    /// The RFC 3339 text in UTC: `YYYY-MM-DDTHH:MM:SSZ`, with the shortest
    /// fraction only when it is non-zero (`.5`, `.123`).
    public var rfc3339: String {
        var bytes = ByteBuffer(capacity: Self.maximumRFC3339Bytes)
        appendRFC3339(to: &bytes)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// The UTC calendar date: `YYYY-MM-DD`.
    public var dateString: String {
        var bytes = ByteBuffer(capacity: Self.maximumRFC3339Bytes)
        let out = bytes.reserve(Self.maximumRFC3339Bytes)
        bytes.didWrite(Self.writeDate(civilDate, to: out))
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// The longest RFC 3339 text: a sign and 12 digits of year (Int64
    /// seconds reach about 292 billion years), `-MM-DDTHH:MM:SS`, a
    /// 9-digit fraction and `Z`, with room to spare.
    static let maximumRFC3339Bytes = 48

    func appendRFC3339(to bytes: inout ByteBuffer) {
        let out = bytes.reserve(Self.maximumRFC3339Bytes)
        let (days, secondOfDay) = Self.floorDivide(normalized.seconds, Self.secondsPerDay)
        var at = Self.writeDate(CivilDate(daysSinceEpoch: days), to: out)
        out[at] = UInt8(ascii: "T")
        at += 1
        at += writeDecimal(UInt64(secondOfDay / 3600), minimumDigits: 2, to: out + at)
        out[at] = UInt8(ascii: ":")
        at += 1
        at += writeDecimal(UInt64(secondOfDay / 60 % 60), minimumDigits: 2, to: out + at)
        out[at] = UInt8(ascii: ":")
        at += 1
        at += writeDecimal(UInt64(secondOfDay % 60), minimumDigits: 2, to: out + at)
        at += writeFraction(nanoseconds: normalized.nanos, to: out + at)
        out[at] = UInt8(ascii: "Z")
        bytes.didWrite(at + 1)
    }

    /// Writes `YYYY-MM-DD` at `out` and returns its length.
    private static func writeDate(_ date: CivilDate, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var at = 0
        if date.year < 0 {
            out.pointee = UInt8(ascii: "-")
            at = 1
        }
        at += writeDecimal(UInt64(date.year.magnitude), minimumDigits: 4, to: out + at)
        out[at] = UInt8(ascii: "-")
        at += 1
        at += writeDecimal(UInt64(date.month), minimumDigits: 2, to: out + at)
        out[at] = UInt8(ascii: "-")
        at += 1
        at += writeDecimal(UInt64(date.day), minimumDigits: 2, to: out + at)
        return at
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

/// Writes `.` and the fraction of a second without trailing zeros, or
/// nothing when it is zero, at `out` (room for 21 bytes); returns its length.
private func writeFraction(nanoseconds: Int32, to out: UnsafeMutablePointer<UInt8>) -> Int {
    guard nanoseconds > 0 else { return 0 }
    var fraction = Int(nanoseconds)
    var digits = 9
    while fraction % 10 == 0 {
        fraction /= 10
        digits -= 1
    }
    out.pointee = UInt8(ascii: ".")
    return 1 + writeDecimal(UInt64(fraction), minimumDigits: digits, to: out + 1)
}

extension TimeDuration {
    /// The duration in seconds with an `s`: `3600s`, `0.5s`, `-1.25s`.
    public var formatted: String {
        var bytes = ByteBuffer(capacity: 48)
        appendFormatted(to: &bytes)
        return String(decoding: bytes.bytes, as: UTF8.self)
    }

    func appendFormatted(to bytes: inout ByteBuffer) {
        // A sign, 20 digits, a 10-byte fraction and `s`.
        let out = bytes.reserve(48)
        var at = 0
        if nanoseconds < 0 {
            out.pointee = UInt8(ascii: "-")
            at = 1
        }
        let magnitude = nanoseconds.magnitude
        let perSecond = UInt64(Self.nanosecondsPerSecond)
        at += writeDecimal(magnitude / perSecond, minimumDigits: 1, to: out + at)
        at += writeFraction(nanoseconds: Int32(magnitude % perSecond), to: out + at)
        out[at] = UInt8(ascii: "s")
        bytes.didWrite(at + 1)
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
            return writer.text
        }
    }
}
