import BatonLang
import Testing

@testable import BatonRules

/// Builds rulesets in code for engine tests: the schema of rules.md's
/// example, the four compile scopes, and expressions compiled in them.
struct EngineFixture {
    enum Scope { case accountMatch, scoring, event, decision }

    static let leadType = RecordType(
        name: "lead",
        fields: [
            .init(name: "id", type: .string, required: true),
            .init(name: "email", type: .string),
            .init(name: "first_name", type: .string),
            .init(name: "industry", type: .string),
            .init(name: "employees", type: .int),
            .init(name: "annual_revenue", type: .double),
            .init(name: "country", type: .string),
            .init(name: "lifecycle_stage", type: .string),
            .init(name: "unsubscribed", type: .bool),
            .init(name: "owner_hint", type: .string),
            .init(name: "events", type: .list(.record("event"))),
        ])
    static let eventType = RecordType(
        name: "event",
        fields: [
            .init(name: "type", type: .string, required: true),
            .init(name: "at", type: .timestamp, required: true),
            .init(name: "url", type: .string),
            .init(name: "form", type: .string),
        ])
    static let accountType = RecordType(
        name: "account",
        fields: [
            .init(name: "domain", type: .string, required: true),
            .init(name: "name", type: .string),
            .init(name: "owner", type: .string),
        ])
    static let scoreType = RecordType(
        name: "score",
        fields: [
            .init(name: "total", type: .double),
            .init(name: "grade", type: .string),
            .init(name: "components", type: .map(.double)),
        ])

    let schema: Schema
    let scopes: RuleScopes
    let tables: [Table]

    init(tables: [Table] = []) {
        let tablesType = RecordType(
            name: "tables", fields: tables.map { RecordType.Field(name: $0.name, type: $0.type) })
        let schema = Schema([
            Self.leadType, Self.eventType, Self.accountType, Self.scoreType, tablesType,
        ])
        let lead = Variable("lead", .record("lead"))
        let account = Variable("account", .record("account"))
        let tablesVariable = Variable("tables", .record("tables"))
        scopes = RuleScopes(
            accountMatch: Environment(schema: schema, variables: [lead, tablesVariable]),
            scoring: Environment(schema: schema, variables: [lead, account, tablesVariable]),
            event: Environment(
                schema: schema, variables: [lead, account, tablesVariable, Variable("event", .record("event"))]),
            decision: Environment(
                schema: schema, variables: [lead, account, tablesVariable, Variable("score", .record("score"))]))
        self.schema = schema
        self.tables = tables
    }

    static let here = SourceLocation(file: "rules.yaml", line: 1, column: 1)

    func environment(_ scope: Scope) -> Environment {
        switch scope {
        case .accountMatch: scopes.accountMatch
        case .scoring: scopes.scoring
        case .event: scopes.event
        case .decision: scopes.decision
        }
    }

    /// Compiles an expression; a test that writes a bad one fails, naming the diagnostics.
    func expression(_ source: String, in scope: Scope = .scoring) throws -> RuleExpression {
        let compilation = environment(scope).compile(source)
        let program = try #require(compilation.program, "\(source): \(compilation.diagnostics)")
        return RuleExpression(
            program: program, origin: ExpressionOrigin(standalone: SourceText(name: "<test>", text: source)))
    }

    func template(_ source: String, in scope: Scope = .scoring) throws -> RuleTemplate {
        let compilation = environment(scope).compileTemplate(source)
        let template = try #require(compilation.template, "\(source): \(compilation.diagnostics)")
        return RuleTemplate(
            template: template, source: source,
            origin: ExpressionOrigin(standalone: SourceText(name: "<test>", text: source)))
    }

    func rule(
        _ id: String, when: String? = nil, points: Double = 10, pointsExpression: String? = nil, reason: String? = nil,
        limit: Int? = nil, event: Bool = false
    ) throws -> ScoringRule {
        let scope: Scope = event ? .event : .scoring
        return ScoringRule(
            id: id, when: try when.map { try expression($0, in: scope) },
            points: try pointsExpression.map { .expression(try expression($0, in: scope)) } ?? .constant(points),
            reason: try reason.map { try template($0, in: scope) }, limit: limit, location: Self.here)
    }

    func ruleset(
        components: [ScoreComponent] = [], grades: [Grade] = [],
        owners: [Owner] = [], teams: [Team] = [],
        queues: [Queue] = [Queue(id: "unassigned", name: nil, location: here)],
        routingRules: [RoutingRule] = [], fallback: String = "unassigned", handoff: Handoff = .empty,
        accountMatching: AccountMatching? = nil
    ) -> Ruleset {
        Ruleset(
            name: "acme-b2b", version: "2026.11.1", digest: "sha256:abc123", schema: schema, tables: tables,
            accountMatching: accountMatching, scoring: Scoring(components: components, grades: grades), owners: owners,
            teams: teams, queues: queues, routing: Routing(rules: routingRules, fallback: fallback), handoff: handoff,
            scopes: scopes)
    }

    static func owner(
        _ id: String, name: String? = nil, email: String? = nil, available: Bool = true,
        outOfOffice: [DateRange] = [], backup: String? = nil, capacity: Int? = nil
    ) -> Owner {
        Owner(
            id: id, name: name, email: email, available: available, outOfOffice: outOfOffice, backup: backup,
            capacity: capacity, location: here)
    }

    static func team(
        _ id: String, members: [String], strategy: TeamStrategy = .roundRobin, weights: [String: Int] = [:],
        backup: String? = nil
    ) -> Team {
        Team(id: id, members: members, strategy: strategy, weights: weights, backup: backup, location: here)
    }

    static func queue(_ id: String, name: String? = nil) -> Queue {
        Queue(id: id, name: name, location: here)
    }

    func routingRule(_ id: String, when: String? = nil, assign: Assignment, reason: String? = nil) throws -> RoutingRule
    {
        RoutingRule(
            id: id, when: try when.map { try expression($0, in: .decision) }, assign: assign,
            reason: try reason.map { try template($0, in: .decision) }, location: Self.here)
    }

    /// A lead record from named fields; events as (type, at, url, form).
    static func lead(_ fields: [String: Value], events: [(String, String, String?, String?)] = []) throws -> RecordValue
    {
        var values = [Value](repeating: .null, count: leadType.fields.count)
        for (name, value) in fields {
            let slot = try #require(leadType.slot(of: name), "no lead field \(name)")
            values[slot] = value
        }
        var eventValues: [Value] = []
        for (type, at, url, form) in events {
            let timestamp = try Timestamp(rfc3339: at)
            eventValues.append(
                .record(
                    RecordValue(
                        type: eventType,
                        fields: [
                            .string(type), .timestamp(timestamp), url.map { .string($0) } ?? .null,
                            form.map { .string($0) } ?? .null,
                        ])))
        }
        values[try #require(leadType.slot(of: "events"))] = .list(eventValues)
        return RecordValue(type: leadType, fields: values)
    }

    static func time(_ text: String) throws -> Timestamp { try Timestamp(rfc3339: text) }

    static func day(_ text: String) throws -> Int64 { try Timestamp(date: text).civilDate.daysSinceEpoch }
}
