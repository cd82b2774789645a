/// One record of a CSV file: its cells and the line it starts on.
public struct CSVRecord: Sendable, Hashable {
    public var cells: [String]
    /// 1-based line of the record's first character.
    public var line: Int
    /// The 1-based column (in Unicode scalars) where each cell begins, on `line`
    /// or, after a quoted cell that spans lines, on the line it begins on.
    public var columns: [Int]
    /// The 1-based line where each cell begins.
    public var lines: [Int]

    public init(cells: [String], line: Int, columns: [Int], lines: [Int]) {
        self.cells = cells
        self.line = line
        self.columns = columns
        self.lines = lines
    }
}

/// A CSV file that does not follow RFC 4180, at the line and column of the cause.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// Reads RFC 4180 CSV: comma-separated cells, records ended by CRLF or LF,
/// cells optionally in double quotes (`""` is a quote inside them, and they
/// may span lines). A UTF-8 byte order mark at the start is skipped; empty
/// lines are skipped; text must be valid UTF-8.
///
/// Records are read one at a time (`next()`), so a large input is never held
/// twice; `readAll` reads them all.
public struct CSVReader: Sendable {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    private var lineStart = 0
    // Columns are counted incrementally so that a very long line stays linear.
    private var countedUpTo = 0
    private var countedColumn = 1

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        self.lineStart = index
        self.countedUpTo = index
    }

    /// Every record of `bytes`.
    public static func readAll(_ bytes: [UInt8]) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(bytes: bytes)
        var records: [CSVRecord] = []
        while let record = try reader.next() { records.append(record) }
        return records
    }

    /// The next record, or nil at the end of the input.
    public mutating func next() throws(CSVError) -> CSVRecord? {
        while index < bytes.count, bytes[index] == UInt8(ascii: "\n") || isCRLF(at: index) {
            index += bytes[index] == UInt8(ascii: "\r") ? 2 : 1
            newLine()
        }
        guard index < bytes.count else { return nil }
        let recordLine = line
        var cells: [String] = []
        var columns: [Int] = []
        var lines: [Int] = []
        while true {
            columns.append(column)
            lines.append(line)
            cells.append(try readCell())
            guard index < bytes.count else { break }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            // readCell stops only at a comma, a line end or the end of input.
            index += bytes[index] == UInt8(ascii: "\r") ? 2 : 1
            newLine()
            break
        }
        return CSVRecord(cells: cells, line: recordLine, columns: columns, lines: lines)
    }

    private func isCRLF(at position: Int) -> Bool {
        bytes[position] == UInt8(ascii: "\r") && position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "\n")
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
        countedUpTo = index
        countedColumn = 1
    }

    /// The 1-based column of `index` on the current line.
    private var column: Int {
        mutating get {
            let end = min(index, bytes.count)
            while countedUpTo < end {
                if bytes[countedUpTo] & 0xC0 != 0x80 { countedColumn += 1 }
                countedUpTo += 1
            }
            return countedColumn
        }
    }

    private mutating func readCell() throws(CSVError) -> String {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { return try readQuotedCell() }
        let start = index
        let startColumn = column
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || isCRLF(at: index) { break }
            if byte == UInt8(ascii: "\"") {
                throw CSVError(
                    "a quote inside an unquoted cell (quote the whole cell and double the quote)", line: line,
                    column: column)
            }
            if byte == UInt8(ascii: "\r") {
                throw CSVError("a carriage return not followed by a line feed", line: line, column: column)
            }
            index += 1
        }
        guard let text = String(validating: bytes[start..<index], as: UTF8.self) else {
            throw CSVError("a cell is not valid UTF-8", line: line, column: startColumn)
        }
        return text
    }

    private mutating func readQuotedCell() throws(CSVError) -> String {
        let openLine = line
        let openColumn = column
        index += 1
        var cell: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw CSVError("a quoted cell is not closed", line: openLine, column: openColumn)
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                    cell.append(byte)
                    index += 2
                    continue
                }
                index += 1
                if index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n"),
                    !isCRLF(at: index)
                {
                    throw CSVError("text after the closing quote of a cell", line: line, column: column)
                }
                break
            }
            cell.append(byte)
            index += 1
            if byte == UInt8(ascii: "\n") { newLine() }
        }
        guard let text = String(validating: cell, as: UTF8.self) else {
            throw CSVError("a cell is not valid UTF-8", line: openLine, column: openColumn)
        }
        return text
    }
}
