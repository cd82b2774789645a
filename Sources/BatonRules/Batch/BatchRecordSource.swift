import BatonLang

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

    /// A longer line is an error record, skipped without being held in
    /// memory: a huge input without newlines must not exhaust memory.
    package static let maximumLineBytes = 1 << 20

    package init(reader: LineReader) {
        self.reader = reader
    }

    package mutating func read(into chunk: inout BatchChunk, limit: Int) {
        var added = 0
        while added < limit, let line = reader.nextLine(limit: Self.maximumLineBytes) {
            lineNumber += 1
            switch line {
            case .bytes(let bytes):
                chunk.append(bytes, line: lineNumber)
            case .tooLong:
                let message = "lead: line longer than \(Self.maximumLineBytes) bytes"
                chunk.appendRejected(LeadInputError(path: "lead", message: message), line: lineNumber)
            }
            added += 1
        }
    }

    package var bytesConsumed: Int { reader.bytesConsumed }
}
