import BatonLang

/// CSV: the first record is the header; every later record (a row, which a
/// quoted cell may continue over several lines) is a batch record. Empty
/// lines between records are skipped, as `CSVReader` skips them.
package struct CSVRecordSource: BatchRecordSource {
    private var reader: LineReader
    private var lineNumber = 0
    private var record: [UInt8] = []

    /// A longer record (a row, over all its lines) is an error record,
    /// skipped without being held in memory whole: a quote that is never
    /// closed, or a huge input without newlines, must not exhaust memory.
    package static let defaultMaximumRecordBytes = 16 << 20
    private let maximumRecordBytes: Int

    /// The header row, parsed.
    package let header: CSVRecord

    /// Reads the header row; fails when the input is empty or the header is not valid CSV.
    package init(reader: LineReader, maximumRecordBytes: Int = defaultMaximumRecordBytes) throws(CSVError) {
        self.reader = reader
        self.maximumRecordBytes = maximumRecordBytes
        let bytes: [UInt8]
        let line: Int
        switch Self.nextRecord(&self.reader, lineNumber: &lineNumber, into: &record, limit: maximumRecordBytes) {
        case nil:
            throw CSVError("the CSV input is empty: a header row naming the columns is needed", line: 1, column: 1)
        case .tooLong(let startLine):
            throw CSVError("the header row is longer than \(maximumRecordBytes) bytes", line: startLine, column: 1)
        case .record(let recordBytes, let startLine):
            (bytes, line) = (recordBytes, startLine)
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
        while added < limit,
            let next = Self.nextRecord(&reader, lineNumber: &lineNumber, into: &record, limit: maximumRecordBytes)
        {
            switch next {
            case .record(let bytes, let line):
                chunk.append(bytes, line: line)
            case .tooLong(let line):
                let message = "lead: row longer than \(maximumRecordBytes) bytes"
                chunk.appendRejected(LeadInputError(path: "lead", message: message), line: line)
            }
            added += 1
        }
    }

    package var bytesConsumed: Int { reader.bytesConsumed }

    /// A record as ``nextRecord(_:lineNumber:into:limit:)`` gathers it.
    private enum NextRecord {
        /// Its bytes (lines joined by `\n`) and the line it starts on.
        case record([UInt8], line: Int)
        /// Longer than the limit: consumed up to the end of the line where
        /// it outgrew it, its bytes dropped.
        case tooLong(line: Int)
    }

    /// Gathers the lines of the next record into `record`: a line with an odd
    /// number of quotes leaves a quoted cell open, so the next line belongs
    /// to the same record (a doubled quote inside a cell counts two). Nil at
    /// the end of the input.
    private static func nextRecord(
        _ reader: inout LineReader, lineNumber: inout Int, into record: inout [UInt8], limit: Int
    ) -> NextRecord? {
        record.removeAll(keepingCapacity: true)
        var startLine = 0
        var quotes = 0
        // Each line may take what the lines before it left of the limit.
        while let next = reader.nextLine(limit: max(0, limit - record.count - (startLine == 0 ? 0 : 1))) {
            lineNumber += 1
            guard case .bytes(let line) = next else { return .tooLong(line: startLine == 0 ? lineNumber : startLine) }
            if startLine == 0 {
                if line.isEmpty { continue }
                startLine = lineNumber
            } else {
                record.append(UInt8(ascii: "\n"))
            }
            record.append(contentsOf: line)
            for byte in line where byte == UInt8(ascii: "\"") { quotes += 1 }
            if quotes % 2 == 0 { return .record(record, line: startLine) }
        }
        return startLine == 0 ? nil : .record(record, line: startLine)
    }
}
