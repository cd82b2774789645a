/// Unicode text operations on scalars, without normalisation, as the string
/// built-ins need them.
enum UnicodeText {
    /// Whether `needle`'s scalars occur in `haystack`. UTF-8 is
    /// self-synchronising, so a byte match is a scalar match.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        firstMatch(of: needle, in: haystack) != nil
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        let textBytes = text.utf8
        let prefixBytes = prefix.utf8
        guard prefixBytes.count <= textBytes.count else { return false }
        return textBytes.prefix(prefixBytes.count).elementsEqual(prefixBytes)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let textBytes = text.utf8
        let suffixBytes = suffix.utf8
        guard suffixBytes.count <= textBytes.count else { return false }
        return textBytes.suffix(suffixBytes.count).elementsEqual(suffixBytes)
    }

    /// The UTF-8 offset of the first occurrence of `needle` at or after `start`.
    static func firstMatch(of needle: String, in haystack: String, from start: Int = 0) -> Int? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern -> Int? in
                let count = pattern.count
                if count == 0 { return start <= text.count ? start : nil }
                guard text.count >= count, start <= text.count - count else { return nil }
                let first = pattern[0]
                var index = start
                let last = text.count - count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < count, text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == count { return index }
                    }
                    index += 1
                }
                return nil
            }
        }
    }

    /// Splits on every occurrence of `separator`; an empty separator splits
    /// into scalars.
    static func split(_ text: String, separator: String) -> [String] {
        if separator.isEmpty { return text.unicodeScalars.map { String($0) } }
        var parts: [String] = []
        let bytes = Array(text.utf8)
        let separatorLength = separator.utf8.count
        var start = 0
        while let match = firstMatch(of: separator, in: text, from: start) {
            parts.append(String(decoding: bytes[start..<match], as: UTF8.self))
            start = match + separatorLength
        }
        parts.append(String(decoding: bytes[start...], as: UTF8.self))
        return parts
    }

    /// How `lower(text)` relates to an ASCII lower-case `pattern`, computed
    /// on the bytes without building the lower-cased text; nil when `text`
    /// is not ASCII, or not contiguous (the caller lower-cases then).
    // Inlined so that a caller reading `text` in place from a record need not copy it.
    @inline(__always)
    static func asciiLowercased(_ text: String, _ test: SubstringTest, _ pattern: [UInt8]) -> Bool? {
        withBytesInPlace(text) { haystack in
            for byte in haystack where byte >= 0x80 { return nil }
            return pattern.withUnsafeBufferPointer { matches(haystack, test, $0, lowering: true) }
        }
    }

    /// `test(_:_:_:)` on `text`'s bytes in place, nil when they are not
    /// contiguous (the caller's general path decides then).
    @inline(__always)
    static func testInPlace(_ text: String, _ test: SubstringTest, _ pattern: [UInt8]) -> Bool? {
        withBytesInPlace(text) { haystack in
            pattern.withUnsafeBufferPointer { matches(haystack, test, $0, lowering: false) }
        }
    }

    /// `test` of the UTF-8 `pattern` against `text`'s bytes, without copying
    /// `text` (a byte match is a scalar match).
    @inline(__always)
    static func test(_ text: String, _ test: SubstringTest, _ pattern: [UInt8]) -> Bool {
        withBytes(text) { haystack in
            pattern.withUnsafeBufferPointer { matches(haystack, test, $0, lowering: false) }
        }
    }

    /// `body` of `text`'s UTF-8 bytes in place, nil when the string is not
    /// contiguous. `body` appears once, not twice as in `withBytes`, so that
    /// it is inlined into the caller rather than called.
    @inline(__always)
    static func withBytesInPlace<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result?) -> Result? {
        text.utf8.withContiguousStorageIfAvailable(body) ?? nil
    }

    /// `body` of `text`'s UTF-8 bytes, in place when the string is contiguous.
    @inline(__always)
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether `needle` is a prefix, suffix or part of `haystack`, with
    /// `haystack`'s ASCII capitals lowered first when `lowering`.
    @inline(__always)
    private static func matches(
        _ haystack: UnsafeBufferPointer<UInt8>, _ test: SubstringTest, _ needle: UnsafeBufferPointer<UInt8>,
        lowering: Bool
    ) -> Bool {
        let count = needle.count
        guard count <= haystack.count else { return false }
        @inline(__always) func byte(at offset: Int) -> UInt8 {
            let byte = haystack[offset]
            return lowering && byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
        }
        @inline(__always) func matches(at start: Int) -> Bool {
            var offset = 0
            while offset < count, byte(at: start + offset) == needle[offset] { offset += 1 }
            return offset == count
        }
        switch test {
        case .prefix: return matches(at: 0)
        case .suffix: return matches(at: haystack.count - count)
        case .contains:
            guard count > 0, let base = haystack.baseAddress else { return count == 0 }
            let first = needle[0]
            let final = needle[count - 1]
            var start = 0
            let last = haystack.count - count
            // Eight starts at a time: a start is a candidate when the needle's
            // first byte is there and its last byte `count - 1` further on
            // (either case of a letter when lowering), and only candidates are
            // compared in full. Byte by byte, a start cost some six
            // instructions, and the `/` of `"/pricing"` is at two starts of
            // every `https://`.
            let firsts = (ByteWord.repeating(first), ByteWord.repeating(lowering ? asciiCapital(first) : first))
            let finals = (ByteWord.repeating(final), ByteWord.repeating(lowering ? asciiCapital(final) : final))
            /// The candidates among the eight starts from `word`, a byte's high bit each.
            @inline(__always) func candidates(from word: Int) -> UInt64 {
                let head = ByteWord.load(base + word)
                let tail = ByteWord.load(base + word + count - 1)
                return (ByteWord.bytes(of: head, equalTo: firsts.0) | ByteWord.bytes(of: head, equalTo: firsts.1))
                    & (ByteWord.bytes(of: tail, equalTo: finals.0) | ByteWord.bytes(of: tail, equalTo: finals.1))
            }
            @inline(__always) func anyCandidateMatches(from word: Int, _ marked: UInt64) -> Bool {
                var marked = marked
                while marked != 0 {
                    if matches(at: word + ByteWord.firstMarked(marked)) { return true }
                    marked &= marked &- 1
                }
                return false
            }
            guard last >= 7 else {
                // Fewer than eight starts: byte by byte.
                while start <= last {
                    if byte(at: start) == first, matches(at: start) { return true }
                    start += 1
                }
                return false
            }
            while start + 7 <= last {
                if anyCandidateMatches(from: start, candidates(from: start)) { return true }
                start += 8
            }
            // The last few starts: the eight that end at `last`, less those already tried.
            guard start <= last else { return false }
            let word = last - 7
            return anyCandidateMatches(from: word, candidates(from: word) & (~0 << UInt64((start - word) * 8)))
        }
    }

    /// The capital of an ASCII lower-case letter; any other byte as it is.
    @inline(__always)
    private static func asciiCapital(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "a") < 26 ? byte - 0x20 : byte
    }

    /// The three substring tests.
    enum SubstringTest: Sendable {
        case contains, prefix, suffix

        init?(function: String) {
            switch function {
            case "contains": self = .contains
            case "startsWith": self = .prefix
            case "endsWith": self = .suffix
            default: return nil
            }
        }
    }

    /// Removes Unicode white space (the White_Space property) at both ends.
    static func trim(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        guard let last = scalars.lastIndex(where: { !isWhitespace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Whether a scalar has the White_Space property; ASCII answered without
    /// the Unicode tables, which cost a few hundred instructions a scalar.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? isASCIIWhitespace(UInt8(scalar.value)) : scalar.properties.isWhitespace
    }

    /// Full default case mapping to lower case; ASCII stays fast.
    static func lower(_ text: String) -> String {
        // `lowercased()` asks the Unicode tables about every scalar even for
        // ASCII; on ASCII the mapping is A–Z to a–z, done on the bytes.
        if let lowered = asciiLowercased(text) { return lowered }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            // The mapping of an ASCII scalar, without the Unicode tables.
            if scalar.isASCII {
                result.unicodeScalars.append(Unicode.Scalar(asciiLowered(UInt8(scalar.value))))
            } else {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// Full default case mapping to upper case (`"ß"` becomes `"SS"`).
    static func upper(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.uppercased() }
        var result = ""
        for scalar in text.unicodeScalars { result += scalar.properties.uppercaseMapping }
        return result
    }

    /// `text` with A–Z lowered, nil when `text` is not ASCII.
    private static func asciiLowercased(_ text: String) -> String? {
        withBytes(text) { bytes -> String? in
            var hasCapital = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte &- UInt8(ascii: "A") < 26 { hasCapital = true }
            }
            return hasCapital ? asciiLowercasedString(bytes) : text
        }
    }

    @inline(__always)
    static func asciiLowered(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The ASCII White_Space characters: tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    @inline(__always)
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte &- 0x09 < 5
    }

    /// The ASCII `bytes` with A–Z lowered, as a string.
    static func asciiLowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for index in 0..<bytes.count { buffer[index] = asciiLowered(bytes[index]) }
            return bytes.count
        }
    }
}
