#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads lines from a file descriptor in large blocks, without decoding:
/// each line is its raw bytes without the `\n` (a trailing `\r` removed).
/// A last line without a newline is still a line.
///
/// Memory stays at one block plus the longest line, however long the input;
/// with a limit (``nextLine(limit:)``), at one block plus the limit.
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

    /// A line as ``nextLine(limit:)`` reads it.
    package enum Line {
        case bytes(ArraySlice<UInt8>)
        /// A line longer than the limit: skipped to its end without keeping its bytes.
        case tooLong
    }

    /// A reader of `fileDescriptor`, which stays open: the caller closes it.
    package init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line, however long, or nil at the end of the input.
    package mutating func nextLine() -> ArraySlice<UInt8>? {
        guard case .bytes(let line)? = nextLine(limit: .max) else { return nil }
        return line
    }

    /// The next line, or `.tooLong` for a line of more than `limit` bytes
    /// (not counting its line end), or nil at the end of the input. A line
    /// too long is not buffered whole: once it has outgrown the limit, the
    /// rest of it is read and dropped block by block.
    package mutating func nextLine(limit: Int) -> Line? {
        while true {
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                let line = buffer[start..<end]
                bytesConsumed += newline + 1 - start
                start = newline + 1
                scanned = start
                return line.count > limit ? .tooLong : .bytes(line)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                let line = buffer[start...]
                bytesConsumed += buffer.count - start
                start = buffer.count
                scanned = start
                return line.count > limit ? .tooLong : .bytes(line)
            }
            // More than the limit and a `\r` without a newline: too long
            // whatever follows.
            if buffer.count - start - 1 > limit {
                skipRestOfLine()
                return .tooLong
            }
            fill()
        }
    }

    /// Consumes the bytes up to and including the next newline, keeping at
    /// most a block of them.
    private mutating func skipRestOfLine() {
        while true {
            if let newline = Self.firstNewline(in: buffer, from: scanned) {
                bytesConsumed += newline + 1 - start
                start = newline + 1
                scanned = start
                return
            }
            bytesConsumed += buffer.count - start
            start = buffer.count
            scanned = start
            if atEnd { return }
            fill()
        }
    }

    /// The index of the first `\n` at or after `start`: memchr, so that a
    /// line of many megabytes is found at memory speed in any build.
    private static func firstNewline(in buffer: [UInt8], from start: Int) -> Int? {
        guard start < buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes in
            guard let found = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
            else { return nil }
            return UnsafeRawPointer(found) - UnsafeRawPointer(bytes.baseAddress!)
        }
    }

    private mutating func fill() {
        scanned = buffer.count
        if start > 0 {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
        var readCount = 0
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.blockSize) { block in
            readCount = read(fileDescriptor, block.baseAddress!, Self.blockSize)
            if readCount > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: block[0..<readCount])) }
        }
        if readCount <= 0 {
            if readCount < 0 && errno == EINTR { return }
            atEnd = true
        }
    }
}
