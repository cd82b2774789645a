import Foundation
import Testing

/// `baton batch` on a terminal: a progress bar and a summary on stderr,
/// coloured unless `NO_COLOR` is set. `script` (util-linux) gives the
/// binary a pseudo-terminal and copies what it shows to its own stdout.
@Suite struct BatchTerminalTests {
    /// Runs `baton batch` under `script`; returns what the terminal showed.
    static func onTerminal(_ arguments: [String], noColor: Bool) throws -> (shown: String, status: Int32) {
        let folder = try BatchFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shown = folder.appendingPathComponent("terminal")
        _ = FileManager.default.createFile(atPath: shown.path, contents: nil)
        let command = ([BatonProcess.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qefc", command, "/dev/null"]
        process.currentDirectoryURL = BatonProcess.packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "NO_COLOR")
        if noColor { environment["NO_COLOR"] = "1" }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: shown)
        try process.run()
        process.waitUntilExit()
        return (try String(contentsOf: shown, encoding: .utf8), process.terminationStatus)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")), arguments: [true, false])
    func showsProgressAndASummary(noColor: Bool) throws {
        let folder = try BatchFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let leads = try BatchFixtures.generatedLeads(count: 2_000, in: folder)
        var input = try Data(contentsOf: leads)
        input.append(contentsOf: Array("not json\n".utf8))
        try input.write(to: leads)
        let (shown, status) = try Self.onTerminal(
            [
                "batch", "--rules", BatchFixtures.rules, "--now", BatchFixtures.now, "--input", leads.path,
                "--output", folder.appendingPathComponent("out.ndjson").path,
            ], noColor: noColor)
        #expect(status == 1)
        #expect(shown.contains("leads/s"))
        #expect(shown.contains("line 2001: error: lead: unexpected 'n', expected a value at line 1, column 1"))
        #expect(shown.contains(noColor ? "2,001 leads in " : "\u{1B}[1m2,001 leads\u{1B}[0m in "))
        #expect(shown.contains("1 error"))
        for label in ["grades", "handoff", "top owners", "top queues"] { #expect(shown.contains(label)) }
        #expect(shown.contains("\u{1B}[1m") == !noColor)
    }
}
