/// The string tests of the hand-written floor, on UTF-8 bytes, as a Swift
/// programmer writes them where speed matters: `String.contains(_:)` from
/// `_StringProcessing` walks grapheme clusters, and `lowercased()` allocates
/// a copy, neither of which the logic needs.
enum TextBytes {
    static func contains(_ text: String, _ needle: String) -> Bool {
        withBytes(text) { haystack in withBytes(needle) { find($0, in: haystack, lowering: false) } }
    }

    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        text.utf8.starts(with: prefix.utf8)
    }

    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        text.utf8.count >= suffix.utf8.count && text.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    /// `text.lowercased().contains(needle)` for a lower-case ASCII `needle`,
    /// without the copy when `text` is ASCII.
    static func lowercasedContains(_ text: String, _ needle: String) -> Bool {
        withBytes(text) { haystack in
            guard isASCII(haystack) else { return contains(text.lowercased(), needle) }
            return withBytes(needle) { find($0, in: haystack, lowering: true) }
        }
    }

    /// `text.lowercased().hasPrefix(prefix)` for a lower-case ASCII `prefix`,
    /// without the copy when `text` is ASCII.
    static func lowercasedHasPrefix(_ text: String, _ prefix: String) -> Bool {
        withBytes(text) { haystack in
            guard isASCII(haystack) else { return hasPrefix(text.lowercased(), prefix) }
            return withBytes(prefix) { pattern in
                pattern.count <= haystack.count && matches(pattern, in: haystack, at: 0, lowering: true)
            }
        }
    }

    private static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 }
    }

    private static func find(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, lowering: Bool
    )
        -> Bool
    {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count)
        where matches(needle, in: haystack, at: start, lowering: lowering) {
            return true
        }
        return false
    }

    @inline(__always)
    private static func matches(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, at start: Int, lowering: Bool
    ) -> Bool {
        for offset in 0..<needle.count {
            var byte = haystack[start + offset]
            if lowering, byte &- UInt8(ascii: "A") < 26 { byte |= 0x20 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}
