import BatonLang
import BatonYAML

/// The outcome of loading a ruleset: the ruleset unless an error was found,
/// and every diagnostic (errors and warnings), sorted by file, line, column.
public struct RulesetLoadResult: Sendable {
    /// Nil exactly when `diagnostics` holds an error.
    public var ruleset: Ruleset?
    /// Errors and warnings of every file, sorted by file, line and column.
    public var diagnostics: [RuleDiagnostic]

    public init(ruleset: Ruleset?, diagnostics: [RuleDiagnostic]) {
        self.ruleset = ruleset
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (`baton check` then exits 1).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Loads a ruleset from a YAML file or a folder of YAML files: reads and
/// merges the files, decodes every section, compiles every expression, and
/// runs the checks across sections (what `baton check` reports).
public enum RulesetLoader {
    /// Loads the ruleset at `path`: a YAML file, or a folder whose `*.yaml`
    /// and `*.yml` files (directly inside, in byte order of names) are merged.
    public static func load(path: String) -> RulesetLoadResult {
        var session = LoadSession()
        let ruleset = session.loadRuleset(path: path)
        let diagnostics = RuleDiagnostic.sortedForDisplay(session.diagnostics)
        let failed = diagnostics.contains { $0.severity == .error }
        return RulesetLoadResult(ruleset: failed ? nil : ruleset, diagnostics: diagnostics)
    }

    static let sections = [
        "ruleset", "version", "schema", "tables", "accounts", "scoring", "owners", "teams", "queues", "routing",
        "handoff",
    ]
}

extension LoadSession {
    /// Reads, merges, decodes, compiles and checks the ruleset at `path`;
    /// nil when any error was reported in `diagnostics`.
    mutating func loadRuleset(path: String) -> Ruleset? {
        let roots = readYAMLFiles(path: path)
        guard !files.isEmpty else { return nil }
        guard let root = mergeDocuments(roots) else {
            if !hasErrors {
                report(
                    .error, RuleDiagnosticCode.missingKey,
                    "ruleset: missing required key 'ruleset' (the files hold no sections)", file: 0, start: 0, end: 0)
            }
            return nil
        }
        guard let top = fields(root, path: "", allowed: RulesetLoader.sections, required: ["ruleset"]) else {
            return nil
        }
        let name = top["ruleset"].flatMap { identifier($0, path: "ruleset") }
        let version = top["version"].flatMap { string($0, path: "version") }
        let declaredSchema = loadSchema(top["schema"], root: root)
        let tables = loadTables(top["tables"], schema: declaredSchema)
        let accountsTable = accountsTableName(top["accounts"])
        let accountType = Self.accountType(tableName: accountsTable, tables: tables)
        let (scopes, schema) = makeScopes(schema: declaredSchema, tables: tables, accountType: accountType)
        let accountMatching = loadAccounts(top["accounts"], tables: tables, scopes: scopes)
        let scoring = loadScoring(top["scoring"], scopes: scopes, schema: schema)
        var assigneeReferences = AssigneeReferences()
        let owners = loadOwners(top["owners"], references: &assigneeReferences)
        let teams = loadTeams(top["teams"], references: &assigneeReferences)
        let queues = loadQueues(top["queues"])
        var routingReferences: [WrittenAssigneeID] = []
        let routing = loadRouting(top["routing"], root: root, scopes: scopes, references: &routingReferences)
        let handoff = loadHandoff(top["handoff"], scopes: scopes)
        var tableKeys: [RuleEntry] = []
        if let tablesNode = top["tables"], case .mapping(let entries) = tablesNode.content {
            // Tables that failed to load are already reported; do not also call them unused.
            let loaded = Set(tables.tables.map(\.name))
            tableKeys = entries.filter { loaded.contains($0.key) }
        }
        lint(
            owners: owners, teams: teams, queues: queues, routingReferences: routingReferences,
            assignees: assigneeReferences, tableKeys: tableKeys, accountsTable: accountsTable)
        guard let name, !hasErrors else { return nil }
        let digest = RulesetDigest.digest(of: files.map { ($0.relativePath, $0.bytes) })
        return Ruleset(
            name: name, version: version, digest: digest, schema: schema, tables: tables.tables,
            accountMatching: accountMatching,
            scoring: scoring, owners: owners, teams: teams, queues: queues, routing: routing, handoff: handoff,
            scopes: scopes)
    }

    /// Reads the YAML files of the ruleset; returns the root of every document.
    private mutating func readYAMLFiles(path: String) -> [RuleNode] {
        var paths: [(display: String, relative: String)] = []
        switch RulesetFiles.kind(of: path) {
        case .missing:
            fileError(RuleDiagnosticCode.unreadableFile, "no such file or folder", path: path)
            return []
        case .file:
            paths = [(path, RulesetFiles.name(of: path))]
        case .directory:
            switch RulesetFiles.yamlFiles(in: path) {
            case .failure(let failure):
                fileError(RuleDiagnosticCode.unreadableFile, failure.reason, path: path)
                return []
            case .success(let names):
                guard !names.isEmpty else {
                    fileError(RuleDiagnosticCode.unreadableFile, "the folder holds no *.yaml or *.yml file", path: path)
                    return []
                }
                paths = names.map { (RulesetFiles.join(path, $0), $0) }
            }
        }
        var roots: [RuleNode] = []
        for (display, relative) in paths {
            let bytes: [UInt8]
            switch RulesetFiles.read(display, limit: YAMLLimits().maxBytes) {
            case .success(let read): bytes = read
            case .failure(let failure):
                fileError(RuleDiagnosticCode.unreadableFile, "cannot read the file: \(failure.reason)", path: display)
                continue
            }
            let source = SourceText(name: display, text: String(decoding: bytes, as: UTF8.self))
            files.append(LoadedFile(path: display, relativePath: relative, bytes: bytes, source: source, yaml: nil))
            let index = files.count - 1
            do {
                let yaml = try YAMLReader.read(path: display, bytes: bytes)
                files[index].yaml = yaml
                roots.append(contentsOf: yaml.documents.map { RuleNode($0, file: index) })
            } catch {
                var message = error.message
                if error.code == "yaml-tag" {
                    message += "; an expression that begins with '!' must be quoted in YAML"
                } else if error.code == "yaml-syntax",
                    Self.holdsExpressionKey(source.line(source.position(ofOffset: error.mark.offset).line))
                {
                    message += "; if this line holds an expression, quote it (\(Self.quotingRule))"
                }
                report(.error, error.code, message, file: index, start: error.mark.offset, end: error.mark.offset)
            }
        }
        return roots
    }

    static let quotingRule =
        "an expression that begins with !, [, {, \", ', *, &, |, >, %, @ or ` or contains ': ' or ' #' must be quoted in YAML"

    /// Whether a line of YAML sets one of the keys that hold expressions.
    static func holdsExpressionKey(_ line: String) -> Bool {
        let keys = ["when", "points", "match", "owner_from", "say", "reason"]
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," || $0 == "-" })
        return words.contains { word in keys.contains { word == $0 + ":" } }
    }

    private func accountsTableName(_ node: RuleNode?) -> String? {
        guard let node, case .mapping(let entries) = node.content,
            let table = entries.first(where: { $0.key == "table" })?.value.scalar
        else { return nil }
        return table.text
    }

    /// Reads `accounts:`: the table of accounts and the expression that gives a lead's key.
    private mutating func loadAccounts(_ node: RuleNode?, tables: LoadedTables, scopes: RuleScopes) -> AccountMatching?
    {
        guard let node, !node.isNull,
            let fields = fields(node, path: "accounts", allowed: ["table", "match"], required: ["table", "match"]),
            let tableNode = fields["table"], let matchNode = fields["match"]
        else { return nil }
        let match = expression(matchNode, path: "accounts.match", in: scopes.accountMatch, expecting: .string)
        guard let tableName = identifier(tableNode, path: "accounts.table") else { return nil }
        guard let table = tables.fields.first(where: { $0.name == tableName }) else {
            var message = "accounts.table: unknown table '\(tableName)'"
            if let suggestion = closestName(to: tableName, among: tables.fields.map(\.name)) {
                message += "; did you mean '\(suggestion)'?"
            }
            error(RuleDiagnosticCode.unknownId, message, at: tableNode)
            return nil
        }
        // A table that failed to load has been reported, and has no type to check.
        if table.type == .dyn { return nil }
        guard case .map = table.type else {
            error(
                RuleDiagnosticCode.wrongType,
                "accounts.table: table '\(tableName)' is a \(table.type); accounts need a map table (a CSV table keyed by domain, say)",
                at: tableNode)
            return nil
        }
        guard let match else { return nil }
        return AccountMatching(table: tableName, match: match)
    }
}
