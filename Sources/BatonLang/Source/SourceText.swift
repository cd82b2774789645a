/// A whole text (an expression on its own, or a file that holds expressions)
/// with the line starts needed to turn UTF-8 offsets into positions.
public struct SourceText: Sendable {
    /// The name shown in diagnostics (a file path, or `<expr>`).
    public let name: String
    public let text: String
    private let utf8: [UInt8]
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.utf8 = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column (in Unicode scalars) of a UTF-8 offset.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = Swift.max(0, Swift.min(offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        // Count scalar starts, i.e. bytes that are not UTF-8 continuation bytes.
        for index in lineStart..<clamped where utf8[index] & 0xC0 != 0x80 {
            column += 1
        }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The UTF-8 offset of a 1-based line and column; past the line's end it
    /// clamps to the end of the line.
    public func offset(of position: SourcePosition) -> Int {
        guard position.line >= 1, position.line <= lineStarts.count else { return utf8.count }
        var index = lineStarts[position.line - 1]
        var column = 1
        while column < position.column, index < utf8.count, utf8[index] != UInt8(ascii: "\n") {
            index += 1
            while index < utf8.count, utf8[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index
    }

    /// The text of a 1-based line, without its line break.
    public func line(_ number: Int) -> String {
        guard number >= 1, number <= lineStarts.count else { return "" }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : utf8.count
        if end > start, utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<Swift.max(start, end)], as: UTF8.self)
    }

    public var lineCount: Int { lineStarts.count }
}
