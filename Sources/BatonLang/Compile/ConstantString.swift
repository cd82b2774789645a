/// A string constant that many texts are compared with for equality
/// (`e.type == "page_view"`, once per event), by scalars: on UTF-8 bytes,
/// where a byte match is a scalar match.
///
/// Swift's `==` is fast on a text whose two words are the constant's (equal
/// small strings are) but on two different strings of the same length takes
/// its canonical-equivalence path, some 700 instructions (`"email_click"`
/// against `"form_submit"`); the bytes compare eight at a time instead.
struct ConstantString: Sendable {
    /// Kept so that no other string can take its storage, and so its bits.
    private let text: String
    private let bits: (UInt64, UInt64)
    private let bytes: [UInt8]

    init(_ text: String) {
        self.text = text
        bits = unsafeBitCast(text, to: (UInt64, UInt64).self)
        bytes = Array(text.utf8)
    }

    /// Whether `other` holds the same scalars.
    @inline(__always)
    func matches(_ other: String) -> Bool {
        // The same two words are the same string: a small one's bytes, or this storage.
        if unsafeBitCast(other, to: (UInt64, UInt64).self) == bits { return true }
        guard other.utf8.count == bytes.count else { return false }
        return UnicodeText.withBytes(other) { otherBytes in
            bytes.withUnsafeBufferPointer { expected in
                guard let left = otherBytes.baseAddress, let right = expected.baseAddress else { return true }
                return ByteWord.equal(left, right, count: expected.count)
            }
        }
    }
}
