#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one output layer of the CLI: results on stdout, diagnostics and
/// progress on stderr, colour only on a terminal and never with `NO_COLOR`.
enum Console {
    /// Whether to colour what goes to `stream` (1 = stdout, 2 = stderr).
    static func useColor(fileDescriptor: Int32) -> Bool {
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        return isatty(fileDescriptor) == 1
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    static func out(_ text: String) { write(text, to: 1) }
    static func error(_ text: String) { write(text, to: 2) }

    static func out(bytes: [UInt8]) { writeAll(bytes, to: 1) }

    /// The stderr line for an input line that could not be evaluated:
    /// `line 3 (L-7): error: lead.employees: expected int, got string "many"`.
    static func badInput(line: Int, leadID: String?, message: String) {
        error("line \(line)\(leadID.map { " (\($0))" } ?? ""): error: \(message)\n")
    }

    private static func write(_ text: String, to descriptor: Int32) {
        writeAll(Array(text.utf8), to: descriptor)
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
