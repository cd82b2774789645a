import BatonLang
import BatonRules

/// Fuzz target (e): NDJSON leads, as a batch reads them: every line is read
/// as a lead, evaluated with the example ruleset at a fixed time (routing
/// state kept across lines) and written as one decision line, or an error
/// object in its place. Nothing is lost: one output line per input line.
enum NDJSONFuzzing {
    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        let example = ExampleRuleset.shared
        let engine = example.makeEngine()
        let state = RoutingState()
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var written = 0
        for (index, line) in lines.enumerated() {
            var record = line
            if record.last == UInt8(ascii: "\r") { record.removeLast() }
            var writer = JSONWriter()
            switch example.leadDecoder.decode(record) {
            case .success(let lead):
                let decision = engine.route(engine.prepare(lead: lead, now: ExampleRuleset.now), state: state)
                DecisionWriter.write(decision, to: &writer)
                if index == 0 {
                    // Explanations take the same lead through the traced evaluator.
                    let explanation = engine.explain(lead: lead, now: ExampleRuleset.now, state: nil)
                    var explained = JSONWriter()
                    ExplanationWriter.write(explanation, to: &explained)
                    checks.expect(FuzzValues.isJSON(explained.bytes), "explanation is not JSON: \(explained.text)")
                    _ = ExplanationTextRenderer.render(explanation, color: true)
                    let stateless = engine.evaluate(lead: lead, now: ExampleRuleset.now, state: nil)
                    checks.expect(
                        DecisionWriter.text(of: explanation.decision) == DecisionWriter.text(of: stateless),
                        "explain and eval decide differently for line \(index + 1)")
                }
            case .failure(let error):
                LeadFuzzing.check(error, &checks)
                DecisionWriter.writeBadInput(
                    leadID: error.leadID, line: index + 1, path: error.path, message: error.message, to: &writer)
            }
            checks.expect(!writer.bytes.contains(UInt8(ascii: "\n")), "output line \(index + 1) holds a line break")
            checks.expect(FuzzValues.isJSON(writer.bytes), "output line \(index + 1) is not JSON: \(writer.text)")
            written += 1
        }
        checks.expect(written == lines.count, "\(lines.count) lines in, \(written) out")
    }
}
