import ArgumentParser
import BatonLang

/// `baton expr`: evaluate standalone expressions, schema-free (dynamic types).
struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Evaluate a standalone expression and print its value as JSON.",
        discussion: """
            Examples:
              baton expr '1 + 2 * 3'
              baton expr 'lead.employees / 100 * 2.5' --vars '{"lead": {"employees": 250}}'
              echo '{"expr": "size(x)", "vars": {"x": [1, 2]}}' | baton expr --ndjson
            With --ndjson, reads {"expr": "...", "vars": {...}} lines on stdin and writes one line
            per input, in order: {"value": V} or {"error": {"kind": "parse"|"type"|"eval", "message": "..."}}.
            """
    )

    @Argument(help: "The expression (not with --ndjson).")
    var expression: String?

    @Option(name: .long, help: "Variables as a JSON object: {\"name\": value, ...}.")
    var vars: String?

    @Flag(name: .long, help: "Read expressions as NDJSON on stdin, answer one line each.")
    var ndjson = false

    @OptionGroup var nowOption: NowOption

    func validate() throws {
        if ndjson && (expression != nil || vars != nil) {
            throw ValidationError("--ndjson reads expressions and vars from stdin; give no EXPR or --vars")
        }
        if !ndjson && expression == nil {
            throw ValidationError("give an expression, or --ndjson")
        }
    }

    func run() throws {
        let now = try nowOption.timestamp()
        if ndjson {
            let failures = ExpressionBatch.run(now: now)
            if failures > 0 { throw ExitStatus.findings }
            return
        }
        var variables: Value = .map(MapValue([]))
        if let vars {
            do {
                variables = try decodeDynamicJSON(Array(vars.utf8))
            } catch {
                Console.error("error: --vars: \(error.description)\n")
                throw ExitStatus.usage
            }
        }
        let outcome = ExpressionEvaluation.evaluate(expression ?? "", variables: variables, now: now)
        switch outcome {
        case .value(let value):
            var writer = JSONWriter()
            do {
                try writer.writeValue(value, style: .expr)
            } catch {
                Console.error("error (eval): \(error.message)\n")
                throw ExitStatus.findings
            }
            Console.out(writer.text + "\n")
        case .failure(let kind, let message, let diagnostics):
            let origin = ExpressionOrigin(standalone: SourceText(name: "<expr>", text: expression ?? ""))
            if diagnostics.isEmpty {
                Console.error("error (\(kind.rawValue)): \(message)\n")
            }
            for diagnostic in diagnostics {
                Console.error(
                    DiagnosticRenderer.render(diagnostic, origin: origin, color: Console.useColor(fileDescriptor: 2))
                        + "\n")
            }
            throw ExitStatus.findings
        }
    }
}
