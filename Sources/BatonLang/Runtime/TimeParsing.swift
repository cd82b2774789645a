/// Why a timestamp, date or duration string did not parse, as a person
/// reads it (`timestamp without an offset`).
public struct TimeParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, without the offending text: callers add where and what
    /// (`lead.created_at: timestamp without an offset: "2026-11-20T10:00:00"`).
    public let reason: String

    /// An error with the reason a person reads.
    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }

    static let notTimestamp = TimeParseError("not an RFC 3339 timestamp")
    static let withoutOffset = TimeParseError("timestamp without an offset")
    static let notDate = TimeParseError("not a date (YYYY-MM-DD)")
    static let notDuration = TimeParseError("not a duration")
    static let durationOverflow = TimeParseError("duration out of range")
}

/// A day of the proleptic Gregorian calendar, as UTC dates are named.
public struct CivilDate: Sendable, Hashable, Comparable {
    public let year: Int
    /// 1 ... 12.
    public let month: Int
    /// 1 ... 31.
    public let day: Int

    /// A date, or nil when the day does not exist (February 30) or the year
    /// is beyond ±1,000,000,000.
    public init?(year: Int, month: Int, day: Int) {
        guard year.magnitude <= 1_000_000_000, (1...12).contains(month), day >= 1,
            day <= CivilDate.daysIn(month: month, year: year)
        else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date in years 0001-9999, or the error naming the field out of range.
    static func validated(year: Int, month: Int, day: Int) throws(TimeParseError) -> CivilDate {
        guard year >= 1 else { throw TimeParseError("year out of range") }
        guard (1...12).contains(month) else { throw TimeParseError("month out of range") }
        guard let date = CivilDate(year: year, month: month, day: day) else {
            throw TimeParseError("day out of range for the month")
        }
        return date
    }

    /// The date `days` days after 1970-01-01 (negative: before it); counts
    /// beyond ±2^50 days are taken as ±2^50.
    public init(daysSinceEpoch days: Int64) {
        // Howard Hinnant's civil_from_days: exact for every day count a
        // Timestamp can reach (about ±1.1e14); the clamp keeps the
        // arithmetic below from overflowing on any other input.
        let limit: Int64 = 1 << 50
        let shifted = min(max(days, -limit), limit) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        self.year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
        self.month = Int(month)
        self.day = Int(day)
    }

    /// Days since 1970-01-01 (days_from_civil).
    public var daysSinceEpoch: Int64 {
        let year = Int64(month <= 2 ? self.year - 1 : self.year)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let monthFromMarch = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Midnight UTC at the start of this date.
    public var startOfDay: Timestamp { Timestamp(seconds: daysSinceEpoch * Timestamp.secondsPerDay) }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Whether the Gregorian year has a February 29.
    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in a month (1 ... 12) of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Timestamp {
    static let secondsPerDay: Int64 = 86_400

    /// Parses RFC 3339 `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` (`t` and
    /// `z` also in lower case) and converts it to UTC.
    ///
    /// Years 0001-9999; fields are range-checked (February 30 is an error,
    /// and so is second 60); fraction digits past nanoseconds are dropped.
    /// A missing offset is the error `timestamp without an offset`.
    public init(rfc3339 text: String) throws(TimeParseError) {
        self = try withUTF8Bytes(of: text) { (bytes) throws(TimeParseError) in try Timestamp.parseRFC3339(bytes) }
    }

    /// Parses a calendar date `YYYY-MM-DD` as midnight UTC.
    public init(date text: String) throws(TimeParseError) {
        self = try withUTF8Bytes(of: text) { (bytes) throws(TimeParseError) in
            guard bytes.count == 10 else { throw TimeParseError.notDate }
            var cursor = DigitCursor(bytes: bytes)
            return try cursor.date(or: .notDate).startOfDay
        }
    }

    /// The UTC calendar date of this instant.
    public var civilDate: CivilDate {
        CivilDate(daysSinceEpoch: Self.floorDivide(normalized.seconds, Self.secondsPerDay).quotient)
    }

    /// Midnight UTC at the start of this instant's date.
    public var startOfDay: Timestamp {
        Timestamp(seconds: Self.floorDivide(normalized.seconds, Self.secondsPerDay).quotient * Self.secondsPerDay)
    }

    /// The RFC 3339 parser over UTF-8 bytes (the JSON reader calls it on the
    /// input buffer directly).
    static func parseRFC3339(_ bytes: UnsafeBufferPointer<UInt8>) throws(TimeParseError) -> Timestamp {
        if let timestamp = parseUTCSeconds(bytes) { return timestamp }
        return try parseRFC3339InGeneral(bytes)
    }

    /// The parser for every form RFC 3339 allows, and for the errors.
    static func parseRFC3339InGeneral(_ bytes: UnsafeBufferPointer<UInt8>) throws(TimeParseError) -> Timestamp {
        // `YYYY-MM-DDTHH:MM:SS` has fixed positions: read them directly.
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] | 0x20 == UInt8(ascii: "t"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { throw TimeParseError.notTimestamp }
        var allDigits = true
        @inline(__always) func number(_ start: Int, _ count: Int) -> Int {
            var value = 0
            for index in start..<(start + count) {
                let digit = bytes[index] &- UInt8(ascii: "0")
                if digit > 9 { allDigits = false }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let year = number(0, 4)
        let month = number(5, 2)
        let day = number(8, 2)
        let hour = number(11, 2)
        let minute = number(14, 2)
        let second = number(17, 2)
        guard allDigits else { throw TimeParseError.notTimestamp }
        let date = try CivilDate.validated(year: year, month: month, day: day)
        var cursor = DigitCursor(bytes: bytes, position: 19)
        guard hour < 24 else { throw TimeParseError("hour out of range") }
        guard minute < 60 else { throw TimeParseError("minute out of range") }
        guard second < 60 else { throw TimeParseError("second out of range") }
        var nanos = 0
        if cursor.take(UInt8(ascii: ".")) {
            var count = 0
            while let digit = cursor.digit() {
                if count < 9 { nanos = nanos * 10 + digit }
                count += 1
            }
            guard count > 0 else { throw TimeParseError.notTimestamp }
            for _ in min(count, 9)..<9 { nanos *= 10 }
        }
        var offsetSeconds = 0
        if cursor.atEnd {
            throw TimeParseError.withoutOffset
        } else if cursor.take(UInt8(ascii: "Z")) || cursor.take(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else {
            let sign: Int
            if cursor.take(UInt8(ascii: "+")) {
                sign = 1
            } else if cursor.take(UInt8(ascii: "-")) {
                sign = -1
            } else {
                throw TimeParseError.notTimestamp
            }
            guard let offsetHour = cursor.digits(2), cursor.take(UInt8(ascii: ":")),
                let offsetMinute = cursor.digits(2)
            else { throw TimeParseError.notTimestamp }
            guard offsetHour < 24, offsetMinute < 60 else { throw TimeParseError("offset out of range") }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        }
        guard cursor.atEnd else { throw TimeParseError.notTimestamp }
        let local = date.daysSinceEpoch * secondsPerDay + Int64(hour * 3600 + minute * 60 + second)
        let utc = local - Int64(offsetSeconds)
        // The offset can carry 9999-12-31 or 0001-01-01 out of the years a
        // timestamp holds (and that RFC 3339 can write back).
        guard (TimeArithmetic.minimumSeconds...TimeArithmetic.maximumSeconds).contains(utc) else {
            throw TimeParseError("timestamp out of range")
        }
        return Timestamp(seconds: utc, nanos: Int32(nanos))
    }

    /// Division rounding toward negative infinity, with a non-negative
    /// remainder, so instants before 1970 land on the right day.
    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

extension TimeDuration {
    /// Parses a CEL duration string: an optional sign, then one or more
    /// decimal numbers each with a unit, `ns us µs ms s m h` and Baton's `d`
    /// (24h) and `w` (7d): `"720h"`, `"1.5h"`, `"1h30m"`, `"-2s"`, `"30d"`;
    /// `"0"` alone is zero. A result beyond about ±292 years is an error.
    public init(parsing text: String) throws(TimeParseError) {
        self = try withUTF8Bytes(of: text) { (bytes) throws(TimeParseError) in try TimeDuration.parse(bytes) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(TimeParseError) -> TimeDuration {
        var cursor = DigitCursor(bytes: bytes)
        let negative = cursor.take(UInt8(ascii: "-"))
        if !negative { _ = cursor.take(UInt8(ascii: "+")) }
        guard !cursor.atEnd else { throw TimeParseError.notDuration }
        if bytes.count == cursor.position + 1, bytes[cursor.position] == UInt8(ascii: "0") {
            return TimeDuration(nanoseconds: 0)
        }
        var total: UInt64 = 0
        while !cursor.atEnd {
            total = try Self.add(cursor.durationTerm(), to: total)
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard total <= limit else { throw TimeParseError.durationOverflow }
        return TimeDuration(nanoseconds: negative ? Int64(truncatingIfNeeded: 0 &- total) : Int64(total))
    }

    private static func add(_ term: UInt64, to total: UInt64) throws(TimeParseError) -> UInt64 {
        let (sum, overflow) = total.addingReportingOverflow(term)
        guard !overflow else { throw TimeParseError.durationOverflow }
        return sum
    }
}

/// Runs a parser over the UTF-8 bytes of a string, keeping its typed error
/// (`String.withUTF8` only rethrows untyped).
private func withUTF8Bytes<Result>(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>) throws(TimeParseError) -> Result
) throws(TimeParseError) -> Result {
    var text = text
    let outcome: Swift.Result<Result, TimeParseError> = text.withUTF8 { bytes in
        do throws(TimeParseError) { return .success(try body(bytes)) } catch { return .failure(error) }
    }
    return try outcome.get()
}

/// A position in ASCII text with the small readers the time parsers share.
struct DigitCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func digit() -> Int? {
        guard position < bytes.count else { return nil }
        let value = Int(bytes[position]) - Int(UInt8(ascii: "0"))
        guard value >= 0, value <= 9 else { return nil }
        position += 1
        return value
    }

    /// Exactly `count` digits as a number.
    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let digit = digit() else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `YYYY-MM-DD`, range-checked.
    mutating func date(or syntaxError: TimeParseError) throws(TimeParseError) -> CivilDate {
        guard let year = digits(4), take(UInt8(ascii: "-")), let month = digits(2), take(UInt8(ascii: "-")),
            let day = digits(2)
        else { throw syntaxError }
        return try CivilDate.validated(year: year, month: month, day: day)
    }

    /// One `number unit` term of a duration, in nanoseconds.
    mutating func durationTerm() throws(TimeParseError) -> UInt64 {
        var whole: UInt64 = 0
        var wholeDigits = 0
        while let digit = digit() {
            let (times10, overflow1) = whole.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { throw TimeParseError.durationOverflow }
            whole = sum
            wholeDigits += 1
        }
        var fraction: UInt64 = 0
        var scale: UInt64 = 1
        var fractionDigits = 0
        if take(UInt8(ascii: ".")) {
            while let digit = digit() {
                // Digits past 10^-18 cannot change a nanosecond count.
                if scale < 1_000_000_000_000_000_000 {
                    fraction = fraction * 10 + UInt64(digit)
                    scale *= 10
                }
                fractionDigits += 1
            }
        }
        guard wholeDigits + fractionDigits > 0 else { throw TimeParseError.notDuration }
        let unit = try durationUnit()
        let (wholeNanos, overflow) = whole.multipliedReportingOverflow(by: unit)
        guard !overflow else { throw TimeParseError.durationOverflow }
        let product = fraction.multipliedFullWidth(by: unit)
        let fractionNanos = scale.dividingFullWidth(product).quotient
        let (sum, overflow2) = wholeNanos.addingReportingOverflow(fractionNanos)
        guard !overflow2 else { throw TimeParseError.durationOverflow }
        return sum
    }

    private mutating func durationUnit() throws(TimeParseError) -> UInt64 {
        let start = position
        while position < bytes.count, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]),
            bytes[position] != UInt8(ascii: ".")
        {
            position += 1
        }
        let unit = UnsafeBufferPointer(rebasing: bytes[start..<position])
        let second: UInt64 = 1_000_000_000
        switch (unit.count, unit.first ?? 0, unit.count > 1 ? unit[1] : 0, unit.last ?? 0) {
        case (2, UInt8(ascii: "n"), _, UInt8(ascii: "s")): return 1
        case (2, UInt8(ascii: "u"), _, UInt8(ascii: "s")): return 1_000
        case (3, 0xC2, 0xB5, UInt8(ascii: "s")), (3, 0xCE, 0xBC, UInt8(ascii: "s")): return 1_000  // µs, μs
        case (2, UInt8(ascii: "m"), _, UInt8(ascii: "s")): return 1_000_000
        case (1, UInt8(ascii: "s"), _, _): return second
        case (1, UInt8(ascii: "m"), _, _): return 60 * second
        case (1, UInt8(ascii: "h"), _, _): return 3600 * second
        case (1, UInt8(ascii: "d"), _, _): return 86_400 * second
        case (1, UInt8(ascii: "w"), _, _): return 7 * 86_400 * second
        case (0, _, _, _): throw TimeParseError("missing unit in duration")
        default:
            throw TimeParseError("unknown unit \"\(String(decoding: unit, as: UTF8.self))\" in duration")
        }
    }
}
