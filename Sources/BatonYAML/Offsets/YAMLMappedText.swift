/// Text being rebuilt from a scalar's source: its UTF-8 bytes, and for each
/// the file offset of the character that wrote it.
struct YAMLMappedText {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int] = []
    /// Just past the last source character that wrote a byte.
    private(set) var end: Int

    init(end: Int) {
        self.end = end
    }

    var isEmpty: Bool { bytes.isEmpty }

    var first: UInt8? { bytes.first }

    /// The offset of the first byte's source, or `end` if there is none.
    var firstOffset: Int { offsets.first ?? end }

    mutating func append(_ byte: UInt8, from source: Int, to sourceEnd: Int) {
        bytes.append(byte)
        offsets.append(source)
        end = sourceEnd
    }

    mutating func append(_ other: YAMLMappedText) {
        guard !other.isEmpty else { return }
        bytes.append(contentsOf: other.bytes)
        offsets.append(contentsOf: other.offsets)
        end = other.end
    }

    /// Appends the line break at `position` as YAML reads it: `\r\n`, `\r`,
    /// `\n` and NEL become `\n`; LS and PS stay as they are.
    mutating func appendLineBreak(in source: UnsafeBufferPointer<UInt8>, at position: Int, length: Int) {
        if length == 3 {
            for index in position..<position + 3 {
                append(source[index], from: position, to: position + 3)
            }
        } else {
            append(YAMLSourceScan.lineFeed, from: position, to: position + length)
        }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
    }
}
