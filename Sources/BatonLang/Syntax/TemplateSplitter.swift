/// One piece of a text template: literal text, or a `{{ expr }}` hole.
public enum TemplatePart: Sendable, Hashable {
    case text(String)
    /// A hole's expression; `source` is the span of the whole hole, braces
    /// included, as offsets into the template text.
    case hole(Expr, source: Span)
}

/// Splits a text template (`"Hi {{ lead.first_name ?? 'there' }}"`) into
/// text and parsed holes (language.md, "Text templates").
///
/// A hole ends at the first `}}` outside a string literal; `{{{{` writes a
/// literal `{{`. Spans of hole expressions and diagnostics are offsets into
/// the whole template, so errors point at the right column.
public enum TemplateParser {
    /// The parts of `source` in order (adjacent text merged), and the problems
    /// found; the parts are complete only when there are no diagnostics.
    public static func parse(_ source: String) -> (parts: [TemplatePart], diagnostics: [Diagnostic]) {
        let bytes = Array(source.utf8)
        var parts: [TemplatePart] = []
        var diagnostics: [Diagnostic] = []
        var pendingText: [UInt8] = []
        var segmentStart = 0
        var cursor = 0

        func flushText() {
            pendingText.append(contentsOf: bytes[segmentStart..<cursor])
            if !pendingText.isEmpty {
                parts.append(.text(String(decoding: pendingText, as: UTF8.self)))
                pendingText.removeAll(keepingCapacity: true)
            }
        }

        while cursor + 1 < bytes.count {
            guard bytes[cursor] == ASCII.leftBrace, bytes[cursor + 1] == ASCII.leftBrace else {
                cursor += 1
                continue
            }
            if cursor + 3 < bytes.count, bytes[cursor + 2] == ASCII.leftBrace, bytes[cursor + 3] == ASCII.leftBrace {
                // `{{{{` is an escaped `{{`.
                pendingText.append(contentsOf: bytes[segmentStart..<cursor + 2])
                cursor += 4
                segmentStart = cursor
                continue
            }
            let holeStart = cursor
            guard let holeEnd = endOfHole(in: bytes, from: holeStart + 2) else {
                let position = ExpressionParser.lineAndColumn(of: holeStart, in: bytes)
                diagnostics.append(
                    .error(
                        DiagnosticCode.invalidTemplate,
                        "unterminated template hole: expected '}}' to close '{{' at \(position)",
                        at: Span(holeStart, bytes.count)))
                return (parts, diagnostics)
            }
            let holeSpan = Span(holeStart, holeEnd + 2)
            let expressionRange = (holeStart + 2)..<holeEnd
            if bytes[expressionRange].allSatisfy({
                $0 == ASCII.space || $0 == ASCII.tab || $0 == ASCII.newline || $0 == ASCII.carriageReturn
            }) {
                diagnostics.append(.error(DiagnosticCode.invalidTemplate, "empty template hole '{{}}'", at: holeSpan))
            } else {
                let result = Parser.parse(bytes: bytes, range: expressionRange)
                if let expr = result.expr {
                    flushText()
                    parts.append(.hole(expr, source: holeSpan))
                } else {
                    diagnostics.append(contentsOf: result.diagnostics)
                }
            }
            cursor = holeSpan.end
            segmentStart = cursor
        }
        cursor = bytes.count
        flushText()
        return (parts, diagnostics)
    }

    /// The offset of the `}}` that closes a hole whose expression starts at
    /// `start`: the first one outside a string literal.
    private static func endOfHole(in bytes: [UInt8], from start: Int) -> Int? {
        var cursor = start
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == ASCII.rightBrace, cursor + 1 < bytes.count, bytes[cursor + 1] == ASCII.rightBrace {
                return cursor
            }
            if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                cursor = endOfString(in: bytes, quoteAt: cursor, raw: false)
            } else if isWordStart(byte) {
                var wordEnd = cursor + 1
                while wordEnd < bytes.count, isWordByte(bytes[wordEnd]) { wordEnd += 1 }
                let isRawPrefix = wordEnd == cursor + 1 && byte | 0x20 == ASCII.lowerR
                if isRawPrefix, wordEnd < bytes.count,
                    bytes[wordEnd] == ASCII.doubleQuote || bytes[wordEnd] == ASCII.singleQuote
                {
                    cursor = endOfString(in: bytes, quoteAt: wordEnd, raw: true)
                } else {
                    cursor = wordEnd
                }
            } else {
                cursor += 1
            }
        }
        return nil
    }

    /// Where the string whose quote is at `quoteAt` ends, as the lexer reads
    /// it: past its closing quote, or where it stops being a string.
    private static func endOfString(in bytes: [UInt8], quoteAt: Int, raw: Bool) -> Int {
        var lexer = Lexer(bytes: bytes, range: quoteAt..<bytes.count)
        _ = lexer.lexString(tokenStart: quoteAt, quoteAt: quoteAt, raw: raw)
        return max(lexer.index, quoteAt + 1)
    }
}
