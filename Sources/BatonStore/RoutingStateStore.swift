import BatonRules
import GRDB

/// Keeps routing state in an SQLite file between runs
/// (`baton batch --state FILE`), through GRDB.
///
/// Three tables hold what `RoutingState` remembers: `team_last_member`
/// (round robin), `team_member_weight` (smooth weighted round robin) and
/// `owner_open_assignments` (balanced, capacity), keyed by ids so that a
/// ruleset change keeps what still applies. A save replaces the whole state
/// in one transaction under SQLite's rollback journal with full syncs: a
/// process killed at any moment leaves the file as it was before the save
/// or as it is after it, never in between, and the next open rolls back a
/// save that did not finish.
///
/// ```swift
/// let store = try RoutingStateStore(path: "routing.sqlite")
/// let state = try store.load()
/// // … route leads with `state` …
/// try store.save(state)
/// ```
package final class RoutingStateStore {
    private let database: DatabaseQueue
    /// The file, as given, for messages.
    package let path: String

    /// Opens (or creates) the state file and brings its tables up to date.
    package init(path: String) throws(RoutingStateStoreError) {
        self.path = path
        var configuration = Configuration()
        // Another run holding the file: wait for it rather than fail at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { database in
            try database.execute(sql: "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
        }
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw RoutingStateStoreError(path: path, action: "open", cause: error)
        }
    }

    /// The state the file holds (empty for a new file).
    package func load() throws(RoutingStateStoreError) -> RoutingState {
        do {
            return try database.read { database in
                var lastMembers: [String: String] = [:]
                for row in try Row.fetchAll(database, sql: "SELECT team, member FROM team_last_member") {
                    lastMembers[row["team"]] = row["member"]
                }
                var weights: [String: [String: Int64]] = [:]
                for row in try Row.fetchAll(database, sql: "SELECT team, member, weight FROM team_member_weight") {
                    weights[row["team"], default: [:]][row["member"]] = row["weight"]
                }
                var counts: [String: Int] = [:]
                for row in try Row.fetchAll(database, sql: "SELECT owner, open FROM owner_open_assignments") {
                    counts[row["owner"]] = row["open"]
                }
                return RoutingState(lastAssignedMember: lastMembers, currentWeights: weights, assignmentCounts: counts)
            }
        } catch {
            throw RoutingStateStoreError(path: path, action: "read", cause: error)
        }
    }

    /// Replaces the stored state with `state`, in one transaction.
    package func save(_ state: RoutingState) throws(RoutingStateStoreError) {
        do {
            try database.write { database in
                try database.execute(
                    sql:
                        "DELETE FROM team_last_member; DELETE FROM team_member_weight; DELETE FROM owner_open_assignments"
                )
                for (team, member) in state.lastAssignedMember {
                    try database.execute(
                        sql: "INSERT INTO team_last_member (team, member) VALUES (?, ?)", arguments: [team, member])
                }
                for (team, members) in state.currentWeights {
                    for (member, weight) in members {
                        try database.execute(
                            sql: "INSERT INTO team_member_weight (team, member, weight) VALUES (?, ?, ?)",
                            arguments: [team, member, weight])
                    }
                }
                for (owner, open) in state.assignmentCounts {
                    try database.execute(
                        sql: "INSERT INTO owner_open_assignments (owner, open) VALUES (?, ?)", arguments: [owner, open])
                }
            }
        } catch {
            throw RoutingStateStoreError(path: path, action: "write", cause: error)
        }
    }

    /// The schema, one migration per version, so that later versions can add to a file written by this one.
    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: routing state") { database in
            try database.create(table: "team_last_member") { table in
                table.primaryKey("team", .text)
                table.column("member", .text).notNull()
            }
            try database.create(table: "team_member_weight") { table in
                table.column("team", .text).notNull()
                table.column("member", .text).notNull()
                table.column("weight", .integer).notNull()
                table.primaryKey(["team", "member"])
            }
            try database.create(table: "owner_open_assignments") { table in
                table.primaryKey("owner", .text)
                table.column("open", .integer).notNull()
            }
        }
        return migrator
    }
}

/// The state file could not be opened, read or written: which file, what
/// was being done, and SQLite's reason.
package struct RoutingStateStoreError: Error, CustomStringConvertible {
    package let path: String
    package let action: String
    package let reason: String

    init(path: String, action: String, cause: any Error) {
        self.path = path
        self.action = action
        if let databaseError = cause as? DatabaseError {
            reason = databaseError.message ?? "\(databaseError.resultCode)"
        } else {
            reason = "\(cause)"
        }
    }

    package var description: String { "cannot \(action) the state file \(path): \(reason)" }
}
