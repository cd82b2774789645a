import BatonRules
import BatonStore
import Foundation
import Testing

/// `baton batch --state FILE`: routing state kept in SQLite between runs,
/// and a run killed mid-way that leaves the file as it was.
@Suite struct BatchStateTests {
    /// North American leads with 1000+ employees: the na-enterprise team,
    /// round robin over dev and emma (farid is unavailable).
    static func enterpriseLeads(_ ids: ClosedRange<Int>) -> String {
        ids.map { #"{"id":"N-\#($0)","country":"US","employees":5000}"# + "\n" }.joined()
    }

    static func picks(_ output: String) throws -> [String] {
        try BatchFixtures.objects(output).map { object in
            let route = try #require(object["route"] as? [String: Any])
            let assignee = try #require(route["assignee"] as? [String: Any])
            return try #require(assignee["id"] as? String)
        }
    }

    @Test func aSecondRunContinuesTheRotation() throws {
        let folder = try BatchFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("routing.sqlite").path
        let first = try BatchFixtures.batch(["--state", state], stdin: Self.enterpriseLeads(1...3))
        let second = try BatchFixtures.batch(["--state", state], stdin: Self.enterpriseLeads(4...6))
        let together = try BatchFixtures.batch([], stdin: Self.enterpriseLeads(1...6))
        #expect(first.status == 0)
        #expect(second.status == 0)
        #expect(try Self.picks(first.stdout) == ["dev", "emma", "dev"])
        #expect(try Self.picks(second.stdout) == ["emma", "dev", "emma"])
        #expect(first.stdout + second.stdout == together.stdout)
        let stored = try RoutingStateStore(path: state).load()
        #expect(stored.lastAssignedMember == ["na-enterprise": "emma"])
        #expect(stored.assignmentCounts == ["dev": 3, "emma": 3])
    }

    @Test func aKilledRunLeavesAValidStateFileThatTheNextRunContinues() throws {
        let folder = try BatchFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("routing.sqlite")
        let untouched = folder.appendingPathComponent("untouched.sqlite")
        _ = try BatchFixtures.batch(["--state", state.path], stdin: Self.enterpriseLeads(1...3))
        try FileManager.default.copyItem(at: state, to: untouched)

        let big = try BatchFixtures.generatedLeads(count: 30_000, in: folder)
        let output = folder.appendingPathComponent("killed.ndjson")
        let process = Process()
        process.executableURL = BatonProcess.executable
        process.currentDirectoryURL = BatonProcess.packageRoot
        process.arguments = [
            "batch", "--rules", BatchFixtures.rules, "--now", BatchFixtures.now, "--state", state.path,
            "--input", big.path, "--output", output.path,
        ]
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Self.size(of: output) == 0, process.isRunning, Date() < deadline { usleep(20_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(Self.size(of: output) > 0)

        let afterKill = try RoutingStateStore(path: state.path).load()
        let before = try RoutingStateStore(path: untouched.path).load()
        #expect(afterKill.lastAssignedMember == before.lastAssignedMember)
        #expect(afterKill.assignmentCounts == before.assignmentCounts)
        let next = try BatchFixtures.batch(["--state", state.path], stdin: Self.enterpriseLeads(4...6))
        let control = try BatchFixtures.batch(["--state", untouched.path], stdin: Self.enterpriseLeads(4...6))
        #expect(next.status == 0)
        #expect(try Self.picks(next.stdout) == ["emma", "dev", "emma"])
        #expect(next.stdout == control.stdout)
    }

    @Test func aFileThatIsNotAStateFileCannotStart() throws {
        let folder = try BatchFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let notDatabase = folder.appendingPathComponent("notes.txt")
        try Data("these are not the routing tables\n".utf8).write(to: notDatabase)
        let result = try BatchFixtures.batch(["--state", notDatabase.path], stdin: Self.enterpriseLeads(1...1))
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot open the state file \(notDatabase.path): file is not a database\n")
        #expect(result.stdout == "")
    }

    private static func size(of file: URL) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int) ?? 0
    }
}
