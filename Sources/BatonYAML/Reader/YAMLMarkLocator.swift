/// Turns libyaml's marks (which count characters) into UTF-8 byte offsets,
/// and byte offsets into 1-based lines and columns.
///
/// libyaml 0.2.5 counts `index` in characters and skips a leading byte order
/// mark without counting it. Marks arrive nearly in file order, so both
/// conversions walk from the previous answer instead of from the start: a
/// file of one long line with a million nodes stays linear.
struct YAMLMarkLocator {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private var cursorCharacter: Int
    private var cursorByte: Int
    private var columnCacheLine = 0
    private var columnCacheOffset = 0
    private var columnCacheColumn = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.cursorCharacter = 0
        self.cursorByte = hasByteOrderMark ? 3 : 0
    }

    /// The byte offset of libyaml's character index.
    mutating func byteOffset(ofCharacterIndex index: Int) -> Int {
        while cursorCharacter < index, cursorByte < bytes.count {
            cursorByte += 1
            while cursorByte < bytes.count, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte += 1 }
            cursorCharacter += 1
        }
        while cursorCharacter > index, cursorByte > 0 {
            cursorByte -= 1
            while cursorByte > 0, bytes[cursorByte] & 0xC0 == 0x80 { cursorByte -= 1 }
            cursorCharacter -= 1
        }
        return cursorByte
    }

    /// The mark of libyaml's character index.
    mutating func mark(ofCharacterIndex index: Int) -> YAMLMark {
        mark(atOffset: byteOffset(ofCharacterIndex: index))
    }

    /// The mark of a byte offset (clamped to the file).
    mutating func mark(atOffset rawOffset: Int) -> YAMLMark {
        let offset = max(0, min(rawOffset, bytes.count))
        let line = lineIndex(of: offset)
        let lineStart = lineStarts[line]
        var from = lineStart
        var column = 1
        if line == columnCacheLine, offset >= columnCacheOffset, columnCacheOffset >= lineStart {
            from = columnCacheOffset
            column = columnCacheColumn
        }
        // Count scalar starts: bytes that are not UTF-8 continuation bytes.
        for index in from..<offset where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        columnCacheLine = line
        columnCacheOffset = offset
        columnCacheColumn = column
        return YAMLMark(offset: offset, line: line + 1, column: column)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
