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
    /// is not ASCII (the caller lower-cases then).
    // Inlined so that a caller reading `text` in place from a record need not copy it.
    @inline(__always)
    static func asciiLowercased(_ text: String, _ test: SubstringTest, _ pattern: [UInt8]) -> Bool? {
        withBytes(text) { haystack in
            for byte in haystack where byte >= 0x80 { return nil }
            return pattern.withUnsafeBufferPointer { matches(haystack, test, $0, lowering: true) }
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
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
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

    /// The lower-cased domain of an email address or the host of a URL
    /// (without port, user or a leading `www.`), nil when there is none.
    static func domain(_ text: String) -> String? {
        if let ascii = withBytes(text, asciiDomain) { return ascii }
        return scalarDomain(text)
    }

    /// `domain` worked out on Unicode scalars, for any text (the ASCII path
    /// must give what this gives).
    static func scalarDomain(_ text: String) -> String? {
        let trimmed = trim(text)
        if let schemeEnd = firstMatch(of: "://", in: trimmed) {
            let bytes = Array(trimmed.utf8)
            return host(from: bytes[(schemeEnd + 3)...])
        }
        if trimmed.unicodeScalars.contains("@") {
            guard let at = trimmed.unicodeScalars.lastIndex(of: "@") else { return nil }
            let after = lower(String(trimmed.unicodeScalars[trimmed.unicodeScalars.index(after: at)...]))
            guard !after.isEmpty, !after.unicodeScalars.contains(where: isWhitespace)
            else { return nil }
            return after
        }
        // A bare host such as `www.acme.com/about`.
        guard trimmed.unicodeScalars.contains("."),
            !trimmed.unicodeScalars.contains(where: isWhitespace)
        else { return nil }
        return host(from: Array(trimmed.utf8)[...])
    }

    /// The host written in a URL's authority: before any path, query or
    /// fragment, after any `user@`, without a port; an IPv6 literal keeps its
    /// brackets. nil for an unclosed bracket. Shared by the Unicode and ASCII paths.
    private static func authorityHost<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Bytes.SubSequence?
    where Bytes.Element == UInt8 {
        var authority = bytes.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            authority = authority[authority.index(after: at)...]
        }
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return nil }
            return authority[authority.startIndex...close]
        }
        if let colon = authority.firstIndex(of: UInt8(ascii: ":")) {
            return authority[..<colon]
        }
        return authority
    }

    private static func host(from bytes: ArraySlice<UInt8>) -> String? {
        guard let authority = authorityHost(bytes) else { return nil }
        var host = lower(String(decoding: authority, as: UTF8.self))
        if host.hasSuffix(".") { host.removeLast() }
        if hasPrefix(host, "www.") { host = String(host.dropFirst(4)) }
        guard !host.isEmpty, !host.unicodeScalars.contains(where: isWhitespace) else { return nil }
        return host
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
    private static func asciiLowered(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The ASCII White_Space characters: tab, line feed, vertical tab, form
    /// feed, carriage return and space.
    @inline(__always)
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte &- 0x09 < 5
    }

    /// What `domain` gives for ASCII text: `.none` when `bytes` is not ASCII.
    /// The result is lowered straight into a new string (a small one,
    /// without an allocation, up to 15 bytes).
    private static func asciiDomain(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        asciiDomainRange(bytes).map { range in
            range.map { asciiLowercasedString(UnsafeBufferPointer(rebasing: bytes[$0])) }
        }
    }

    /// Where the domain of ASCII text lies in its bytes (`domain` gives them
    /// lowered), worked out with the same steps as the Unicode path:
    /// `.none` when `bytes` is not ASCII, `.some(nil)` when it has no domain.
    /// A range rather than a string, so that a caller comparing the domain
    /// with constants builds none.
    static func asciiDomainRange(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>?? {
        let facts = domainFacts(bytes)
        guard facts.isASCII else { return nil }
        let mayHaveSpace = facts.mayHaveSpace
        let lastAt = facts.lastAt
        var start = 0
        var end = bytes.count
        if mayHaveSpace {
            while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
            while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        }
        if facts.hasColon, let schemeEnd = schemeSeparator(in: bytes, start..<end) {
            return .some(asciiHost(bytes, (schemeEnd + 3)..<end))
        }
        // What follows the last `@`, if any, is the domain (trimming drops
        // no `@`), which must have no white space (nor may a bare host).
        if lastAt >= 0 {
            let host = (lastAt + 1)..<end
            guard !host.isEmpty, !(mayHaveSpace && bytes[host].contains(where: isASCIIWhitespace)) else {
                return .some(nil)
            }
            return .some(host)
        }
        // A bare host such as `www.acme.com/about`.
        let trimmed = bytes[start..<end]
        guard trimmed.contains(UInt8(ascii: ".")), !(mayHaveSpace && trimmed.contains(where: isASCIIWhitespace))
        else { return .some(nil) }
        return .some(asciiHost(bytes, start..<end))
    }

    /// What `asciiDomainRange` needs to know of the whole text, found eight
    /// bytes at a time (a byte at a time cost some six instructions a byte):
    /// whether it is ASCII, whether it has a colon (a `://` needs one),
    /// where its last `@` is (-1 for none), and whether any byte could be
    /// white space (all of which lie at or below the space).
    @inline(__always)
    private static func domainFacts(_ bytes: UnsafeBufferPointer<UInt8>)
        -> (isASCII: Bool, hasColon: Bool, lastAt: Int, mayHaveSpace: Bool)
    {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let colon = ByteWord.repeating(UInt8(ascii: ":"))
        let at = ByteWord.repeating(UInt8(ascii: "@"))
        var union: UInt64 = 0
        var colons: UInt64 = 0
        var lowBytes: UInt64 = 0
        var lastAt = -1
        var index = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = ByteWord.load(base + index)
                union |= word
                colons |= ByteWord.bytes(of: word, equalTo: colon)
                // An ASCII byte plus 0x5F keeps its high bit clear exactly when
                // the byte is at most 0x20, and never carries (for other
                // bytes the text is not ASCII, and the answer unused).
                lowBytes |= ~(word &+ 0x5F5F_5F5F_5F5F_5F5F) & highBits
                let ats = ByteWord.bytes(of: word, equalTo: at)
                if ats != 0 { lastAt = index + 7 - (ats.leadingZeroBitCount >> 3) }
                index += 8
            }
        }
        var lowest = UInt8.max
        var unionOfRest: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            unionOfRest |= byte
            lowest = min(lowest, byte)
            if byte == UInt8(ascii: ":") { colons = 1 }
            if byte == UInt8(ascii: "@") { lastAt = index }
            index += 1
        }
        return (
            union & highBits == 0 && unionOfRest < 0x80, colons != 0, lastAt,
            lowBytes != 0 || lowest <= UInt8(ascii: " ")
        )
    }

    /// `host(from:)` for the ASCII bytes in `range`, as a range of `bytes`.
    private static func asciiHost(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? {
        // A slice keeps the indices of `bytes`.
        guard let authority = authorityHost(bytes[range]) else { return nil }
        var host = authority.startIndex..<authority.endIndex
        if !host.isEmpty, bytes[host.upperBound - 1] == UInt8(ascii: ".") { host = host.dropLast() }
        // Compared lowered, as the Unicode path lowers first: `WWW.` is dropped too.
        if host.count >= 4, zip(bytes[host].prefix(4), "www.".utf8).allSatisfy({ asciiLowered($0) == $1 }) {
            host = host.dropFirst(4)
        }
        guard !host.isEmpty, !bytes[host].contains(where: isASCIIWhitespace) else { return nil }
        return host
    }

    /// The ASCII `bytes` with A–Z lowered, as a string.
    private static func asciiLowercasedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { (buffer: UnsafeMutableBufferPointer<UInt8>) -> Int in
            for index in 0..<bytes.count { buffer[index] = asciiLowered(bytes[index]) }
            return bytes.count
        }
    }

    /// The offset of the first `://` in `range`.
    private static func schemeSeparator(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count >= 3 else { return nil }
        for start in range.lowerBound...(range.upperBound - 3)
        where bytes[start] == UInt8(ascii: ":") && bytes[start + 1] == UInt8(ascii: "/")
            && bytes[start + 2] == UInt8(ascii: "/")
        {
            return start
        }
        return nil
    }
}
