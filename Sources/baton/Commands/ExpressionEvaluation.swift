import BatonLang

/// Evaluates one standalone expression against JSON variables: the shared
/// work of `baton expr` and `baton expr --ndjson`.
enum ExpressionEvaluation {
    enum FailureKind: String {
        case parse, type, eval
    }

    enum Outcome {
        case value(Value)
        case failure(FailureKind, message: String, diagnostics: [Diagnostic])
    }

    /// `variables` must be a map (a JSON object); each key becomes a dyn variable.
    static func evaluate(_ source: String, variables: Value, now: Timestamp) -> Outcome {
        guard case .map(let bindings) = variables else {
            return .failure(.parse, message: "vars must be a JSON object", diagnostics: [])
        }
        let parsed = Parser.parse(source)
        guard let expr = parsed.expr else {
            return .failure(.parse, message: firstErrorMessage(parsed.diagnostics), diagnostics: parsed.diagnostics)
        }
        let environment = Environment.dynamic(variables: bindings.keys)
        let compilation = environment.compile(parsed: expr, source: source)
        guard let program = compilation.program else {
            return .failure(
                .type, message: firstErrorMessage(compilation.diagnostics), diagnostics: compilation.diagnostics)
        }
        let activation = Activation(environment: environment, now: now)
        for key in bindings.keys {
            if let slot = environment.slot(of: key), let value = bindings[key] {
                activation.bind(value, toSlot: slot)
            }
        }
        let value = program.evaluate(activation)
        if case .error(let error) = value {
            return .failure(.eval, message: error.message, diagnostics: [])
        }
        return .value(value)
    }

    private static func firstErrorMessage(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.first(where: { $0.severity == .error })?.message ?? "invalid expression"
    }
}
