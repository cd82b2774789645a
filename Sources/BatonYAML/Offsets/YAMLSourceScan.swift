/// Byte classes and small scans over the raw text of a YAML file, as libyaml
/// defines them.
enum YAMLSourceScan {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// Where a node's value starts once its anchor (`&name`) and tag (`!tag`)
    /// and the separation after them (spaces, line breaks, comments) are skipped.
    static func contentStart(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var position = start
        let end = min(limit, bytes.count)
        while position < end, bytes[position] == UInt8(ascii: "&") || bytes[position] == UInt8(ascii: "!") {
            if bytes[position] == UInt8(ascii: "&") {
                // libyaml ends an anchor name at the first byte that is not
                // alphanumeric, `-` or `_` (`&a:b` anchors `a` to `:b`).
                position += 1
                while position < end, isAnchorCharacter(bytes[position]) { position += 1 }
            } else {
                while position < end, !isBlank(bytes[position]), !isASCIIBreak(bytes[position]) { position += 1 }
            }
            while position < end {
                let byte = bytes[position]
                if isBlank(byte) || isASCIIBreak(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "#") {
                    while position < end, !isASCIIBreak(bytes[position]) { position += 1 }
                } else {
                    break
                }
            }
        }
        return position
    }

    static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    static func isASCIIBreak(_ byte: UInt8) -> Bool { byte == lineFeed || byte == carriageReturn }

    /// The length of the line break at `position` (`\r\n`, `\r`, `\n`, NEL,
    /// LS, PS), or 0 if there is none.
    static func breakLength(in bytes: UnsafeBufferPointer<UInt8>, at position: Int, limit: Int) -> Int {
        guard position < limit else { return 0 }
        switch bytes[position] {
        case carriageReturn:
            return position + 1 < limit && bytes[position + 1] == lineFeed ? 2 : 1
        case lineFeed:
            return 1
        case 0xC2:
            return position + 1 < limit && bytes[position + 1] == 0x85 ? 2 : 0
        case 0xE2:
            guard position + 2 < limit, bytes[position + 1] == 0x80 else { return 0 }
            return bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9 ? 3 : 0
        default:
            return 0
        }
    }

    /// The number of bytes of the UTF-8 character starting with `byte`.
    static func characterWidth(_ byte: UInt8) -> Int {
        switch byte {
        case 0..<0x80: return 1
        case 0xC0..<0xE0: return 2
        case 0xE0..<0xF0: return 3
        case 0xF0..<0xF8: return 4
        default: return 1
        }
    }
}
