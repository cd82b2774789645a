/// Eight bytes of text as one 64-bit word, for tests of eight positions at
/// once with plain integer operations (SWAR: SIMD within a register).
enum ByteWord {
    /// The eight bytes at `pointer`, the first in the lowest byte.
    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// `byte` in each of the eight bytes.
    @inline(__always)
    static func repeating(_ byte: UInt8) -> UInt64 {
        UInt64(byte) &* 0x0101_0101_0101_0101
    }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    /// Exact: the low seven bits of a byte plus 0x7F stay inside the byte,
    /// so no byte's sum carries into the next.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((word & low) &+ low) | word | low)
    }

    /// The high bit of each byte of `word` that equals the byte `repeated` holds in every byte.
    @inline(__always)
    static func bytes(of word: UInt64, equalTo repeated: UInt64) -> UInt64 {
        zeroBytes(word ^ repeated)
    }

    /// The index (0–7) of the first byte a `zeroBytes`-style mask marks.
    @inline(__always)
    static func firstMarked(_ mask: UInt64) -> Int {
        mask.trailingZeroBitCount >> 3
    }

    /// Whether the `count` bytes at `a` and `b` are the same: fewer than
    /// eight as one word each (``ByteBuffer/shortWord(_:count:)``, no loop),
    /// more eight at a time, the last eight overlapping the ones before.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count >= 8 else { return ByteBuffer.shortWord(a, count: count) == ByteBuffer.shortWord(b, count: count) }
        var offset = 0
        while count - offset > 8 {
            if load(a + offset) != load(b + offset) { return false }
            offset += 8
        }
        return load(a + count - 8) == load(b + count - 8)
    }
}
