/// Renders diagnostics as a compiler does: `file:line:column: severity:
/// message`, then the source line and a caret under the span.
public enum DiagnosticRenderer {
    /// The file line, column and end column (1-based, in Unicode scalars) of a
    /// diagnostic. The end column is just past the span (exclusive); a span
    /// that runs past its first line ends at that line's end.
    public static func location(_ diagnostic: Diagnostic, origin: ExpressionOrigin) -> (
        line: Int, column: Int, endColumn: Int
    ) {
        let start = origin.position(of: diagnostic.span.start)
        let end = origin.position(of: Swift.max(diagnostic.span.start, diagnostic.span.end))
        let endColumn: Int
        if end.line == start.line {
            endColumn = Swift.max(end.column, start.column)
        } else {
            endColumn = origin.file.line(start.line).unicodeScalars.count + 1
        }
        return (start.line, start.column, endColumn)
    }

    /// The diagnostic in three lines (no trailing newline), with ANSI colours when `color`.
    public static func render(_ diagnostic: Diagnostic, origin: ExpressionOrigin, color: Bool = false) -> String {
        let (line, column, endColumn) = location(diagnostic, origin: origin)
        let style = Style(enabled: color)
        let severityColor: String
        switch diagnostic.severity {
        case .error: severityColor = style.red
        case .warning: severityColor = style.yellow
        case .note: severityColor = style.cyan
        }
        var header = style.bold + "\(origin.file.name):\(line):\(column): " + style.reset
        header += style.bold + severityColor + diagnostic.severity.rawValue + ":" + style.reset
        header += style.bold + " " + diagnostic.message + style.reset
        let sourceLine = origin.file.line(line)
        var marker = ""
        // Keep tabs so that the caret lines up under the text.
        for scalar in sourceLine.unicodeScalars.prefix(column - 1) {
            marker.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        marker += style.green + "^" + String(repeating: "~", count: Swift.max(0, endColumn - column - 1)) + style.reset
        return header + "\n" + sourceLine + "\n" + marker
    }

    private struct Style {
        let enabled: Bool
        var bold: String { enabled ? "\u{1B}[1m" : "" }
        var red: String { enabled ? "\u{1B}[31m" : "" }
        var yellow: String { enabled ? "\u{1B}[33m" : "" }
        var cyan: String { enabled ? "\u{1B}[36m" : "" }
        var green: String { enabled ? "\u{1B}[32m" : "" }
        var reset: String { enabled ? "\u{1B}[0m" : "" }
    }
}
