/// Writes compact JSON into a growing byte buffer, with no intermediate
/// dictionaries: callers write objects, keys and values in output order.
///
/// Commas are placed automatically: `beginObject()`, `key("a")`, `int(1)`,
/// `key("b")`, `beginArray()`, `endArray()`, `endObject()` gives
/// `{"a":1,"b":[]}`. The writer does not check nesting: a mismatched
/// `end…` produces invalid JSON, not a crash.
///
/// The punctuation and fixed pieces are inlinable: a decision writes some
/// forty of them, and inlined where the piece is a literal each becomes a
/// capacity check and a copy of constants instead of a call (≈ 90
/// instructions each).
public struct JSONWriter: Sendable {
    @usableFromInline var buffer: ByteBuffer
    @usableFromInline var needsComma = false

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
        buffer = ByteBuffer(capacity: capacity)
    }

    /// The UTF-8 JSON written so far.
    public var bytes: [UInt8] { Array(buffer.bytes) }

    /// The number of bytes written so far.
    public var count: Int { buffer.count }

    /// Calls `body` with the JSON written so far, without copying it.
    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        try body(buffer.bytes)
    }

    /// The JSON written so far, as text.
    public var text: String { String(decoding: buffer.bytes, as: UTF8.self) }

    /// Empties the buffer, keeping its capacity, to write the next document.
    public mutating func reset() {
        buffer.removeAll()
        needsComma = false
    }

    /// Ends a line of NDJSON: writes `\n`, and the next value starts a new
    /// document (no comma before it).
    @inlinable
    public mutating func newline() {
        buffer.append(UInt8(ascii: "\n"))
        needsComma = false
    }

    /// Writes `{`; members follow as ``key(_:)`` and a value each.
    @inlinable
    public mutating func beginObject() {
        separate()
        buffer.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Writes `}`.
    @inlinable
    public mutating func endObject() {
        buffer.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[`; elements follow.
    @inlinable
    public mutating func beginArray() {
        separate()
        buffer.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Writes `]`.
    @inlinable
    public mutating func endArray() {
        buffer.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object key and its colon; the value comes next.
    public mutating func key(_ name: String) {
        appendQuoted(name, colon: true)
        needsComma = false
    }

    /// Writes a key spelled in the source, which needs no escaping (no `"`,
    /// `\` or control characters), and its colon: a fixed key skips
    /// `key(_:)`'s escape scan.
    @inlinable
    public mutating func key(literal name: StaticString) {
        name.withUTF8Buffer { utf8 in
            assert(!utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
            // One reservation for `,"name":`.
            let out = buffer.reserve(utf8.count + 4)
            var at = 0
            if needsComma {
                out.pointee = UInt8(ascii: ",")
                at = 1
            }
            out[at] = UInt8(ascii: "\"")
            ByteBuffer.copy(utf8.baseAddress!, to: out + at + 1, count: utf8.count)
            at += 1 + utf8.count
            out[at] = UInt8(ascii: "\"")
            out[at + 1] = UInt8(ascii: ":")
            buffer.didWrite(at + 2)
        }
        needsComma = false
    }

    /// Writes a run of JSON spelled in the source verbatim, with no comma
    /// before it: punctuation and fixed keys that always follow one another,
    /// such as `},"route":{"assignee":{"kind":`, as one copy. A comma comes
    /// before the next key or value unless the run ends with `{`, `[`, `:`
    /// or `,`. The caller makes sure the result is JSON.
    ///
    /// With `separated`, a comma comes first when one is due: for a run
    /// that begins the next element of an array (`{"component":`).
    @inlinable @inline(__always)
    public mutating func fragment(_ json: StaticString, separated: Bool = false) {
        json.withUTF8Buffer { fragment($0, separated: separated) }
    }

    /// Writes JSON bytes verbatim, as ``fragment(_:separated:)-(StaticString,_)``
    /// does: for text made once and written many times.
    @inlinable @inline(__always)
    public mutating func fragment(_ json: UnsafeBufferPointer<UInt8>, separated: Bool = false) {
        guard let last = json.last else { return }
        let comma = separated && needsComma
        let out = buffer.reserve(json.count + 1)
        if comma { out.pointee = UInt8(ascii: ",") }
        ByteBuffer.copy(json.baseAddress!, to: out + (comma ? 1 : 0), count: json.count)
        buffer.didWrite(json.count + (comma ? 1 : 0))
        needsComma =
            !(last == UInt8(ascii: "{") || last == UInt8(ascii: "[") || last == UInt8(ascii: ":")
            || last == UInt8(ascii: ","))
    }

    /// Writes a string with JSON escaping: `"` `\`, `\n` `\r` `\t` `\b` `\f`
    /// in short form, other control characters as `\u00XX`; everything else,
    /// non-ASCII included, as its UTF-8 bytes.
    public mutating func string(_ value: String) {
        appendQuoted(value, colon: false)
        needsComma = true
    }

    /// Writes an integer in decimal.
    public mutating func int(_ value: Int64) {
        separate()
        appendDecimalText(value, to: &buffer)
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
        if quoted { buffer.append(UInt8(ascii: "\"")) }
        appendDecimalText(value, to: &buffer, keepPointZero: style == .expr)
        if quoted { buffer.append(UInt8(ascii: "\"")) }
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
        // A comma, a sign, 20 digits and three decimals.
        let out = buffer.reserve(25)
        var at = 0
        if needsComma {
            out.pointee = UInt8(ascii: ",")
            at = 1
        }
        if value < 0 {
            out[at] = UInt8(ascii: "-")
            at += 1
        }
        let magnitude = value.magnitude
        at += writeDecimal(magnitude / 100, minimumDigits: 1, to: out + at)
        let fraction = magnitude % 100
        if fraction != 0 {
            out[at] = UInt8(ascii: ".")
            out[at + 1] = UInt8(ascii: "0") &+ UInt8(fraction / 10)
            at += 2
            if fraction % 10 != 0 {
                out[at] = UInt8(ascii: "0") &+ UInt8(fraction % 10)
                at += 1
            }
        }
        buffer.didWrite(at)
        needsComma = true
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        separate()
        buffer.append(value ? "true" : "false")
        needsComma = true
    }

    /// Writes `null`.
    @inlinable
    public mutating func null() {
        separate()
        buffer.append("null")
        needsComma = true
    }

    /// Writes a timestamp as an RFC 3339 UTC string (`"2026-11-25T12:00:00Z"`).
    public mutating func timestamp(_ value: Timestamp) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        value.appendRFC3339(to: &buffer)
        buffer.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes a duration as seconds with an `s` (`"3600s"`).
    public mutating func duration(_ value: TimeDuration) {
        separate()
        buffer.append(UInt8(ascii: "\""))
        value.appendFormatted(to: &buffer)
        buffer.append(UInt8(ascii: "\""))
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

    /// Writes a run-time value as ``writeValue(_:style:maximumBytes:)``
    /// does, or `null` in its place when it cannot be written (it holds an
    /// error, or its JSON would pass `maximumBytes`).
    public mutating func writeValueOrNull(
        _ value: Value, style: ValueStyle, maximumBytes: Int = JSONWriter.maximumValueBytes
    ) {
        // Scalars, most values, cannot fail, and their JSON is short (a
        // string's a comma, quotes and at most six bytes per byte): written
        // without the bookkeeping of a write that may be undone.
        if maximumBytes >= 64 {
            switch value {
            case .null: return null()
            case .bool(let flag): return bool(flag)
            case .int(let number): return int(number)
            case .double(let number): return double(number, style: style)
            case .string(let text) where text.utf8.count <= (maximumBytes - 3) / 6: return string(text)
            default: break
            }
        }
        let start = buffer.count
        let startNeedsComma = needsComma
        do throws(EvalError) {
            try writeValue(value, style: style, maximumBytes: maximumBytes)
        } catch {
            buffer.truncate(to: start)
            needsComma = startNeedsComma
            null()
        }
    }

    enum ErrorHandling { case thrown, asMessage }

    /// The most JSON one ``writeValue(_:style:maximumBytes:)`` writes by default: 64 MiB.
    public static let maximumValueBytes = 64 << 20

    mutating func writeValue(
        _ value: Value, style: ValueStyle, errors: ErrorHandling, maximumBytes: Int = JSONWriter.maximumValueBytes
    ) throws(EvalError) {
        let (sum, overflow) = buffer.count.addingReportingOverflow(maximumBytes)
        let limit = overflow ? Int.max : sum
        // Stops early once past the limit; the last piece written may end past it.
        try writeValue(value, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
        guard buffer.count <= limit else { throw Self.tooLarge(maximumBytes) }
    }

    private static func tooLarge(_ maximumBytes: Int) -> EvalError {
        EvalError("the value is too large to write: more than \(maximumBytes) bytes of JSON")
    }

    private mutating func writeValue(
        _ value: Value, style: ValueStyle, errors: ErrorHandling, limit: Int, maximumBytes: Int
    ) throws(EvalError) {
        guard buffer.count <= limit else { throw Self.tooLarge(maximumBytes) }
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
            for (name, value) in zip(map.keys, map.values) {
                key(name)
                try writeValue(
                    value, style: style, errors: errors, limit: limit, maximumBytes: maximumBytes)
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
    @inlinable @inline(__always)
    mutating func separate() {
        if needsComma { buffer.append(UInt8(ascii: ",")) }
    }

    /// Appends a string in quotes, after the comma that is due and with a
    /// colon after it for a key: text that needs no escaping, as most does,
    /// with one reservation and one copy.
    @inline(__always)
    private mutating func appendQuoted(_ text: String, colon: Bool) {
        // Native and small strings lend their bytes without a copy of the
        // string (and its retain and release); others are made native.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted(utf8: $0, colon: colon) }
        if done == nil {
            var text = text
            text.withUTF8 { appendQuoted(utf8: $0, colon: colon) }
        }
    }

    @inline(__always)
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>, colon: Bool) {
        let count = utf8.count
        // Room for the comma, the quotes, the colon and eight bytes of text
        // however short it is: a short text is checked as one word there.
        let out = buffer.reserve(count + 12)
        // The comma is written either way and overwritten by the quote
        // when none is due: no branch.
        out.pointee = UInt8(ascii: ",")
        var at = needsComma ? 1 : 0
        out[at] = UInt8(ascii: "\"")
        let text = out + at + 1
        var plain = 0
        if count < 8 {
            // Most keys and values: copied after eight spaces (which need
            // no escaping), then checked as one word where they landed.
            UnsafeMutableRawPointer(text).storeBytes(of: 0x2020_2020_2020_2020, as: UInt64.self)
            if count > 0 { ByteBuffer.copy(utf8.baseAddress!, to: text, count: count) }
            if !Self.mayNeedEscaping(UnsafeRawPointer(text).loadUnaligned(as: UInt64.self)) { plain = count }
        } else {
            // Longer text: checked eight bytes at a time, the last eight
            // overlapping the ones before (bytes seen twice are plain).
            let base = UnsafeRawPointer(utf8.baseAddress!)
            while count - plain > 8, !Self.mayNeedEscaping(base.loadUnaligned(fromByteOffset: plain, as: UInt64.self)) {
                plain += 8
            }
            if count - plain <= 8,
                !Self.mayNeedEscaping(base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            {
                plain = count
                ByteBuffer.copy(utf8.baseAddress!, to: text, count: count)
            }
        }
        guard plain == count else {
            // What was put in the reserved room is not counted: written
            // again, escaped, from the start.
            separate()
            appendEscaped(utf8, plainPrefix: plain)
            if colon { buffer.append(UInt8(ascii: ":")) }
            return
        }
        at += count + 1
        out[at] = UInt8(ascii: "\"")
        if colon {
            out[at + 1] = UInt8(ascii: ":")
            at += 1
        }
        buffer.didWrite(at + 1)
    }

    /// Appends a string in quotes whose bytes before `plainPrefix` need no
    /// escaping (and some byte after may).
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, plainPrefix: Int) {
        buffer.append(UInt8(ascii: "\""))
        buffer.append(UnsafeBufferPointer(rebasing: utf8[..<plainPrefix]))
        var runStart = plainPrefix
        for index in plainPrefix..<utf8.count where Self.needsEscaping(utf8[index]) {
            buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(utf8[index])
            runStart = index + 1
        }
        buffer.append(UnsafeBufferPointer(rebasing: utf8[runStart...]))
        buffer.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
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
        buffer.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case 0x0A: buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(UInt8(ascii: "r"))
        case 0x09: buffer.append(UInt8(ascii: "t"))
        case 0x08: buffer.append(UInt8(ascii: "b"))
        case 0x0C: buffer.append(UInt8(ascii: "f"))
        default:
            let hex: StaticString = "0123456789abcdef"
            buffer.append("u00")
            buffer.append(hex.utf8Start[Int(byte >> 4)])
            buffer.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}
