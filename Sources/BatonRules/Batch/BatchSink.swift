#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a batch writes its NDJSON decisions, a chunk at a time in input order.
package protocol BatchSink {
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError)
}

/// The output could not be written (a full disk, a closed pipe).
package struct BatchOutputError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}

/// Writes to an open file descriptor (stdout or `--output FILE`), which the caller closes.
package struct FileDescriptorSink: BatchSink {
    private let fileDescriptor: Int32

    package init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fileDescriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BatchOutputError(String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

/// Counts and drops the output: for measuring the pipeline without a disk.
package struct DiscardingSink: BatchSink {
    package private(set) var byteCount = 0

    package init() {}

    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError) {
        byteCount += bytes.count
    }
}

/// Keeps the output in memory: for tests and fuzzing, which compare runs.
package struct CollectingSink: BatchSink {
    package private(set) var bytes: [UInt8] = []

    package init() {}

    package mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError) {
        self.bytes.append(contentsOf: bytes)
    }
}
