import Testing
@testable import BatonRules

@Test(arguments: ["unknown-keys.yaml", "merge", "duplicates", "lint.yaml", "quoting.yaml", "tag.yaml", "csv-errors.yaml", "csv-good"])
func scratch(_ name: String) {
    let result = LoaderFixtures.load(name)
    print("=== \(name) loaded: \(result.ruleset != nil)")
    for line in LoaderFixtures.lines(result) { print(line) }
}
