import BatonRules
import Foundation
import Testing

@testable import BatonStore

/// The SQLite routing state file: what is saved is what loads, saves replace.
@Suite struct RoutingStateStoreTests {
    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).sqlite").path
    }

    @Test func aNewFileHoldsAnEmptyState() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let state = try RoutingStateStore(path: path).load()
        #expect(state.lastAssignedMember.isEmpty)
        #expect(state.currentWeights.isEmpty)
        #expect(state.assignmentCounts.isEmpty)
    }

    @Test func whatIsSavedLoadsInAnotherOpeningAndASaveReplaces() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let saved = RoutingState(
            lastAssignedMember: ["na": "dev", "emea": "ana"],
            currentWeights: ["emea": ["ana": -2, "ben": 1, "carla": 1]],
            assignmentCounts: ["dev": 3, "ana": 12])
        try RoutingStateStore(path: path).save(saved)
        let loaded = try RoutingStateStore(path: path).load()
        #expect(loaded.lastAssignedMember == saved.lastAssignedMember)
        #expect(loaded.currentWeights == saved.currentWeights)
        #expect(loaded.assignmentCounts == saved.assignmentCounts)

        try RoutingStateStore(path: path).save(
            RoutingState(lastAssignedMember: ["apac": "hiro"], currentWeights: [:], assignmentCounts: ["hiro": 1]))
        let replaced = try RoutingStateStore(path: path).load()
        #expect(replaced.lastAssignedMember == ["apac": "hiro"])
        #expect(replaced.currentWeights.isEmpty)
        #expect(replaced.assignmentCounts == ["hiro": 1])
    }

    @Test func aFileThatIsNotSQLiteIsAnErrorNamingIt() throws {
        let path = Self.temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RoutingStateStoreError.self) { try RoutingStateStore(path: path) }
        do {
            _ = try RoutingStateStore(path: path)
        } catch {
            #expect(error.description == "cannot open the state file \(path): file is not a database")
        }
    }
}
