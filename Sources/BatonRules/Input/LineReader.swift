#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor in large blocks, without decoding:
/// each line is its raw bytes without the `\n` (a trailing `\r` removed).
/// A last line without a newline is still a line.
///
/// Memory stays at one block plus the longest line, however long the input.
package struct LineReader {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it hold none.
    private var scanned = 0
    private var atEnd = false
    private static let blockSize = 1 << 16

    /// Bytes consumed so far: the lines returned and their line ends (for progress).
    package private(set) var bytesConsumed = 0

    /// A reader of `fileDescriptor`, which stays open: the caller closes it.
    package init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line, or nil at the end of the input.
    package mutating func nextLine() -> ArraySlice<UInt8>? {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                bytesConsumed += newline + 1 - start
                start = newline + 1
                scanned = start
                return line
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                bytesConsumed += buffer.count - start
                start = buffer.count
                scanned = start
                return line
            }
            fill()
        }
    }

    private mutating func fill() {
        scanned = buffer.count
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        let oldCount = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
        let readCount = buffer.withUnsafeMutableBytes { raw in
            read(fileDescriptor, raw.baseAddress! + oldCount, Self.blockSize)
        }
        if readCount <= 0 {
            buffer.removeSubrange(oldCount...)
            if readCount < 0 && errno == EINTR { return }
            atEnd = true
        } else {
            buffer.removeSubrange((oldCount + readCount)...)
        }
    }
}
