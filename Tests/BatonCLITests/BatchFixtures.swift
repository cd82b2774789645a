import Foundation
import Testing

/// Inputs for the `baton batch` tests: leads from the example ruleset's
/// generator, temporary folders, and the decision lines read back.
enum BatchFixtures {
    static let rules = "Rules/example"
    static let now = "2026-11-25T12:00:00Z"

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baton-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// `count` leads written by `Rules/example/generate-leads.py` into `folder`.
    static func generatedLeads(count: Int, in folder: URL, format: String = "ndjson", seed: Int = 7) throws -> URL {
        let file = folder.appendingPathComponent("leads-\(count).\(format)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", BatonProcess.packageRoot.appendingPathComponent("Rules/example/generate-leads.py").path,
            "--count", "\(count)", "--seed", "\(seed)", "--format", format, "--output", file.path,
        ]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw GeneratorFailed() }
        return file
    }

    struct GeneratorFailed: Error {}

    /// The JSON objects of NDJSON output, one per line.
    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// `baton batch --rules Rules/example --now …` plus `arguments`.
    static func batch(_ arguments: [String], stdin: String = "") throws -> BatonProcess.Result {
        try BatonProcess.run(["batch", "--rules", rules, "--now", now] + arguments, stdin: stdin)
    }

    /// The same with raw bytes on stdin (invalid UTF-8).
    static func batch(_ arguments: [String], stdinBytes: Data) throws -> BatonProcess.Result {
        try BatonProcess.run(["batch", "--rules", rules, "--now", now] + arguments, stdinBytes: stdinBytes)
    }
}
