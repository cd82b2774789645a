import BatonLang

/// Values as comparable text: the JSON `baton expr` prints, or the error's
/// message (NaN and errors compare by their text, not by `==`).
enum FuzzValues {
    static func describe(_ value: Value) -> String {
        if case .error(let error) = value { return "error: \(error.message)" }
        var writer = JSONWriter()
        do {
            try writer.writeValue(value, style: .expr)
        } catch {
            return "error inside: \(error.message)"
        }
        return writer.text
    }

    /// Whether `bytes` is one JSON document (read without the lead limits,
    /// which output need not meet).
    static func isJSON(_ bytes: [UInt8]) -> Bool {
        (try? decodeDynamicJSON(bytes, limits: LeadLimits(maxStringBytes: .max, maxListElements: .max, maxDepth: 256)))
            != nil
    }
}
