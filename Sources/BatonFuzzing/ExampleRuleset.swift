import BatonLang
import BatonRules

/// `Rules/example`, loaded once: the schema, ruleset and fixed lead the
/// fuzz targets read and evaluate against.
final class ExampleRuleset: Sendable {
    /// The example ruleset, found beside this source file so that a fresh
    /// clone finds it wherever it lives.
    static let shared = ExampleRuleset()

    /// The repository root: this file is `Sources/BatonFuzzing/ExampleRuleset.swift`.
    static let repositoryRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    /// The evaluation time of every fuzz target: the example's tests use it too.
    static let now = Timestamp(seconds: 1_795_608_000)  // 2026-11-25T12:00:00Z

    let ruleset: Ruleset
    let leadDecoder: TypedJSONDecoder
    /// A lead with every field set and events (`leads/named-account-in-office.json`).
    let lead: RecordValue
    /// The `tables` record the ruleset's expressions read.
    let tables: Value
    /// The account row the fixed lead matches.
    let account: Value
    /// Shared by every run; `Engine(sharing:)` gives each run its own activations.
    private let engineBox: EngineBox

    private init() {
        let root = Self.repositoryRoot + "/Rules/example"
        let loaded = RulesetLoader.load(path: root)
        guard let ruleset = loaded.ruleset else {
            fatalError("Rules/example does not load: \(loaded.diagnostics.map { $0.rendered(color: false) })")
        }
        self.ruleset = ruleset
        leadDecoder = TypedJSONDecoder(schema: ruleset.schema, root: "lead")
        let leadPath = root + "/leads/named-account-in-office.json"
        guard let bytes = FileSystem.read(leadPath), case .success(let lead) = leadDecoder.decode(bytes) else {
            fatalError("cannot read \(leadPath)")
        }
        self.lead = lead
        tables = ruleset.tablesRecord
        let accounts = ruleset.tables.first { $0.name == "accounts" }?.value
        if case .map(let rows)? = accounts, let row = rows["initech.com"] {
            account = row
        } else {
            account = .null
        }
        engineBox = EngineBox(engine: Engine(ruleset: ruleset))
    }

    /// An engine of its own for one run.
    func makeEngine() -> Engine { Engine(sharing: engineBox.engine) }
}

/// Holds the prepared engine that runs share; it is only read, through
/// `Engine(sharing:)`, which copies the immutable plan.
private final class EngineBox: @unchecked Sendable {
    let engine: Engine
    init(engine: Engine) { self.engine = engine }
}
