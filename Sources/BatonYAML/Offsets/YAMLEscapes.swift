/// The escapes of double-quoted scalars.
enum YAMLEscapes {
    /// Decodes the escape whose backslash is at `position`, appending its
    /// UTF-8 bytes (all mapped to the backslash); returns the position after
    /// it, or nil if it is not a valid escape.
    static func decode(
        in source: UnsafeBufferPointer<UInt8>, at position: Int, limit: Int, into output: inout YAMLMappedText
    ) -> Int? {
        guard position + 1 < limit else { return nil }
        let code: UInt32
        var next = position + 2
        switch source[position + 1] {
        case UInt8(ascii: "0"): code = 0
        case UInt8(ascii: "a"): code = 0x07
        case UInt8(ascii: "b"): code = 0x08
        case UInt8(ascii: "t"), UInt8(ascii: "\t"): code = 0x09
        case UInt8(ascii: "n"): code = 0x0A
        case UInt8(ascii: "v"): code = 0x0B
        case UInt8(ascii: "f"): code = 0x0C
        case UInt8(ascii: "r"): code = 0x0D
        case UInt8(ascii: "e"): code = 0x1B
        case UInt8(ascii: " "): code = 0x20
        case UInt8(ascii: "\""): code = 0x22
        case UInt8(ascii: "/"): code = 0x2F
        case UInt8(ascii: "'"): code = 0x27
        case UInt8(ascii: "\\"): code = 0x5C
        case UInt8(ascii: "N"): code = 0x85
        case UInt8(ascii: "_"): code = 0xA0
        case UInt8(ascii: "L"): code = 0x2028
        case UInt8(ascii: "P"): code = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let letter = source[position + 1]
            let digitCount = letter == UInt8(ascii: "x") ? 2 : letter == UInt8(ascii: "u") ? 4 : 8
            guard position + 2 + digitCount <= limit else { return nil }
            var value: UInt32 = 0
            for index in position + 2..<position + 2 + digitCount {
                guard let digit = hexDigit(source[index]) else { return nil }
                value = value << 4 | digit
            }
            code = value
            next = position + 2 + digitCount
        default:
            return nil
        }
        guard let scalar = Unicode.Scalar(code) else { return nil }
        for byte in String(Character(scalar)).utf8 {
            output.append(byte, from: position, to: next)
        }
        return next
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }
}
