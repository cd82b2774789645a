import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// Reads the one lead of `baton eval` / `baton explain` from a file or stdin.
enum LeadInput {
    /// The bytes of `path` (`-` or nil: stdin); exits 2 when unreadable.
    static func bytes(_ path: String?) throws -> [UInt8] {
        if path == nil || path == "-" {
            var reader = LineReader(fileDescriptor: 0)
            var all: [UInt8] = []
            while let line = reader.nextLine() {
                all.append(contentsOf: line)
                all.append(UInt8(ascii: "\n"))
            }
            return all
        }
        guard let bytes = FileBytes.read(path!) else {
            Console.error("error: cannot read \(path!)\n")
            throw ExitStatus.cannotStart
        }
        return bytes
    }

    /// Decodes a lead against the ruleset's schema; on bad input writes the
    /// error object to stdout and the message to stderr, and exits 1.
    static func decode(_ bytes: [UInt8], ruleset: Ruleset) throws -> RecordValue {
        let decoder = TypedJSONDecoder(schema: ruleset.schema, root: "lead")
        switch decoder.decode(bytes) {
        case .success(let lead):
            return lead
        case .failure(let error):
            var writer = JSONWriter()
            DecisionWriter.writeBadInput(
                leadID: error.leadID, line: nil, path: error.path, message: error.message, to: &writer)
            Console.out(writer.text + "\n")
            Console.error("error: \(error.message)\n")
            throw ExitStatus.findings
        }
    }
}

/// Reads whole files with POSIX calls (no Foundation on the CLI's paths).
enum FileBytes {
    static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = block.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: block[0..<count])
        }
    }
}
