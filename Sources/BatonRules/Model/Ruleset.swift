import BatonLang

/// A loaded, checked and compiled ruleset: everything evaluation needs,
/// with every expression already compiled. Built by `RulesetLoader`.
public struct Ruleset: Sendable {
    /// `ruleset:`, the name shown in decisions.
    public var name: String
    /// `version:`, an optional label shown in decisions.
    public var version: String?
    /// `sha256:` and the hex digest of the loaded files (rules.md "The decision").
    public var digest: String
    /// The declared record types (`lead`, `event`, `account`, …) plus the
    /// built-in `score` record and the `tables` record.
    public var schema: Schema
    public var tables: [Table]
    public var accountMatching: AccountMatching?
    public var scoring: Scoring
    public var owners: [Owner]
    public var teams: [Team]
    public var queues: [Queue]
    public var routing: Routing
    public var handoff: Handoff
    /// The environments every expression was compiled in, by scope.
    public var scopes: RuleScopes

    public init(
        name: String, version: String?, digest: String, schema: Schema, tables: [Table],
        accountMatching: AccountMatching?, scoring: Scoring, owners: [Owner], teams: [Team],
        queues: [Queue], routing: Routing, handoff: Handoff, scopes: RuleScopes
    ) {
        self.name = name
        self.version = version
        self.digest = digest
        self.schema = schema
        self.tables = tables
        self.accountMatching = accountMatching
        self.scoring = scoring
        self.owners = owners
        self.teams = teams
        self.queues = queues
        self.routing = routing
        self.handoff = handoff
        self.scopes = scopes
    }
}

extension Ruleset {
    /// The `tables` record that expressions read: each table's value in the
    /// field order of the schema's `tables` type (null when there is none).
    package var tablesRecord: Value {
        guard let type = schema["tables"] else { return .null }
        return Self.tablesRecord(type: type, tables: tables)
    }

    /// The `tables` record of `type` holding `tables`.
    static func tablesRecord(type: RecordType, tables: [Table]) -> Value {
        var byName: [String: Value] = [:]
        for table in tables { byName[table.name] = table.value }
        return .record(RecordValue(type: type, fields: type.fields.map { byName[$0.name] ?? .null }))
    }
}

/// Where a piece of a ruleset was written: for diagnostics and explanations.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// An expression from a rule file, compiled, with where it was written.
public struct RuleExpression: Sendable {
    public var program: Program
    /// Maps offsets in the expression to the YAML file's lines and columns.
    public var origin: ExpressionOrigin
    public var source: String { program.source }

    public init(program: Program, origin: ExpressionOrigin) {
        self.program = program
        self.origin = origin
    }
}

/// A text template from a rule file (`reason:`, `say:`), compiled.
public struct RuleTemplate: Sendable {
    public var template: Template
    public var source: String
    public var origin: ExpressionOrigin

    public init(template: Template, source: String, origin: ExpressionOrigin) {
        self.template = template
        self.source = source
        self.origin = origin
    }
}
