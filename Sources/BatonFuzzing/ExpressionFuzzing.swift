import BatonLang
import BatonRules

/// Fuzz target (a): expression text through lex → parse → check → compile →
/// evaluate, in the example's routing scope (typed: `lead`, `account`,
/// `tables`, `score`) and schema-free (as `baton expr` checks).
enum ExpressionFuzzing {
    static let dynamic = Environment.dynamic(variables: ["lead", "account", "tables", "x"])

    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        let source = String(decoding: bytes, as: UTF8.self)
        let example = ExampleRuleset.shared
        let extra = Value.list([.int(1), .string("a"), .null, .double(2.5), .map(MapValue([("k", .bool(true))]))])
        for environment in [example.ruleset.scopes.decision, dynamic] {
            let compilation = environment.compile(source, expecting: bytes.first.map(expectation) ?? .any)
            FuzzDiagnostics.check(compilation.diagnostics, in: source, &checks)
            let hasErrors = compilation.diagnostics.contains { $0.severity == .error }
            guard let program = compilation.program else {
                checks.expect(hasErrors, "no program and no error for \(source.debugDescription)")
                continue
            }
            checks.expect(!hasErrors, "a program despite errors for \(source.debugDescription)")
            let activation = Activation(environment: environment, now: ExampleRuleset.now)
            let bindings: [(String, Value)] = [
                ("lead", .record(example.lead)), ("account", example.account), ("tables", example.tables),
                ("x", extra),
            ]
            for (name, value) in bindings {
                if let slot = environment.slot(of: name) { activation.bind(value, toSlot: slot) }
            }
            let value = program.evaluate(activation)
            let traced = program.evaluateTraced(activation).value
            let plain = FuzzValues.describe(value)
            checks.expect(
                plain == FuzzValues.describe(traced),
                "traced and plain evaluation differ for \(source.debugDescription): \(plain) vs \(FuzzValues.describe(traced))"
            )
            // A second evaluation on the same activation sees no state left by the first.
            checks.expect(
                plain == FuzzValues.describe(program.evaluate(activation)),
                "a second evaluation differs for \(source.debugDescription)")
            if let constant = program.constantValue {
                checks.expect(
                    FuzzValues.describe(constant) == plain,
                    "folded constant \(FuzzValues.describe(constant)) differs from \(plain) for \(source.debugDescription)"
                )
            }
        }
    }

    /// The result kind asked for, chosen by the first byte so that the fuzzer reaches every one.
    private static func expectation(_ byte: UInt8) -> ExpectedResult {
        switch byte % 4 {
        case 0: .condition
        case 1: .number
        case 2: .string
        default: .any
        }
    }
}

/// Checks shared by every target that produces diagnostics of an expression.
enum FuzzDiagnostics {
    /// Every span lies inside the source, and every diagnostic renders.
    static func check(_ diagnostics: [Diagnostic], in source: String, _ checks: inout FuzzChecks) {
        let length = source.utf8.count
        let origin = ExpressionOrigin(standalone: SourceText(name: "fuzz", text: source))
        for diagnostic in diagnostics {
            let span = diagnostic.span
            checks.expect(
                0 <= span.start && span.start <= span.end && span.end <= length,
                "span \(span.start)..<\(span.end) outside 0..<\(length): \(diagnostic) in \(source.debugDescription)")
            checks.expect(!diagnostic.code.isEmpty, "a diagnostic without a code: \(diagnostic)")
            _ = DiagnosticRenderer.render(diagnostic, origin: origin, color: true)
        }
    }
}
