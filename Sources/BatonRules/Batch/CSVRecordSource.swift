/// CSV: the first record is the header; every later record (a row, which a
/// quoted cell may continue over several lines) is a batch record. Empty
/// lines between records are skipped, as `CSVReader` skips them.
package struct CSVRecordSource: BatchRecordSource {
    private var reader: LineReader
    private var lineNumber = 0
    private var record: [UInt8] = []

    /// A record longer than this stops gathering lines (a quote that is
    /// never closed would otherwise swallow the rest of the input) and is
    /// reported as the bad row it is.
    package static let maximumRecordBytes = 16 << 20

    /// The header row, parsed.
    package let header: CSVRecord

    /// Reads the header row; fails when the input is empty or the header is not valid CSV.
    package init(reader: LineReader) throws(CSVError) {
        self.reader = reader
        guard let (bytes, line) = Self.nextRecord(&self.reader, lineNumber: &lineNumber, into: &record) else {
            throw CSVError("the CSV input is empty: a header row naming the columns is needed", line: 1, column: 1)
        }
        var csv = CSVReader(bytes: bytes)
        guard var parsed = try csv.next() else {
            throw CSVError("the CSV input is empty: a header row naming the columns is needed", line: 1, column: 1)
        }
        parsed.line = line
        parsed.lines = parsed.lines.map { $0 + line - 1 }
        header = parsed
    }

    package mutating func read(into chunk: inout BatchChunk, limit: Int) {
        var added = 0
        while added < limit, let (bytes, line) = Self.nextRecord(&reader, lineNumber: &lineNumber, into: &record) {
            chunk.append(bytes, line: line)
            added += 1
        }
    }

    package var bytesConsumed: Int { reader.bytesConsumed }

    /// Gathers the lines of the next record into `record`: a line with an odd
    /// number of quotes leaves a quoted cell open, so the next line belongs
    /// to the same record (a doubled quote inside a cell counts two).
    private static func nextRecord(_ reader: inout LineReader, lineNumber: inout Int, into record: inout [UInt8])
        -> ([UInt8], Int)?
    {
        record.removeAll(keepingCapacity: true)
        var startLine = 0
        var quotes = 0
        while let line = reader.nextLine() {
            lineNumber += 1
            if startLine == 0 {
                if line.isEmpty { continue }
                startLine = lineNumber
            } else {
                record.append(UInt8(ascii: "\n"))
            }
            record.append(contentsOf: line)
            for byte in line where byte == UInt8(ascii: "\"") { quotes += 1 }
            if quotes % 2 == 0 || record.count > maximumRecordBytes { return (record, startLine) }
        }
        return startLine == 0 ? nil : (record, startLine)
    }
}
