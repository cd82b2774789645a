import Foundation
import Testing

/// `baton check`, `eval` and `explain` end to end on the files in `Rules/`.
@Suite struct RulesCommandTests {
    static let now = "2026-11-25T12:00:00Z"

    @Test func exampleRulesetChecksClean() throws {
        let result = try BatonProcess.run(["check", "--rules", "Rules/example"])
        #expect(result.status == 0)
        #expect(result.stdout == "lumen-b2b: ok (0 errors, 0 warnings)\n")
        #expect(result.stderr == "")
    }

    @Test func checkReportsEveryErrorAtTheYAMLFilesLineAndColumn() throws {
        let result = try BatonProcess.run(["check", "--rules", "Tests/BatonCLITests/Fixtures/typo-rules"])
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                """
                Tests/BatonCLITests/Fixtures/typo-rules/ruleset.yaml:13:22: error: unknown field 'employes' on lead; did you mean 'employees'?
                          when: lead.employes >= 1000
                                     ^~~~~~~~
                """))
        // Inside a double-quoted scalar the column is still the file's own.
        #expect(result.stderr.contains("ruleset.yaml:16:18: error: cannot compare int with string"))
    }

    @Test func checkJSONCarriesCodesAndPositions() throws {
        let result = try BatonProcess.run([
            "check", "--rules", "Tests/BatonCLITests/Fixtures/typo-rules", "--format", "json",
        ])
        #expect(result.status == 1)
        let diagnostics = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let unknownField = try #require(diagnostics.first { $0["code"] as? String == "unknown-field" })
        #expect(unknownField["line"] as? Int == 13)
        #expect(unknownField["column"] as? Int == 22)
        #expect(unknownField["end_column"] as? Int == 30)
        #expect(unknownField["severity"] as? String == "error")
    }

    @Test func evalWritesTheDecision() throws {
        let result = try BatonProcess.run([
            "eval", "--rules", "Rules/example", "--now", Self.now, "Rules/example/leads/named-account-ooo.json",
        ])
        #expect(result.status == 0)
        let decision = try #require(
            JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(decision["lead_id"] as? String == "L-1002")
        let score = try #require(decision["score"] as? [String: Any])
        #expect(score["grade"] as? String == "C")
        #expect(score["total"] as? Double == 51.17)
        let route = try #require(decision["route"] as? [String: Any])
        let assignee = try #require(route["assignee"] as? [String: Any])
        #expect(assignee["id"] as? String == "ben")
        #expect(route["rule"] as? String == "named-account")
        #expect(result.stdout.contains(#"{"kind":"owner","id":"ana","skipped":"out_of_office","until":"2026-11-30"}"#))
    }

    @Test func evalReadsTheLeadFromStdin() throws {
        let lead = try String(
            contentsOf: BatonProcess.packageRoot.appendingPathComponent("Rules/example/leads/smb-demo-request.json"),
            encoding: .utf8)
        let result = try BatonProcess.run(["eval", "--rules", "Rules/example", "--now", Self.now, "-"], stdin: lead)
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""status":"handoff""#))
    }

    @Test(arguments: [
        (
            #"{"id": "L-9", "employees": "many"}"#,
            #"{"lead_id":"L-9","error":{"code":"bad-input","path":"lead.employees","message":"lead.employees: expected int, got string \"many\""}}"#
        ),
        (
            #"{"employees": 5}"#,
            #"{"lead_id":null,"error":{"code":"bad-input","path":"lead.id","message":"lead.id: required field is missing"}}"#
        ),
        ("[1, 2]", #"{"lead_id":null,"error":{"code":"bad-input","path":"lead","#),
    ])
    func badLeadIsAnErrorObjectAndExitOne(lead: String, expected: String) throws {
        let result = try BatonProcess.run(["eval", "--rules", "Rules/example", "--now", Self.now, "-"], stdin: lead)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix(expected))
        #expect(result.stderr.hasPrefix("error: lead"))
    }

    @Test func explainSaysWhy() throws {
        let result = try BatonProcess.run([
            "explain", "--rules", "Rules/example", "--now", Self.now, "Rules/example/leads/named-account-ooo.json",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Score 51.17, grade C"))
        #expect(result.stdout.contains("owner ana: skipped, out_of_office until 2026-11-30"))
        #expect(result.stdout.contains("lead.lead_source (\"web\") == \"referral\" → false"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not on a terminal")
    }

    @Test func explainJSONHoldsTheDecisionAndTheExplanation() throws {
        let result = try BatonProcess.run([
            "explain", "--rules", "Rules/example", "--now", Self.now, "--format", "json",
            "Rules/example/leads/named-account-ooo.json",
        ])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["explanation"] != nil)
    }

    @Test func unloadableRulesExitTwoAndMissingRulesExit64() throws {
        let broken = try BatonProcess.run(
            [
                "eval", "--rules", "Tests/BatonCLITests/Fixtures/typo-rules", "--now", Self.now, "-",
            ], stdin: "{}")
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("unknown field 'employes'"))
        let missing = try BatonProcess.run(["eval", "--now", Self.now, "-"], stdin: "{}")
        #expect(missing.status == 64)
        let fromEnvironment = try BatonProcess.run(
            ["eval", "--now", Self.now, "Rules/example/leads/smb-demo-request.json"],
            environment: ["BATON_RULES": "Rules/example"])
        #expect(fromEnvironment.status == 0)
    }
}
