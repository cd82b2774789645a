import BatonLang
import Testing

@testable import BatonRules

@Suite struct LoaderDiagnosticTests {
    @Test func expressionErrorsPointIntoEveryScalarStyle() {
        let result = LoaderFixtures.load("positions.yaml")
        #expect(result.ruleset == nil)
        let message = "error: unknown field 'employes' on lead; did you mean 'employees'? [unknown-field]"
        #expect(
            LoaderFixtures.lines(result) == [
                "positions.yaml:13:18: \(message)",  // plain
                "positions.yaml:16:45: \(message)",  // single-quoted, after a '' escape
                "positions.yaml:19:45: \(message)",  // double-quoted, after \" escapes
                "positions.yaml:24:16: \(message)",  // literal block, second line, more indented
                "positions.yaml:29:18: \(message)",  // folded block, second line
            ])
        #expect(result.diagnostics.map(\.endColumn) == [26, 53, 53, 24, 26])
    }

    @Test func renderedLikeACompiler() throws {
        let result = LoaderFixtures.load("positions.yaml")
        let diagnostics = result.diagnostics.map { diagnostic in
            var relative = diagnostic
            relative.file = LoaderFixtures.relative(diagnostic.file)
            return relative
        }
        #expect(
            diagnostics[0].rendered(color: false) == """
                positions.yaml:13:18: error: unknown field 'employes' on lead; did you mean 'employees'?
                      when: lead.employes >= 1000
                                 ^~~~~~~~
                """)
        #expect(
            diagnostics[3].rendered(color: false) == """
                positions.yaml:24:16: error: unknown field 'employes' on lead; did you mean 'employees'?
                          lead.employes >= 1000
                               ^~~~~~~~
                """)
        #expect(
            diagnostics[0].rendered(color: true)
                == "\u{1B}[1mpositions.yaml:13:18: \u{1B}[0m\u{1B}[1m\u{1B}[31merror:\u{1B}[0m\u{1B}[1m unknown field 'employes' on lead; did you mean 'employees'?\u{1B}[0m\n"
                + "      when: lead.employes >= 1000\n" + "                 \u{1B}[32m^~~~~~~~\u{1B}[0m")
    }

    /// An expression diagnostic reads the same through the loader as through the language's renderer.
    @Test(arguments: [false, true]) func sameTextAsTheExpressionRenderer(color: Bool) throws {
        let schema = Schema([RecordType(name: "lead", fields: [.init(name: "employees", type: .int)])])
        let environment = Environment(schema: schema, variables: [Variable("lead", .record("lead"))])
        let yaml = "rules:\n  - when: lead.employes > 1\n"
        let file = SourceText(name: "a.yaml", text: yaml)
        let origin = ExpressionOrigin(file: file, fileOffsets: Array(16...(16 + 18)))
        let diagnostic = try #require(environment.compile("lead.employes > 1", expecting: .condition).diagnostics.first)
        let (line, column, endColumn) = DiagnosticRenderer.location(diagnostic, origin: origin)
        let ruleDiagnostic = RuleDiagnostic(
            severity: diagnostic.severity, code: diagnostic.code, message: diagnostic.message, file: "a.yaml",
            line: line,
            column: column, endColumn: endColumn, sourceLine: file.line(line))
        #expect(
            ruleDiagnostic.rendered(color: color) == DiagnosticRenderer.render(diagnostic, origin: origin, color: color)
        )
    }

    @Test func renderedAsJSON() {
        let diagnostic = RuleDiagnostic(
            severity: .warning, code: "unused-table", message: "table \"x\" is\tnever used", file: "rules/a.yaml",
            line: 3,
            column: 5, endColumn: nil, sourceLine: "  x: [1]")
        #expect(
            diagnostic.json
                == #"{"file":"rules/a.yaml","line":3,"column":5,"end_column":null,"severity":"warning","message":"table \"x\" is\tnever used","code":"unused-table"}"#
        )
        var ranged = diagnostic
        ranged.endColumn = 9
        ranged.severity = .error
        #expect(RuleDiagnostic.json([ranged]).contains(#""column":5,"end_column":9,"severity":"error""#))
        #expect(RuleDiagnostic.json([]) == "[]")
    }

    @Test func caretLinesUpUnderTabsAndPastTheLineEnd() {
        let tabbed = RuleDiagnostic(
            severity: .error, code: "x", message: "m", file: "f", line: 1, column: 8, sourceLine: "\twhen: x")
        #expect(tabbed.rendered(color: false) == "f:1:8: error: m\n\twhen: x\n\t      ^")
        let past = RuleDiagnostic(
            severity: .note, code: "x", message: "m", file: "f", line: 2, column: 5, endColumn: 6, sourceLine: "ab")
        #expect(past.rendered(color: false) == "f:2:5: note: m\nab\n    ^")
        let ranged = RuleDiagnostic(
            severity: .warning, code: "x", message: "m", file: "f", line: 2, column: 2, endColumn: 5,
            sourceLine: "abcdef")
        #expect(ranged.rendered(color: false) == "f:2:2: warning: m\nabcdef\n ^~~")
    }

    @Test func unknownKeysWithDidYouMean() {
        let result = LoaderFixtures.load("unknown-keys.yaml")
        #expect(result.ruleset == nil)
        #expect(
            LoaderFixtures.lines(result) == [
                "unknown-keys.yaml:5:1: error: unknown key 'scorng'; did you mean 'scoring'? [unknown-key]",
                "unknown-keys.yaml:10:5: error: unknown key 'nmae' in queues[0]; did you mean 'name'? [unknown-key]",
                "unknown-keys.yaml:14:7: error: unknown key 'whne' in routing.rules[0]; did you mean 'when'? [unknown-key]",
                "unknown-keys.yaml:16:29: error: unknown key 'owner' in routing.fallback (expected one of: queue) [unknown-key]",
            ])
    }

    @Test func expressionsThatYAMLDidNotReadAsText() {
        let result = LoaderFixtures.load("quoting.yaml")
        #expect(
            LoaderFixtures.lines(result) == [
                "quoting.yaml:12:13: error: routing.rules[0].when: expected an expression, but YAML read a list here; quote the expression (an expression that begins with '[' or '{' must be quoted in YAML) [unquoted-expression]",
                "quoting.yaml:15:13: error: routing.rules[1].when: expected an expression, but YAML read a mapping here; quote the expression (an expression that begins with '[' or '{' must be quoted in YAML) [unquoted-expression]",
                "quoting.yaml:21:33: error: unterminated string: expected a closing \" before the end of the expression [unterminated-string]",
                "quoting.yaml:21:36: warning: YAML read the rest of this line, from ' #', as a comment and not as part of the expression; quote the expression if it contains ' #' [expression-comment]",
                "quoting.yaml:24:31: warning: YAML read the rest of this line, from ' #', as a comment and not as part of the expression; quote the expression if it contains ' #' [expression-comment]",
            ])
    }

    /// YAML syntax errors on a line that sets an expression key say how to quote it.
    @Test(arguments: [
        (
            "when: lead.x: y",
            "5:19: error: mapping values are not allowed in this context; if this line holds an expression, quote it (\(LoadSession.quotingRule)) [yaml-syntax]"
        ),
        (
            "when: \"a\" == lead.x",
            "5:17: error: did not find expected key (while parsing a block mapping at line 4, column 7); if this line holds an expression, quote it (\(LoadSession.quotingRule)) [yaml-syntax]"
        ),
        (
            "when: @foo",
            "5:13: error: found character that cannot start any token (while scanning for the next token at line 5, column 13); if this line holds an expression, quote it (\(LoadSession.quotingRule)) [yaml-syntax]"
        ),
        (
            "when: | lead.x",
            "5:15: error: did not find expected comment or line break (while scanning a block scalar at line 5, column 13); if this line holds an expression, quote it (\(LoadSession.quotingRule)) [yaml-syntax]"
        ),
        ("name: x: y", "5:14: error: mapping values are not allowed in this context [yaml-syntax]"),
    ])
    func yamlSyntaxErrorsOnExpressionLines(line: String, expected: String) throws {
        let (result, lines) = try LoaderFixtures.loadText(
            "ruleset: x\nrouting:\n  rules:\n    - id: a\n      \(line)\n")
        #expect(lines == [expected])
        #expect(result.ruleset == nil)
    }

    @Test func anchoredAndAliasedExpressionsWork() throws {
        let (result, lines) = try LoaderFixtures.loadText(
            """
            ruleset: anchors
            schema: { lead: { id: string!, employees: int } }
            queues: [{ id: inbox }]
            routing:
              rules:
                - { id: a, when: &big (lead.employees ?? 0) > 1000, assign: { queue: inbox } }
                - { id: b, when: *big, assign: { queue: inbox } }
              fallback: { queue: inbox }
            """)
        #expect(lines == [])
        #expect(
            result.ruleset?.routing.rules.map { $0.when?.source } == [
                "(lead.employees ?? 0) > 1000", "(lead.employees ?? 0) > 1000",
            ])
    }

    @Test func anUnquotedTagIsReportedAtTheTag() {
        let result = LoaderFixtures.load("tag.yaml")
        #expect(
            LoaderFixtures.lines(result) == [
                "tag.yaml:5:25: error: unsupported tag !lead.active (only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map and ! are allowed where they fit); an expression that begins with '!' must be quoted in YAML [yaml-tag]"
            ])
    }

    @Test func missingFileOrFolder() {
        let result = RulesetLoader.load(path: LoaderFixtures.path("no-such-rules"))
        #expect(result.ruleset == nil)
        #expect(LoaderFixtures.lines(result) == ["no-such-rules:1:1: error: no such file or folder [unreadable-file]"])
        #expect(
            result.diagnostics[0].rendered(color: false).hasSuffix("no-such-rules:1:1: error: no such file or folder"))
    }
}
