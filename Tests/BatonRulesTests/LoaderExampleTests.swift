import BatonLang
import Testing

@testable import BatonRules

@Suite struct LoaderExampleTests {
    static let examplePath = LoaderFixtures.projectDirectory + "/Rules/example"

    @Test func exampleRulesetLoadsWithoutDiagnostics() throws {
        let result = RulesetLoader.load(path: Self.examplePath)
        #expect(result.diagnostics.map { $0.rendered(color: false) } == [])
        let ruleset = try #require(result.ruleset)
        #expect(ruleset.name == "lumen-b2b")
        #expect(ruleset.version == "2026.11.1")
        #expect(
            ruleset.routing.rules.map(\.id) == [
                "named-account", "emea-enterprise", "na-enterprise", "apac", "smb", "hot-lead", "nurture",
            ])
        #expect(ruleset.routing.fallback == "unassigned")
        #expect(ruleset.scoring.components.map(\.name) == ["fit", "engagement"])
        #expect(ruleset.accountMatching?.table == "accounts")
        #expect(ruleset.tables.first { $0.name == "accounts" }?.type == .map(.record("account")))
        // `NO` is Norway: the regions table keeps it as a string key.
        if case .map(let regions)? = ruleset.tables.first(where: { $0.name == "regions" })?.value {
            #expect(regions.keys.contains("NO"))
        } else {
            Issue.record("regions is not a map")
        }
    }

    @Test func exampleDigestCoversTheYAMLAndCSVFiles() throws {
        var session = LoadSession()
        _ = session.loadRuleset(path: Self.examplePath)
        #expect(
            session.files.map(\.relativePath).sorted() == [
                "00-ruleset.yaml", "10-tables.yaml", "20-scoring.yaml", "30-owners.yaml", "40-routing.yaml",
                "50-handoff.yaml",
                "accounts.csv",
            ])
        let ruleset = try #require(RulesetLoader.load(path: Self.examplePath + "/").ruleset)
        #expect(ruleset.digest == RulesetDigest.digest(of: session.files.map { ($0.relativePath, $0.bytes) }))
    }
}
