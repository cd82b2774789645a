import BatonLang
import BatonRules

/// Fuzz target (b): the bytes of one YAML rule file (beside the example's
/// `accounts.csv`, so that CSV tables can load) through `RulesetLoader`:
/// diagnostics at positions, or a ruleset, which then evaluates a lead.
enum RulesetFuzzing {
    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        let accounts = FileSystem.read(ExampleRuleset.repositoryRoot + "/Rules/example/accounts.csv") ?? []
        let result = FileSystem.withTemporaryFolder(holding: [("rules.yaml", bytes), ("accounts.csv", accounts)]) {
            RulesetLoader.load(path: $0 + "/rules.yaml")
        }
        check(result, &checks)
        guard let ruleset = result.ruleset else { return }
        evaluate(ruleset, &checks)
    }

    /// A ruleset exactly when there is no error; every diagnostic at a real
    /// position, rendered as text and as JSON.
    static func check(_ result: RulesetLoadResult, _ checks: inout FuzzChecks) {
        checks.expect(
            (result.ruleset == nil) == result.hasErrors,
            "ruleset \(result.ruleset == nil ? "missing" : "present") with hasErrors \(result.hasErrors)")
        for diagnostic in result.diagnostics {
            checks.expect(
                diagnostic.line >= 1 && diagnostic.column >= 1,
                "diagnostic at \(diagnostic.line):\(diagnostic.column): \(diagnostic.message)")
            checks.expect(!diagnostic.code.isEmpty, "diagnostic without a code: \(diagnostic.message)")
            _ = diagnostic.rendered(color: true)
        }
        let json = RuleDiagnostic.json(result.diagnostics)
        checks.expect(FuzzValues.isJSON(Array(json.utf8)), "diagnostics JSON does not parse: \(json)")
    }

    /// Evaluates and explains the example's fixed lead, read with the
    /// loaded ruleset's own schema, and checks the decision is JSON.
    static func evaluate(_ ruleset: Ruleset, _ checks: inout FuzzChecks) {
        let leadPath = ExampleRuleset.repositoryRoot + "/Rules/example/leads/named-account-in-office.json"
        let decoder = TypedJSONDecoder(schema: ruleset.schema, root: "lead")
        guard let bytes = FileSystem.read(leadPath), case .success(let lead) = decoder.decode(bytes) else { return }
        let engine = Engine(ruleset: ruleset)
        let decision = engine.evaluate(lead: lead, now: ExampleRuleset.now, state: RoutingState())
        let text = DecisionWriter.text(of: decision)
        checks.expect(FuzzValues.isJSON(Array(text.utf8)), "decision is not JSON: \(text)")
        let explanation = engine.explain(lead: lead, now: ExampleRuleset.now, state: nil)
        _ = ExplanationTextRenderer.render(explanation, color: false)
        _ = ExplanationWriter.text(of: explanation)
    }
}
