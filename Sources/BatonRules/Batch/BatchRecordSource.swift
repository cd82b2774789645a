/// Where the records of a batch come from: NDJSON lines or CSV rows, read in
/// chunks in input order.
package protocol BatchRecordSource {
    /// Appends up to `limit` records to `chunk`; appends none only at the end of input.
    mutating func read(into chunk: inout BatchChunk, limit: Int)

    /// Input bytes consumed so far, for progress against a known input size.
    var bytesConsumed: Int { get }
}

/// NDJSON: every line is a record, blank lines included (they become error
/// objects, so that the output has one line per input line).
package struct NDJSONRecordSource: BatchRecordSource {
    private var reader: LineReader
    private var lineNumber = 0

    package init(reader: LineReader) {
        self.reader = reader
    }

    package mutating func read(into chunk: inout BatchChunk, limit: Int) {
        var added = 0
        while added < limit, let line = reader.nextLine() {
            lineNumber += 1
            chunk.append(line, line: lineNumber)
            added += 1
        }
    }

    package var bytesConsumed: Int { reader.bytesConsumed }
}
