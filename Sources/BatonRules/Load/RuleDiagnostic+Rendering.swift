import BatonLang

extension RuleDiagnostic {
    /// The diagnostic as a compiler prints it: `file:line:col: severity: message`,
    /// then the source line and a caret (with tildes under the rest of the range).
    ///
    /// With `color`, ANSI escapes make the header bold, the severity red
    /// (error), magenta (warning) or grey (note), and the underline green.
    public func rendered(color: Bool) -> String {
        let severityColor: String
        switch severity {
        case .error: severityColor = "\u{1B}[1;31m"
        case .warning: severityColor = "\u{1B}[1;35m"
        case .note: severityColor = "\u{1B}[1;90m"
        }
        let reset = "\u{1B}[0m"
        var text: String
        if color {
            text = "\u{1B}[1m\(file):\(line):\(column): \(reset)\(severityColor)\(severity.rawValue):\(reset)\u{1B}[1m \(message)\(reset)"
        } else {
            text = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        }
        guard let sourceLine else { return text }
        text += "\n" + sourceLine + "\n"
        let underline = Self.underline(for: sourceLine, column: column, endColumn: endColumn)
        text += color ? "\u{1B}[1;32m" + underline + reset : underline
        return text
    }

    /// Spaces (tabs where the line has tabs) up to `column`, a caret, and a
    /// tilde under every further column up to `endColumn`.
    static func underline(for sourceLine: String, column: Int, endColumn: Int?) -> String {
        var underline = ""
        var current = 1
        for scalar in sourceLine.unicodeScalars where current < column {
            underline.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
            current += 1
        }
        while current < column {
            underline += " "
            current += 1
        }
        underline += "^"
        if let endColumn, endColumn > column + 1 {
            underline += String(repeating: "~", count: endColumn - column - 1)
        }
        return underline
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
