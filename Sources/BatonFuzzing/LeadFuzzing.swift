import BatonLang
import BatonRules

/// Fuzz target (c): a lead as JSON bytes, read against the example's
/// schema: a typed lead, or a `bad-input` error naming the field path.
enum LeadFuzzing {
    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        let decoder = ExampleRuleset.shared.leadDecoder
        switch decoder.decode(bytes) {
        case .success(let lead):
            // What the reader accepted, written back and read again, is the same lead.
            var writer = JSONWriter()
            do {
                try writer.writeValue(.record(lead), style: .decision)
            } catch {
                checks.expect(false, "a lead that holds an error value: \(error.message)")
                return
            }
            switch decoder.decode(writer.bytes) {
            case .success(let again):
                var second = JSONWriter()
                try? second.writeValue(.record(again), style: .decision)
                checks.expect(
                    second.text == writer.text, "round trip changed the lead: \(writer.text) → \(second.text)")
            case .failure(let error):
                checks.expect(false, "the lead as written does not read back: \(error.message) in \(writer.text)")
            }
        case .failure(let error):
            check(error, &checks)
        }
        _ = decoder.leadID(in: bytes)
        // The schema-free reader (`--vars`) takes the same bytes.
        _ = try? decodeDynamicJSON(bytes)
    }

    /// A bad-input error names a path under `lead` and starts its message with it.
    static func check(_ error: LeadInputError, _ checks: inout FuzzChecks) {
        // Compared as bytes: a key may begin with a combining mark, which
        // `String.hasPrefix` would join to the dot before it.
        let path = Array(error.path.utf8)
        checks.expect(
            path == Array("lead".utf8) || path.starts(with: "lead.".utf8) || path.starts(with: "lead[".utf8),
            "error path \(error.path.debugDescription)")
        checks.expect(
            error.message.utf8.starts(with: path + Array(": ".utf8)),
            "message \(error.message.debugDescription) lacks its path")
    }
}
