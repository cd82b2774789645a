import BatonLang

/// The tests of a ruleset read from its `tests/` folder, with every problem
/// found in the test files (each at `file:line:column`).
public struct TestSuite: Sendable {
    /// The test files read, in byte order of their names.
    public var files: [String]
    /// Every well-formed test, in file order.
    public var tests: [RulesetTest]
    /// Problems in the test files; a test with a problem is not in `tests`.
    public var diagnostics: [RuleDiagnostic]

    public init(files: [String], tests: [RulesetTest], diagnostics: [RuleDiagnostic]) {
        self.files = files
        self.tests = tests
        self.diagnostics = diagnostics
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Reads the test files of a ruleset (rules.md "Tests").
public enum TestSuiteLoader {
    /// The `tests/` folder of the ruleset at `rulesPath`: inside it when it is
    /// a folder, beside it when it is a file.
    public static func testsDirectory(forRules rulesPath: String) -> String {
        if RulesetFiles.kind(of: rulesPath) == .directory {
            return RulesetFiles.join(rulesPath, "tests")
        }
        return RulesetFiles.join(RulesetFiles.directory(of: rulesPath), "tests")
    }

    /// Reads every `*.yaml`/`*.yml` file directly inside the ruleset's
    /// `tests/` folder, in byte order of their names. No folder: no tests.
    ///
    /// Leads are decoded against `ruleset`'s schema, and ids in `expect`
    /// are checked against it. A test without `now:` takes `defaultNow`
    /// (the command's `--now`); without either it is an error.
    public static func load(rulesPath: String, ruleset: Ruleset, defaultNow: Timestamp?) -> TestSuite {
        let directory = testsDirectory(forRules: rulesPath)
        guard RulesetFiles.kind(of: directory) == .directory else {
            return TestSuite(files: [], tests: [], diagnostics: [])
        }
        switch RulesetFiles.yamlFiles(in: directory) {
        case .failure(let failure):
            let diagnostic = RuleDiagnostic(
                severity: .error, code: RuleDiagnosticCode.unreadableFile, message: failure.reason, file: directory,
                line: 1, column: 1)
            return TestSuite(files: [], tests: [], diagnostics: [diagnostic])
        case .success(let names):
            return load(files: names.map { RulesetFiles.join(directory, $0) }, ruleset: ruleset, defaultNow: defaultNow)
        }
    }

    /// Reads the given test files, in the order given.
    public static func load(files: [String], ruleset: Ruleset, defaultNow: Timestamp?) -> TestSuite {
        var suite = TestSuite(files: files, tests: [], diagnostics: [])
        let decoder = TypedJSONDecoder(schema: ruleset.schema, root: "lead")
        for file in files {
            var reader = TestFileReader(path: file, ruleset: ruleset, decoder: decoder, defaultNow: defaultNow)
            suite.tests += reader.read()
            suite.diagnostics += reader.diagnostics
        }
        suite.diagnostics = RuleDiagnostic.sortedForDisplay(suite.diagnostics)
        return suite
    }
}
