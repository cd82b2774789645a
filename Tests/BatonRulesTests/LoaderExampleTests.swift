import BatonLang
import Testing

@testable import BatonRules

@Suite struct LoaderExampleTests {
    @Test func exampleRulesetLoadsWithoutErrors() throws {
        let result = RulesetLoader.load(path: LoaderFixtures.projectDirectory + "/Rules/example")
        let errors = result.diagnostics.filter { $0.severity == .error }.map { $0.rendered(color: false) }
        #expect(errors == [])
        let ruleset = try #require(result.ruleset)
        print(result.diagnostics.map { $0.rendered(color: false) }.joined(separator: "\n"))
        #expect(!ruleset.name.isEmpty)
        #expect(ruleset.digest.hasPrefix("sha256:"))
        #expect(ruleset.digest.count == 7 + 64)
    }
}
