import Foundation
import Testing

/// `Grammar/ruleset.schema.json` accepts every example rule and test file and
/// rejects a misspelt key and a mistyped value, checked by a real JSON Schema
/// validator (Python's jsonschema, through `scripts/validate-ruleset-schema`).
@Suite struct RulesetSchemaTests {
    static let schema = "Grammar/ruleset.schema.json"

    static func validate(_ files: [String]) throws -> BatonProcess.Result {
        try BatonProcess.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "scripts/validate-ruleset-schema", schema] + files)
    }

    static func yamlFiles(in folder: String) throws -> [String] {
        let url = BatonProcess.packageRoot.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    @Test func exampleRuleAndTestFilesValidate() throws {
        let files = try Self.yamlFiles(in: "Rules/example") + Self.yamlFiles(in: "Rules/example/tests")
        #expect(files.count >= 8)
        let result = try Self.validate(files)
        #expect(result.stdout == "\(files.count) files, 0 problems\n")
        #expect(result.status == 0)
    }

    @Test func aMisspeltKeyAndAMistypedValueAreRejected() throws {
        let file = "Tests/BatonCLITests/Fixtures/schema-invalid/rules.yaml"
        let result = try Self.validate([file])
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                \(file): : Additional properties are not allowed ('routng' was unexpected)
                \(file): owners/0/capacity: 'many' is not of type 'integer'
                1 files, 2 problems

                """)
    }
}
