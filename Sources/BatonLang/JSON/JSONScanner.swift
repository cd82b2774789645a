/// A problem in JSON text at a byte offset; readers turn it into a public
/// error with line and column (or, reading a typed record, with the path).
struct JSONProblem: Error {
    let message: String
    let offset: Int
    /// False for problems that a field path locates well enough (a value of
    /// the wrong type): their message gets no line and column.
    var showsPosition = true
    /// Where in a typed record, innermost first; filled in on the way out.
    var reversedPath: [RecordPathComponent] = []

    init(message: String, offset: Int, showsPosition: Bool = true) {
        self.message = message
        self.offset = offset
        self.showsPosition = showsPosition
    }
}

/// One step of a field path: `.name`, `[3]` or `["key"]`.
enum RecordPathComponent {
    case field(String)
    case index(Int)
    case key(String)
}

/// A JSON string as scanned: a range of the input when it had no escapes,
/// or the decoded bytes in the scanner's scratch buffer (valid until the
/// next string is scanned).
struct ScannedString {
    let start: Int
    let count: Int
    let inScratch: Bool
    /// Offset of the opening quote, for messages.
    let offset: Int
}

/// A JSON number with its lexical kind: an integer literal (no fraction,
/// no exponent) keeps its exact value when it fits 64 bits.
struct ScannedNumber {
    let start: Int
    let end: Int
    let isIntegerLiteral: Bool
    /// The value of an integer literal that fits `Int64`.
    let integer: Int64?
    let double: Double
}

/// The byte-level part of JSON reading shared by the dynamic and the typed
/// readers: white space, strings (escapes and UTF-8 validation), numbers,
/// literals and skipping whole values (RFC 8259, strict).
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    private(set) var scratch: [UInt8] = []
    let maxStringBytes: Int

    init(bytes: UnsafeBufferPointer<UInt8>, maxStringBytes: Int) {
        self.bytes = bytes
        self.maxStringBytes = maxStringBytes
        // A UTF-8 byte order mark is not JSON, but editors on Windows write one.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    var atEnd: Bool { position >= bytes.count }

    /// The byte at the current position, or nil at the end.
    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func problem(_ message: String, at offset: Int? = nil) -> JSONProblem {
        JSONProblem(message: message, offset: offset ?? position)
    }

    /// A problem for the unexpected byte at the current position.
    func unexpected(expecting what: String) -> JSONProblem {
        guard let byte = current else { return problem("unexpected end of input, expected \(what)") }
        if byte >= 0x80 { return problem("unexpected character, expected \(what)") }
        if byte < 0x20 || byte == 0x7F { return problem("unexpected control character, expected \(what)") }
        return problem("unexpected '\(Character(Unicode.Scalar(byte)))', expected \(what)")
    }

    // MARK: Strings

    /// Scans the string at the current position (which holds `"`).
    ///
    /// Inlined for the common string, plain ASCII up to its quote: called,
    /// returning the result through memory and setting up the general loop
    /// cost about as much as the scan itself. Any other string continues in
    /// ``scanRestOfString(quote:start:)``, from where the fast path stopped.
    @inline(__always)
    mutating func scanString() throws(JSONProblem) -> ScannedString {
        let quote = position
        position += 1
        let start = position
        skipPlainASCIIWords()
        if position < bytes.count, bytes[position] == UInt8(ascii: "\""), position - start <= maxStringBytes {
            position += 1
            return ScannedString(start: start, count: position - 1 - start, inScratch: false, offset: quote)
        }
        return try scanRestOfString(quote: quote, start: start)
    }

    /// The general scan of a string that opened at `quote`, its bytes from
    /// `start` up to the current position plain ASCII. Not private: the
    /// tests check that the fast path agrees with it.
    @inline(never)
    mutating func scanRestOfString(quote: Int, start: Int) throws(JSONProblem) -> ScannedString {
        while true {
            skipPlainASCIIWords()
            guard position < bytes.count else { break }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let count = position - start
                position += 1
                guard count <= maxStringBytes else {
                    throw problem("string longer than \(maxStringBytes) bytes", at: quote)
                }
                return ScannedString(start: start, count: count, inScratch: false, offset: quote)
            }
            if byte == UInt8(ascii: "\\") { return try scanEscapedString(quote: quote, start: start) }
            if byte < 0x20 { throw problem("unescaped control character in string") }
            if byte < 0x80 {
                position += 1
            } else {
                try skipUTF8Sequence()
            }
        }
        throw problem("unterminated string", at: quote)
    }

    /// Skips plain bytes 8 at a time, stopping at the first `"`, backslash,
    /// control character or non-ASCII byte (little-endian word loads).
    @inline(__always)
    private mutating func skipPlainASCIIWords() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while position + 8 <= bytes.count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            // A byte is flagged when it is zero after the xor (quote,
            // backslash), below 0x20, or has its high bit set.
            let special =
                ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word) | word
            let flagged = special & highBits
            if flagged != 0 {
                // Borrows only run upward from a truly flagged byte, so the
                // lowest flag is exact: stop right at it.
                position += flagged.trailingZeroBitCount >> 3
                return
            }
            position += 8
        }
    }

    /// The slow path: decodes the rest of a string that holds escapes into
    /// the scratch buffer.
    private mutating func scanEscapedString(quote: Int, start: Int) throws(JSONProblem) -> ScannedString {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                guard scratch.count <= maxStringBytes else {
                    throw problem("string longer than \(maxStringBytes) bytes", at: quote)
                }
                return ScannedString(start: 0, count: scratch.count, inScratch: true, offset: quote)
            }
            if byte == UInt8(ascii: "\\") {
                try scanEscape()
            } else if byte < 0x20 {
                throw problem("unescaped control character in string")
            } else if byte < 0x80 {
                scratch.append(byte)
                position += 1
            } else {
                let sequenceStart = position
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<position]))
            }
            // Stops an escaped string from growing scratch without bound.
            if scratch.count > maxStringBytes {
                throw problem("string longer than \(maxStringBytes) bytes", at: quote)
            }
        }
        throw problem("unterminated string", at: quote)
    }

    private mutating func scanEscape() throws(JSONProblem) {
        let escapeStart = position
        position += 1
        guard let byte = current else { throw problem("unterminated string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(byte)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad(escapeStart: escapeStart)
            if (0xD800...0xDBFF).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else { throw problem("unpaired surrogate in \\u escape", at: escapeStart) }
                position += 2
                let low = try hexQuad(escapeStart: escapeStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw problem("unpaired surrogate in \\u escape", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw problem("unpaired surrogate in \\u escape", at: escapeStart)
            }
            guard let unicodeScalar = Unicode.Scalar(scalar) else {
                throw problem("invalid \\u escape", at: escapeStart)
            }
            scratch.append(contentsOf: UTF8.encode(unicodeScalar)!)
        default:
            throw problem("invalid escape sequence", at: escapeStart)
        }
    }

    private mutating func hexQuad(escapeStart: Int) throws(JSONProblem) -> UInt32 {
        guard position + 4 <= bytes.count else { throw problem("invalid \\u escape", at: escapeStart) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw problem("invalid \\u escape", at: escapeStart)
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }

    /// Skips one well-formed multi-byte UTF-8 sequence (RFC 3629: no
    /// overlong forms, no surrogates, nothing above U+10FFFF).
    private mutating func skipUTF8Sequence() throws(JSONProblem) {
        let lead = bytes[position]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw problem("invalid UTF-8")
        }
        guard position + length <= bytes.count else { throw problem("invalid UTF-8") }
        let second = bytes[position + 1]
        guard second >= secondLow, second <= secondHigh else { throw problem("invalid UTF-8") }
        for index in 2..<length where bytes[position + index] & 0xC0 != 0x80 {
            throw problem("invalid UTF-8")
        }
        position += length
    }

    /// Calls `body` with the bytes of a scanned string.
    func withBytes<Result>(of string: ScannedString, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if string.inScratch {
            return scratch.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[0..<string.count])) }
        }
        return body(UnsafeBufferPointer(rebasing: bytes[string.start..<(string.start + string.count)]))
    }

    func makeString(_ string: ScannedString) -> String {
        withBytes(of: string, Self.makeString)
    }

    /// The string of scanned (so valid UTF-8) bytes.
    @inline(__always)
    static func makeString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // A short ASCII string is copied straight into the inline
        // small-string form, which checks ASCII with one mask: about
        // half the cost of `String(decoding:)`, which validates the
        // bytes and then builds the small string byte by byte. Other
        // strings are validated either way, and cheaper so.
        if bytes.count <= smallStringCapacity, isShortASCII(bytes) {
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                if let source = bytes.baseAddress, let target = buffer.baseAddress {
                    ByteBuffer.copy(source, to: target, count: bytes.count)
                }
                return bytes.count
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The most UTF-8 bytes a `String` holds inline (64-bit platforms).
    static let smallStringCapacity = 15

    /// Whether at most 16 bytes are all ASCII: two loads that overlap in
    /// the middle, no loop over the bytes.
    @inline(__always)
    static func isShortASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        let union: UInt64
        if count >= 8 {
            let from = UnsafeRawPointer(base)
            union = from.loadUnaligned(as: UInt64.self) | from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        } else {
            union = ByteBuffer.shortWord(base, count: count)
        }
        return union & 0x8080_8080_8080_8080 == 0
    }

    /// Scans the string at the current position and makes it a `String`.
    mutating func scanStringValue() throws(JSONProblem) -> String {
        // Scanned first, in its own statement: `makeString(try scanString())`
        // would read the scratch buffer of `self` from before the scan.
        let scanned = try scanString()
        return makeString(scanned)
    }

    /// Line and column (1-based, the column in characters) of a byte offset.
    func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for index in 0..<min(offset, bytes.count) {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
