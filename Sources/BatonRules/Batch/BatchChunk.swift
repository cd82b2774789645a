import BatonLang

/// A run of batch input records held back to back in one buffer: the unit
/// the pipeline reads, evaluates in parallel and writes, so that memory is
/// bounded by the chunk size and not by the input.
package struct BatchChunk: Sendable {
    /// One record: where its bytes lie in `bytes`, and the 1-based input line it starts on.
    package struct Record: Sendable {
        package var range: Range<Int>
        package var line: Int
    }

    package private(set) var bytes: [UInt8] = []
    package private(set) var records: [Record] = []
    /// Records known to be bad before decoding (a line too long to read),
    /// by index in `records`; they hold no bytes. Apart, so that a record
    /// stays plain data: this is almost always empty.
    private var rejections: [Int: LeadInputError] = [:]

    package init() {}

    package var count: Int { records.count }
    package var isEmpty: Bool { records.isEmpty }

    /// Empties the chunk, keeping its memory for the next one.
    package mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        rejections.removeAll()
    }

    /// Makes room for as many bytes and records as `other` holds: a chunk
    /// filled while `other` is evaluated then does not grow (and copy
    /// itself) step by step. As many as it holds, not as much room as it
    /// has: two chunks reserving each other's room leapfrogged, each
    /// reallocated for every chunk.
    package mutating func reserveCapacity(matching other: BatchChunk) {
        bytes.reserveCapacity(other.bytes.count)
        records.reserveCapacity(other.records.count)
    }

    /// Adds a record: a copy of `recordBytes`, starting on input line `line`.
    package mutating func append(_ recordBytes: some Collection<UInt8>, line: Int) {
        let start = bytes.count
        bytes.append(contentsOf: recordBytes)
        records.append(Record(range: start..<bytes.count, line: line))
    }

    /// Adds a record that is bad input whatever its bytes, starting on input line `line`.
    package mutating func appendRejected(_ error: LeadInputError, line: Int) {
        rejections[records.count] = error
        records.append(Record(range: bytes.count..<bytes.count, line: line))
    }

    /// Why record `index` is bad input before it is decoded, if it was rejected.
    @inline(__always)
    package func rejection(of index: Int) -> LeadInputError? {
        rejections.isEmpty ? nil : rejections[index]
    }

    /// The bytes of record `index`.
    package subscript(index: Int) -> ArraySlice<UInt8> { bytes[records[index].range] }
}
