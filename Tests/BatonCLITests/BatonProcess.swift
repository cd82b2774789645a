import Foundation

/// Runs the real `baton` binary that `swift build` made, for end-to-end tests.
struct BatonProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root, found from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built binary: next to the test bundle (the same build directory).
    static let executable: URL = {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("baton"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("baton"),
            packageRoot.appendingPathComponent(".build/debug/baton"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }()

    /// Runs `baton ARGUMENTS` in the package root with `stdin` as standard input.
    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:]
    ) throws -> Result {
        try run(arguments, stdinBytes: Data(stdin.utf8), environment: environment)
    }

    static func run(
        _ arguments: [String], stdinBytes: Data, environment: [String: String] = [:]
    ) throws -> Result {
        try run(executable: executable, arguments, stdinBytes: stdinBytes, environment: environment)
    }

    /// Runs any program the same way (in the package root, output captured).
    static func run(
        executable: URL, _ arguments: [String], stdinBytes: Data = Data(), environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["NO_COLOR"] = "1"
        processEnvironment.removeValue(forKey: "BATON_RULES")
        for (key, value) in environment { processEnvironment[key] = value }
        process.environment = processEnvironment
        // Files rather than pipes: nothing to drain concurrently, no pipe can fill up.
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("baton-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputURL = directory.appendingPathComponent("stdin")
        let outputURL = directory.appendingPathComponent("stdout")
        let errorURL = directory.appendingPathComponent("stderr")
        try stdinBytes.write(to: inputURL)
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        let input = try FileHandle(forReadingFrom: inputURL)
        let output = try FileHandle(forWritingTo: outputURL)
        let errors = try FileHandle(forWritingTo: errorURL)
        defer {
            try? input.close()
            try? output.close()
            try? errors.close()
        }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let outputData = try Data(contentsOf: outputURL)
        let errorData = try Data(contentsOf: errorURL)
        return Result(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self))
    }
}
