import BatonLang

extension RuleDiagnostic {
    /// The diagnostic as a compiler prints it: `file:line:col: severity: message`,
    /// then the source line and a caret (with tildes under the rest of the
    /// range), exactly as `DiagnosticRenderer` prints expression diagnostics.
    ///
    /// With `color`, ANSI escapes make the text bold, the severity red
    /// (error), yellow (warning) or cyan (note), and the underline green.
    public func rendered(color: Bool) -> String {
        let bold = color ? "\u{1B}[1m" : ""
        let reset = color ? "\u{1B}[0m" : ""
        let severityColor: String
        switch severity {
        case .error: severityColor = color ? "\u{1B}[31m" : ""
        case .warning: severityColor = color ? "\u{1B}[33m" : ""
        case .note: severityColor = color ? "\u{1B}[36m" : ""
        }
        var text = bold + "\(file):\(line):\(column): " + reset
        text += bold + severityColor + severity.rawValue + ":" + reset
        text += bold + " " + message + reset
        guard let sourceLine else { return text }
        let padding = Self.padding(for: sourceLine, column: column)
        let marker = "^" + String(repeating: "~", count: max(0, (endColumn ?? column) - column - 1))
        return text + "\n" + sourceLine + "\n" + padding + (color ? "\u{1B}[32m" + marker + reset : marker)
    }

    /// Spaces (tabs where the line has tabs, so the caret lines up) up to `column`.
    static func padding(for sourceLine: String, column: Int) -> String {
        var padding = ""
        var current = 1
        for scalar in sourceLine.unicodeScalars where current < column {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            current += 1
        }
        if current < column { padding += String(repeating: " ", count: column - current) }
        return padding
    }

    /// The diagnostic as one JSON object, keys in a fixed order:
    /// `{"file":…,"line":…,"column":…,"end_column":…,"severity":…,"message":…,"code":…}`;
    /// `end_column` is null when the problem is at one point.
    public var json: String {
        var text = "{\"file\":" + Self.jsonString(file)
        text += ",\"line\":\(line),\"column\":\(column),\"end_column\":"
        text += endColumn.map { String($0) } ?? "null"
        text += ",\"severity\":" + Self.jsonString(severity.rawValue)
        text += ",\"message\":" + Self.jsonString(message)
        text += ",\"code\":" + Self.jsonString(code) + "}"
        return text
    }

    /// A JSON array of diagnostics, one object per line.
    public static func json(_ diagnostics: [RuleDiagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "[]" }
        return "[\n" + diagnostics.map { "  " + $0.json }.joined(separator: ",\n") + "\n]"
    }

    static func jsonString(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case "\u{08}": text += "\\b"
            case "\u{0C}": text += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
