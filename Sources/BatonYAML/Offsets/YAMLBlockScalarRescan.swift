/// Rebuilds a literal (`|`) or folded (`>`) block scalar from the file's
/// bytes, following libyaml's `yaml_parser_scan_block_scalar`: the header's
/// chomping and indentation indicators, indentation stripped, folding of
/// lines that are not more indented, and chomping of the final line breaks.
struct YAMLBlockScalarRescan {
    private let source: UnsafeBufferPointer<UInt8>
    private let limit: Int
    private let folded: Bool

    init(source: UnsafeBufferPointer<UInt8>, limit: Int, folded: Bool) {
        self.source = source
        self.limit = min(limit, source.count)
        self.folded = folded
    }

    /// Header indicators, and where the body begins.
    private struct Header {
        var chomping = 0
        var increment = 0
        var bodyStart = 0
    }

    /// The rebuilt value whose indicator is at `start`, or nil if none
    /// matches `expected`.
    ///
    /// With an explicit indentation indicator the indentation is the parent's
    /// plus the indicator, and the parent's indentation is not in the node;
    /// every parent indentation up to the indicator's column is tried and the
    /// one that rebuilds the value libyaml gave is taken.
    func run(start: Int, expected: [UInt8]) -> YAMLMappedText? {
        guard let header = readHeader(start: start) else { return nil }
        guard header.increment > 0 else {
            let text = body(header: header, indent: 0)
            return text.bytes == expected ? text : nil
        }
        var lineStart = start
        while lineStart > 0, !YAMLSourceScan.isASCIIBreak(source[lineStart - 1]) { lineStart -= 1 }
        let widestParent = min(start - lineStart, 1024)
        for parentIndent in 0...widestParent {
            let text = body(header: header, indent: parentIndent + header.increment)
            if text.bytes == expected { return text }
        }
        return nil
    }

    private func readHeader(start: Int) -> Header? {
        guard start < limit else { return nil }
        var header = Header()
        var position = start + 1
        for _ in 0..<2 where position < limit {
            let byte = source[position]
            if header.chomping == 0, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") {
                header.chomping = byte == UInt8(ascii: "+") ? 1 : -1
                position += 1
            } else if header.increment == 0, byte >= UInt8(ascii: "1"), byte <= UInt8(ascii: "9") {
                header.increment = Int(byte - UInt8(ascii: "0"))
                position += 1
            }
        }
        while position < limit, YAMLSourceScan.isBlank(source[position]) { position += 1 }
        if position < limit, source[position] == UInt8(ascii: "#") {
            while position < limit, YAMLSourceScan.breakLength(in: source, at: position, limit: limit) == 0 {
                position += 1
            }
        }
        position += YAMLSourceScan.breakLength(in: source, at: position, limit: limit)
        header.bodyStart = position
        return header
    }

    /// The body read with a given indentation (0: detect it as libyaml does).
    private func body(header: Header, indent requestedIndent: Int) -> YAMLMappedText {
        var cursor = Cursor(position: header.bodyStart, lineStart: header.bodyStart, indent: requestedIndent)
        var output = YAMLMappedText(end: header.bodyStart)
        var leadingBreak = YAMLMappedText(end: header.bodyStart)
        var trailingBreaks = YAMLMappedText(end: header.bodyStart)
        var leadingBlank = false
        scanBreaks(&cursor, into: &trailingBreaks)
        while cursor.position < limit, cursor.position - cursor.lineStart == cursor.indent {
            let trailingBlank = YAMLSourceScan.isBlank(source[cursor.position])
            if folded, leadingBreak.first == YAMLSourceScan.lineFeed, !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty {
                    output.append(YAMLSourceScan.space, from: leadingBreak.firstOffset, to: leadingBreak.end)
                }
            } else {
                output.append(leadingBreak)
            }
            leadingBreak.removeAll()
            output.append(trailingBreaks)
            trailingBreaks.removeAll()
            leadingBlank = trailingBlank
            while cursor.position < limit {
                if YAMLSourceScan.breakLength(in: source, at: cursor.position, limit: limit) > 0 { break }
                let width = min(YAMLSourceScan.characterWidth(source[cursor.position]), limit - cursor.position)
                for index in cursor.position..<cursor.position + width {
                    output.append(source[index], from: cursor.position, to: cursor.position + width)
                }
                cursor.position += width
            }
            let breakLength = YAMLSourceScan.breakLength(in: source, at: cursor.position, limit: limit)
            guard breakLength > 0 else { break }
            leadingBreak.appendLineBreak(in: source, at: cursor.position, length: breakLength)
            cursor.position += breakLength
            cursor.lineStart = cursor.position
            scanBreaks(&cursor, into: &trailingBreaks)
        }
        if header.chomping != -1 {
            output.append(leadingBreak)
        }
        if header.chomping == 1 {
            output.append(trailingBreaks)
        }
        return output
    }

    private struct Cursor {
        var position: Int
        var lineStart: Int
        var indent: Int
    }

    /// Skips indentation and empty lines, collecting their line breaks; with
    /// no indentation yet, takes the deepest one seen (at least 1).
    private func scanBreaks(_ cursor: inout Cursor, into breaks: inout YAMLMappedText) {
        var maxIndent = 0
        while true {
            while cursor.position < limit, cursor.indent == 0 || cursor.position - cursor.lineStart < cursor.indent,
                source[cursor.position] == YAMLSourceScan.space
            {
                cursor.position += 1
            }
            maxIndent = max(maxIndent, cursor.position - cursor.lineStart)
            let breakLength = YAMLSourceScan.breakLength(in: source, at: cursor.position, limit: limit)
            guard breakLength > 0 else { break }
            breaks.appendLineBreak(in: source, at: cursor.position, length: breakLength)
            cursor.position += breakLength
            cursor.lineStart = cursor.position
        }
        if cursor.indent == 0 {
            cursor.indent = max(maxIndent, 1)
        }
    }
}
