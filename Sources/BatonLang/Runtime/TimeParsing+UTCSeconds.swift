extension Timestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ`, UTC to the second: the form most producers
    /// write, read as three words with no loop. Nil for any other form or
    /// a field out of range, which ``parseRFC3339InGeneral(_:)`` then reads
    /// (and words the error for): the two agree on every text this accepts.
    @inline(__always)
    static func parseUTCSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count == 20, let base = bytes.baseAddress else { return nil }
        let text = UnsafeRawPointer(base)
        // Little-endian: the first byte of each piece is the word's low byte.
        let date = UInt64(littleEndian: text.loadUnaligned(as: UInt64.self))  // YYYY-MM-
        let time = UInt64(littleEndian: text.loadUnaligned(fromByteOffset: 8, as: UInt64.self))  // DDTHH:MM
        let tail = UInt64(UInt32(littleEndian: text.loadUnaligned(fromByteOffset: 16, as: UInt32.self)))  // :SSZ
        // The separators, `T` and `Z` in either case.
        guard date & 0xFF00_00FF_0000_0000 == 0x2D00_002D_0000_0000,
            (time | 0x0000_0000_0020_0000) & 0x0000_FF00_00FF_0000 == 0x0000_3A00_0074_0000,
            (tail | 0x2000_0000) & 0xFF00_00FF == 0x7A00_003A,
            let dateDigits = digitValues(date, mask: 0x00FF_FF00_FFFF_FFFF),
            let timeDigits = digitValues(time, mask: 0xFFFF_00FF_FF00_FFFF),
            let tailDigits = digitValues(tail, mask: 0x00FF_FF00)
        else { return nil }
        // Byte i of `pairs` is 10 × digit i + digit i+1: no byte carries
        // into the next, as none exceeds 99.
        @inline(__always) func pairs(_ digits: UInt64) -> UInt64 { digits &* 10 &+ digits >> 8 }
        @inline(__always) func byte(_ word: UInt64, _ index: UInt64) -> Int {
            Int(truncatingIfNeeded: word >> (index &* 8)) & 0xFF
        }
        let datePairs = pairs(dateDigits)
        let timePairs = pairs(timeDigits)
        let year = byte(datePairs, 0) * 100 + byte(datePairs, 2)
        let hour = byte(timePairs, 3)
        let minute = byte(timePairs, 6)
        let second = byte(pairs(tailDigits), 1)
        guard year >= 1, hour < 24, minute < 60, second < 60,
            let day = CivilDate(year: year, month: byte(datePairs, 5), day: byte(timePairs, 0))
        else { return nil }
        // Years 1-9999 at offset zero: always within the range of a timestamp.
        return Timestamp(
            seconds: day.daysSinceEpoch * secondsPerDay + Int64(hour * 3600 + minute * 60 + second), nanos: 0)
    }

    /// The value of each byte that `mask` selects (0xFF) as a decimal digit,
    /// other bytes 0; nil when a selected byte is not an ASCII digit.
    @inline(__always)
    private static func digitValues(_ word: UInt64, mask: UInt64) -> UInt64? {
        let zeros: UInt64 = 0x3030_3030_3030_3030
        // Bytes outside the mask read as `0`, which passes.
        let text = (word & mask) | (zeros & ~mask)
        // A byte is flagged below `0` (its subtraction borrows: a borrow
        // runs only upward from a flagged byte), above `9` (adding 0x46
        // reaches 0x80) or when not ASCII (which also covers the carries).
        let flags = ((text &- zeros) | (text &+ 0x4646_4646_4646_4646) | text) & 0x8080_8080_8080_8080
        return flags == 0 ? text &- zeros : nil
    }
}
