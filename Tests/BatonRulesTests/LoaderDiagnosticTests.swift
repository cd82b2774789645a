import BatonLang
import Testing

@testable import BatonRules

@Suite struct LoaderDiagnosticTests {
    @Test func expressionErrorsPointIntoEveryScalarStyle() {
        let result = LoaderFixtures.load("positions.yaml")
        #expect(result.ruleset == nil)
        #expect(
            LoaderFixtures.lines(result) == [
            ])
        print(result.diagnostics.map { $0.rendered(color: false) }.joined(separator: "\n"))
    }
}
