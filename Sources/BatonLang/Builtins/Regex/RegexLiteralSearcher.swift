/// Finds a fixed byte string in UTF-8 text in linear time (Knuth–Morris–Pratt).
struct RegexLiteralSearcher: Sendable {
    let needle: [UInt8]
    /// For each prefix length - 1, the length of its longest proper border.
    private let failure: [Int]

    init(_ needle: [UInt8]) {
        self.needle = needle
        var failure = [Int](repeating: 0, count: needle.count)
        var border = 0
        for index in needle.indices.dropFirst() {
            while border > 0 && needle[index] != needle[border] { border = failure[border - 1] }
            if needle[index] == needle[border] { border += 1 }
            failure[index] = border
        }
        self.failure = failure
    }

    /// The index of the first occurrence at or after `start`, or `nil`.
    func firstIndex(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty else { return start <= bytes.count ? start : nil }
        let first = needle[0]
        var matched = 0
        var index = start
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if matched == 0 {
                // Skip quickly to the next candidate first byte.
                if byte != first {
                    index += 1
                    continue
                }
            } else {
                while matched > 0 && byte != needle[matched] { matched = failure[matched - 1] }
            }
            if byte == needle[matched] {
                matched += 1
                if matched == needle.count { return index - matched + 1 }
            }
            index += 1
        }
        return nil
    }
}

/// Reading Unicode scalars out of UTF-8 bytes (Swift strings hold valid UTF-8).
enum RegexUTF8 {
    /// Marks "no scalar": before the start or past the end of the text.
    static let noScalar = UInt32.max

    /// The scalar starting at `index` and its length in bytes.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        // Only reachable with malformed bytes, which a String never holds.
        guard index + length <= bytes.count else { return (0xFFFD, 1) }
        var value = lead & (0xFF >> UInt32(length + 1))
        for offset in 1..<length {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        return (value, length)
    }

    /// The scalar that ends just before `index`, or `noScalar` at the start.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> UInt32 {
        guard index > 0 else { return noScalar }
        var start = index - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start).value
    }
}
