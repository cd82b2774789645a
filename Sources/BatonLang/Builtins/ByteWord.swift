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

    /// Whether `left` and `right`, of the same count, hold the same bytes,
    /// compared eight at a time (the last eight overlapping the ones before).
    @inline(__always)
    static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = left.count
        guard count >= 8, let leftBase = left.baseAddress, let rightBase = right.baseAddress else {
            for index in 0..<count where left[index] != right[index] { return false }
            return true
        }
        var offset = 0
        while offset + 8 < count {
            if load(leftBase + offset) != load(rightBase + offset) { return false }
            offset += 8
        }
        return load(leftBase + count - 8) == load(rightBase + count - 8)
    }
}
