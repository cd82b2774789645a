import BatonLang
import Testing

@testable import BatonRules

@Suite struct LoaderMergeTests {
    @Test func filesOfAFolderMergeInNameOrder() throws {
        let result = LoaderFixtures.load("merge")
        #expect(LoaderFixtures.lines(result) == [])
        let ruleset = try #require(result.ruleset)
        #expect(ruleset.name == "merged")
        #expect(ruleset.version == "1")
        #expect(ruleset.owners.map(\.id) == ["ana", "ben"])
        #expect(ruleset.owners[0].name == "Ana Souza")
        #expect(ruleset.owners[0].location.description == LoaderFixtures.path("merge/10-base.yaml") + ":8:5")
        #expect(ruleset.owners[1].location.description == LoaderFixtures.path("merge/20-more.yml") + ":5:5")
        #expect(ruleset.queues.map(\.id) == ["inbox"])
        #expect(ruleset.routing.rules.map(\.id) == ["big", "us"])
        #expect(ruleset.routing.fallback == "inbox")
        // Record fields merge key by key: `country` comes from the second file.
        #expect(ruleset.schema["lead"]?.fields.map(\.name) == ["id", "employees", "country"])
        #expect(ruleset.schema["lead"]?.fields.first?.required == true)
        #expect(ruleset.schema["score"]?.fields.map(\.name) == ["total", "grade", "components"])
        #expect(ruleset.schema["tables"]?.fields == [])
        // Only the two YAML files: not tests/, not notes.txt.
        #expect(ruleset.digest == "sha256:4751a6810311a5684b96b1b98ecf347e54e64f7b9f10bed27f29e2a4a7f5ec43")
    }

    @Test func aSingleFileIsHashedUnderItsName() throws {
        let result = LoaderFixtures.load("positions.yaml")
        #expect(result.ruleset == nil)
        var session = LoadSession()
        _ = session.loadRuleset(path: LoaderFixtures.path("positions.yaml"))
        #expect(session.files.map(\.relativePath) == ["positions.yaml"])
        #expect(
            RulesetDigest.digest(of: session.files.map { ($0.relativePath, $0.bytes) })
                == "sha256:f33884dc004e383920605d7a46e76308db7f0e1adce26178f17b6c1290e0aaad")
    }

    @Test func duplicatesAcrossFilesNameBothPlaces() {
        let result = LoaderFixtures.load("duplicates")
        #expect(result.ruleset == nil)
        #expect(
            LoaderFixtures.lines(result) == [
                "duplicates/b.yaml:1:1: error: 'ruleset' is defined twice: here and at duplicates/a.yaml:1:1 [defined-twice]",
                "duplicates/b.yaml:2:1: error: 'version' is defined twice: here and at duplicates/a.yaml:2:1 [defined-twice]",
                "duplicates/b.yaml:4:9: error: duplicate id 'ana' (owners, teams and queues share one namespace): first defined at duplicates/a.yaml:7:9 [duplicate-id]",
                "duplicates/b.yaml:5:15: error: member 'ana' of team 'ana' is a team, not an owner [member-not-owner]",
                "duplicates/b.yaml:7:9: error: duplicate id 'inbox' (owners, teams and queues share one namespace): first defined at duplicates/a.yaml:9:9 [duplicate-id]",
            ])
    }

    @Test func idsMayRepeatAcrossNamespacesButNotWithin() throws {
        let (result, lines) = try LoaderFixtures.loadText(
            """
            ruleset: ids
            schema: { lead: { id: string! } }
            scoring:
              components:
                fit:
                  rules:
                    - { id: same, points: 1 }
                engagement:
                  rules:
                    - { id: same, points: 2 }
              grades: [{ grade: A }]
            queues: [{ id: same }]
            routing:
              rules:
                - { id: same, assign: { queue: same } }
                - { id: same, assign: { queue: same } }
              fallback: { queue: same }
            handoff:
              suppress:
                - { id: same, when: "false" }
            """)
        #expect(result.ruleset == nil)
        #expect(
            lines == [
                "10:17: error: duplicate id 'same' (scoring rules share one namespace): first defined at rules.yaml:7:17 [duplicate-id]",
                "16:7: warning: routing rule 'same' can never be reached: rule 'same' before it always matches [unreachable-rule]",
                "16:13: error: duplicate id 'same' (routing rules share one namespace): first defined at rules.yaml:15:13 [duplicate-id]",
            ])
    }

    @Test func aScalarDefinedInTwoFilesAndAMissingRulesetName() throws {
        let folder = try LoaderFixtures.temporary([
            "a.yaml": "schema:\n  lead:\n    id: string!\n",
            "b.yaml": "schema:\n  lead:\n    id: int\nqueues: [{ id: q }]\nrouting: { fallback: { queue: q } }\n",
        ])
        let result = RulesetLoader.load(path: folder)
        #expect(
            result.diagnostics.map {
                "\(RulesetFiles.name(of: $0.file)):\($0.line):\($0.column): \($0.message.replacingOccurrences(of: folder + "/", with: ""))"
            } == [
                "a.yaml:1:1: ruleset: missing required key 'ruleset'",
                "b.yaml:3:5: 'schema.lead.id' is defined twice: here and at a.yaml:3:5",
            ])
    }

    @Test func anEmptyFolderIsAnError() throws {
        let folder = try LoaderFixtures.temporary(["tests/t.yaml": "tests: []\n"])
        let result = RulesetLoader.load(path: folder)
        #expect(result.diagnostics.map(\.message) == ["the folder holds no *.yaml or *.yml file"])
    }
}
