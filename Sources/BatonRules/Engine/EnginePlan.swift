import BatonLang

/// An owner, team or queue, by its index in the ruleset's arrays.
enum AssigneeReference: Sendable, Hashable {
    case owner(Int)
    case team(Int)
    case queue(Int)
}

/// The slots of the variables one compile environment declares.
struct ScopeSlots: Sendable {
    var lead: Int?
    var account: Int?
    var tables: Int?
    var event: Int?
    var score: Int?

    init(_ environment: Environment) {
        lead = environment.slot(of: "lead")
        account = environment.slot(of: "account")
        tables = environment.slot(of: "tables")
        event = environment.slot(of: "event")
        score = environment.slot(of: "score")
    }
}

/// A ruleset prepared for evaluation: ids resolved to indices, slots looked
/// up, constant values built. Immutable, shared by every `Engine` made from it.
final class EnginePlan: Sendable {
    let ruleset: Ruleset
    let accountSlots: ScopeSlots
    let scoringSlots: ScopeSlots
    let eventSlots: ScopeSlots
    let decisionSlots: ScopeSlots
    /// The `tables` record.
    let tablesValue: Value
    /// The rows of the account table, keyed by the match value.
    let accountRows: MapValue?
    /// The same rows looked up by the key's bytes, when every key is ASCII.
    let accountRowTable: ASCIIKeyTable?
    let scoreShape: ScoreRecordShape
    /// The rules of every lead's loops, boxed.
    let boxed: BoxedRules
    /// Slots in the lead and event records.
    let leadIDSlot: Int?
    let leadEventsSlot: Int?
    let eventAtSlot: Int?
    let eventTypeSlot: Int?

    let assigneeByID: [String: AssigneeReference]
    let ownerBackups: [AssigneeReference?]
    /// Per team: members as owner indices, in listed order (unknown ids dropped).
    let teamMembers: [[Int]]
    /// Per team: the weight of each member, parallel to `teamMembers`.
    let teamWeights: [[Int64]]
    let teamBackups: [AssigneeReference?]
    /// The declared queues, plus the fallback when it names no declared queue.
    let queues: [Queue]
    let fallbackQueue: Int
    /// Per routing rule: its literal target; nil for `owner_from`.
    let routingTargets: [AssigneeReference?]

    init(ruleset: Ruleset) {
        self.ruleset = ruleset
        accountSlots = ScopeSlots(ruleset.scopes.accountMatch)
        scoringSlots = ScopeSlots(ruleset.scopes.scoring)
        eventSlots = ScopeSlots(ruleset.scopes.event)
        decisionSlots = ScopeSlots(ruleset.scopes.decision)

        tablesValue = ruleset.tablesRecord
        if let matching = ruleset.accountMatching,
            let table = ruleset.tables.first(where: { $0.name == matching.table }),
            case .map(let rows) = table.value
        {
            accountRows = rows
        } else {
            accountRows = nil
        }
        accountRowTable = accountRows.flatMap(ASCIIKeyTable.init)
        scoreShape = ScoreRecordShape(schema: ruleset.schema, components: ruleset.scoring.components.map(\.name))
        boxed = BoxedRules(ruleset)

        let leadType = ruleset.schema["lead"]
        leadIDSlot = leadType?.slot(of: "id")
        leadEventsSlot = leadType?.slot(of: "events")
        var eventType: RecordType?
        if let slot = leadEventsSlot, let type = leadType?.fields[slot].type, case .list(.record(let name)) = type {
            eventType = ruleset.schema[name]
        }
        eventAtSlot = eventType?.slot(of: "at")
        eventTypeSlot = eventType?.slot(of: "type")

        var byID: [String: AssigneeReference] = [:]
        for (index, queue) in ruleset.queues.enumerated() where byID[queue.id] == nil { byID[queue.id] = .queue(index) }
        for (index, team) in ruleset.teams.enumerated() where byID[team.id] == nil { byID[team.id] = .team(index) }
        for (index, owner) in ruleset.owners.enumerated() where byID[owner.id] == nil { byID[owner.id] = .owner(index) }

        var queues = ruleset.queues
        if case .queue(let index) = byID[ruleset.routing.fallback] {
            fallbackQueue = index
        } else {
            // The loader refuses a fallback that names no queue; a hand-built
            // ruleset still gets a queue by that id rather than a crash.
            queues.append(
                Queue(id: ruleset.routing.fallback, name: nil, location: SourceLocation(file: "", line: 0, column: 0)))
            fallbackQueue = queues.count - 1
        }
        self.queues = queues
        assigneeByID = byID

        ownerBackups = ruleset.owners.map { owner in owner.backup.flatMap { byID[$0] } }
        teamBackups = ruleset.teams.map { team in team.backup.flatMap { byID[$0] } }
        var members: [[Int]] = []
        var weights: [[Int64]] = []
        for team in ruleset.teams {
            var teamMembers: [Int] = []
            var teamWeights: [Int64] = []
            for member in team.members {
                guard case .owner(let index) = byID[member], !teamMembers.contains(index) else { continue }
                teamMembers.append(index)
                teamWeights.append(Int64(max(team.weights[member] ?? 1, 0)))
            }
            members.append(teamMembers)
            weights.append(teamWeights)
        }
        teamMembers = members
        teamWeights = weights
        routingTargets = ruleset.routing.rules.map { rule in
            switch rule.assign {
            case .owner(let id), .team(let id), .queue(let id): byID[id]
            case .ownerFrom: nil
            }
        }
    }

    /// The display data of an assignee.
    func assignee(_ reference: AssigneeReference) -> Assignee {
        switch reference {
        case .owner(let index):
            let owner = ruleset.owners[index]
            return Assignee(kind: .owner, id: owner.id, name: owner.name, email: owner.email)
        case .team(let index):
            return Assignee(kind: .team, id: ruleset.teams[index].id, name: nil, email: nil)
        case .queue(let index):
            let queue = queues[index]
            return Assignee(kind: .queue, id: queue.id, name: queue.name, email: nil)
        }
    }
}

/// How to build the `score` record that routing and handoff read, whatever
/// the slot order the loader gave its fields. A class: using the plan's
/// shape then copies no struct of arrays.
final class ScoreRecordShape: Sendable {
    let type: RecordType?
    let totalSlot: Int?
    let gradeSlot: Int?
    let componentsSlot: Int?
    /// When `components` is declared as a record rather than a map: its type,
    /// and for each of its fields the index of the component.
    let componentsRecord: RecordType?
    let componentIndexByField: [Int?]
    /// When `components` is a map: a map of the component names, whose keys
    /// each lead's map shares (see `MapValue.init(shape:values:)`), and per
    /// key the index of the component whose points it holds (the last of
    /// that name, as a later duplicate replaces the value of the first).
    let componentsShape: MapValue
    let componentIndexByKey: [Int]

    init(schema: Schema, components: [String]) {
        let type = schema["score"]
        self.type = type
        totalSlot = type?.slot(of: "total")
        gradeSlot = type?.slot(of: "grade")
        componentsSlot = type?.slot(of: "components")
        let shape = MapValue(components.map { ($0, Value.null) })
        componentsShape = shape
        componentIndexByKey = shape.keys.map { key in components.lastIndex(of: key)! }
        if let slot = componentsSlot, let fieldType = type?.fields[slot].type, case .record(let name) = fieldType,
            let record = schema[name]
        {
            componentsRecord = record
            componentIndexByField = record.fields.map { field in components.firstIndex(of: field.name) }
        } else {
            componentsRecord = nil
            componentIndexByField = []
        }
    }

    func value(total: ScorePoints, grade: String?, components: [ComponentScore]) -> Value {
        guard let type else { return .null }
        return .record(
            RecordValue(type: type) { fields in
                if let totalSlot { fields[totalSlot] = .double(total.doubleValue) }
                if let gradeSlot { fields[gradeSlot] = grade.map { .string($0) } ?? .null }
                guard let componentsSlot else { return }
                if let componentsRecord {
                    fields[componentsSlot] = .record(
                        RecordValue(type: componentsRecord) { values in
                            for (slot, index) in componentIndexByField.enumerated() {
                                guard let index, index < components.count else { continue }
                                values[slot] = .double(components[index].points.doubleValue)
                            }
                        })
                } else {
                    // Appended rather than set in a copy of null values, whose
                    // copy cost more than the appends; not `Array(repeating:count:)`,
                    // which looked up the array's generic type metadata at every lead.
                    var values: [Value] = []
                    values.reserveCapacity(componentIndexByKey.count)
                    for index in componentIndexByKey {
                        values.append(index < components.count ? .double(components[index].points.doubleValue) : .null)
                    }
                    fields[componentsSlot] = .map(MapValue(shape: componentsShape, values: values))
                }
            })
    }
}
