#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few file operations the fuzz targets need, with POSIX calls: the
/// loader reads rule and CSV files by path, so inputs are written to a
/// fresh folder per run (runs of `swift test` may go in parallel).
enum FileSystem {
    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count == 0 { return ferror(file) == 0 ? bytes : nil }
            bytes.append(contentsOf: block[0..<count])
        }
    }

    /// Writes `files` (name and bytes) into a new temporary folder, runs
    /// `body` with the folder's path, then removes them.
    static func withTemporaryFolder<Result>(
        holding files: [(name: String, bytes: [UInt8])], _ body: (String) -> Result
    ) -> Result {
        var template = Array("/tmp/baton-fuzz-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            fatalError("cannot create a temporary folder")
        }
        let folder = String(cString: created)
        for file in files { write(file.bytes, to: folder + "/" + file.name) }
        defer {
            for file in files { unlink(folder + "/" + file.name) }
            rmdir(folder)
        }
        return body(folder)
    }

    private static func write(_ bytes: [UInt8], to path: String) {
        guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != bytes.count { fatalError("cannot write \(path)") }
    }
}
