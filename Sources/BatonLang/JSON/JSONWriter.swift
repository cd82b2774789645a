/// Writes compact JSON into a growing byte buffer, with no intermediate
/// dictionaries: callers write objects, keys and values in output order.
///
/// Commas are placed automatically: `beginObject()`, `key("a")`, `int(1)`,
/// `key("b")`, `beginArray()`, `endArray()`, `endObject()` gives
/// `{"a":1,"b":[]}`. The writer does not check nesting: a mismatched
/// `end…` produces invalid JSON, not a crash.
public struct JSONWriter: Sendable {
    /// The UTF-8 JSON written so far.
    public private(set) var bytes: [UInt8]
    private var needsComma = false

    /// How ``writeValue(_:style:)`` prints doubles.
    public enum ValueStyle: Sendable {
        /// Decisions and `string(x)`: `45`, never `45.0`.
        case decision
        /// `baton expr` values: an int-valued double keeps `.0` (`1.0`) so its
        /// type stays visible.
        case expr
    }

    /// An empty writer with room for `capacity` bytes before it grows.
    public init(reservingCapacity capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The JSON written so far, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its capacity, to write the next document.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    /// Ends a line of NDJSON: writes `\n`, and the next value starts a new
    /// document (no comma before it).
    public mutating func newline() {
        bytes.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    /// Writes `{`; members follow as ``key(_:)`` and a value each.
    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Writes `}`.
    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[`; elements follow.
    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Writes `]`.
    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key and its colon; the value comes next.
    public mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key spelled in the source, which needs no escaping (no `"`,
    /// `\` or control characters), and its colon: a fixed key skips
    /// `key(_:)`'s escape scan.
    public mutating func key(literal name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            bytes.append(contentsOf: utf8)
        }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string with JSON escaping: `"` `\`, `\n` `\r` `\t` `\b` `\f`
    /// in short form, other control characters as `\u00XX`; everything else,
    /// non-ASCII included, as its UTF-8 bytes.
    public mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// Writes an integer in decimal.
    public mutating func int(_ value: Int64) {
        separate()
        appendDecimalText(value, to: &bytes)
        needsComma = true
    }

    /// Writes an integer in decimal.
    public mutating func int(_ value: Int) { int(Int64(value)) }

    /// Writes a double as ``formatDecimal(_:)`` does; NaN and the infinities,
    /// which JSON numbers cannot hold, as the strings `"NaN"`, `"Infinity"`,
    /// `"-Infinity"`.
    public mutating func double(_ value: Double, style: ValueStyle = .decision) {
        separate()
        let quoted = !value.isFinite
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        appendDecimalText(value, to: &bytes, keepPointZero: style == .expr)
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        needsComma = true
    }

    /// Writes `hundredths / 100` as ``double(_:style:)`` would, straight from
    /// the integer: the digits, then up to two decimals without trailing zeros.
    public mutating func hundredths(_ value: Int64) {
        // Below 10^15 the decimal has at most 15 significant digits, so it is
        // the shortest round-trip text of the double too; larger values take
        // the double path.
        guard value.magnitude < 1_000_000_000_000_000 else {
            double(Double(value) / 100)
            return
        }
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        appendDecimalText(magnitude / 100, to: &bytes, minimumDigits: 1)
        let fraction = magnitude % 100
        if fraction != 0 {
            bytes.append(UInt8(ascii: "."))
            bytes.append(UInt8(ascii: "0") &+ UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") &+ UInt8(fraction % 10)) }
        }
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
        needsComma = true
    }

    /// Writes a timestamp as an RFC 3339 UTC string (`"2026-11-25T12:00:00Z"`).
    public mutating func timestamp(_ value: Timestamp) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes a duration as seconds with an `s` (`"3600s"`).
    public mutating func duration(_ value: TimeDuration) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        value.appendFormatted(to: &bytes)
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes a run-time value: lists as arrays, maps in insertion order,
    /// records as objects in field order, timestamps and durations as
    /// strings.
    ///
    /// An error value anywhere inside is not writable: the writer throws it
    /// and the buffer holds a partial document the caller should discard.
    /// So is a value whose JSON would pass `maximumBytes` (by default
    /// ``maximumValueBytes``): values share storage, so a small one can
    /// stand for far more text than memory holds.
    public mutating func writeValue(
        _ value: Value, style: ValueStyle, maximumBytes: Int = JSONWriter.maximumValueBytes
    ) throws(EvalError) {
        try writeValue(value, style: style, errors: .thrown, maximumBytes: maximumBytes)
    }

    enum ErrorHandling { case thrown, asMessage }

    /// The most JSON one ``writeValue(_:style:maximumBytes:)`` writes by default: 64 MiB.
    public static let maximumValueBytes = 64 << 20

    mutating func writeValue(
        _ value: Value, style: ValueStyle, errors: ErrorHandling, maximumBytes: Int = JSONWriter.maximumValueBytes
    ) throws(EvalError) {
        let (sum, overflow) = bytes.count.addingReportingOverflow(maximumBytes)
        let limit = overflow ? Int.max : sum
        // Stops early once past the limit; the last piece written may end past it.
        try writeValue(value, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
        guard bytes.count <= limit else { throw Self.tooLarge(maximumBytes) }
    }

    private static func tooLarge(_ maximumBytes: Int) -> EvalError {
        EvalError("the value is too large to write: more than \(maximumBytes) bytes of JSON")
    }

    private mutating func writeValue(
        _ value: Value, style: ValueStyle, errors: ErrorHandling, limit: Int, maximumBytes: Int
    ) throws(EvalError) {
        guard bytes.count <= limit else { throw Self.tooLarge(maximumBytes) }
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .int(let number): int(number)
        case .double(let number): double(number, style: style)
        case .string(let text): string(text)
        case .timestamp(let instant): timestamp(instant)
        case .duration(let length): duration(length)
        case .list(let elements):
            beginArray()
            for element in elements {
                try writeValue(element, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
            }
            endArray()
        case .map(let map):
            beginObject()
            for name in map.keys {
                key(name)
                try writeValue(
                    map.storage[name] ?? .null, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
            }
            endObject()
        case .record(let record):
            beginObject()
            for (field, fieldValue) in zip(record.type.fields, record.fields) {
                key(field.name)
                try writeValue(fieldValue, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
            }
            endObject()
        case .error(let error):
            switch errors {
            case .thrown: throw error
            case .asMessage: string(error.message)
            }
        }
    }

    /// Appends `needsComma`'s comma before the next key or value.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            while index < utf8.count {
                // Most text needs no escaping: skip it eight bytes at a time.
                if utf8.count - index >= 8,
                    !Self.mayNeedEscaping(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self))
                {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                index += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<(index - 1)]))
                appendEscape(byte)
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\`; it
    /// may say yes when none is (then each byte is checked), never no when
    /// one is. Bit tricks from "Bit Twiddling Hacks" (`haszero`, `hasless`).
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let quoteBytes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslashBytes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let quote = (quoteBytes &- ones) & ~quoteBytes
        let backslash = (backslashBytes &- ones) & ~backslashBytes
        return (control | quote | backslash) & highBits != 0
    }

    private mutating func appendEscape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0F)])
        }
    }
}
