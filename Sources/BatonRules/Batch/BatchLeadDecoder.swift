import BatonLang

/// Turns the bytes of one batch record into a lead, or says why it is bad
/// input (rules.md "Bad input"). Called from several threads at once.
package protocol BatchLeadDecoder: Sendable {
    /// The lead of one record that starts on input line `line`.
    func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Result<RecordValue, LeadInputError>
}

/// NDJSON: each line is one lead as a JSON object, typed by the schema.
package struct NDJSONLeadDecoder: BatchLeadDecoder {
    private let decoder: TypedJSONDecoder

    package init(schema: Schema) {
        decoder = TypedJSONDecoder(schema: schema, root: "lead")
    }

    package func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Result<RecordValue, LeadInputError> {
        // A blank line is a record too (one output line per input line),
        // and "got empty input" would not say which kind of nothing it was.
        guard bytes.contains(where: { !Self.isWhitespace($0) }) else {
            return .failure(LeadInputError(path: "lead", message: "lead: expected object, got a blank line"))
        }
        return decoder.decode(bytes)
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}
