/// `domain()`: the lower-cased domain of an email address or the host of a
/// URL, worked out on the bytes for ASCII text (as a range of them, for a
/// caller that compares the domain without building it) and on Unicode
/// scalars otherwise, with the same steps.
extension UnicodeText {
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
