/// Rebuilds a plain, single-quoted or double-quoted scalar from the file's
/// bytes, following libyaml's scanner (`yaml_parser_scan_flow_scalar` and
/// `yaml_parser_scan_plain_scalar`): runs of characters are copied, blanks
/// before a line break are dropped, a single line break folds to a space and
/// each further one becomes `\n`.
struct YAMLFlowScalarRescan {
    enum Quoting { case plain, single, double }

    private let source: UnsafeBufferPointer<UInt8>
    private let limit: Int
    private let quoting: Quoting
    private var position: Int
    private var output: YAMLMappedText
    private var whitespaces: YAMLMappedText
    private var leadingBreak: YAMLMappedText
    private var trailingBreaks: YAMLMappedText
    private var leadingBlanks = false

    /// A rescan of the scalar whose value starts at `start` (its opening quote
    /// when quoted) and whose source ends before `limit`.
    init(source: UnsafeBufferPointer<UInt8>, start: Int, limit: Int, quoting: Quoting) {
        self.source = source
        self.limit = min(limit, source.count)
        self.quoting = quoting
        self.position = start
        self.output = YAMLMappedText(end: start)
        self.whitespaces = YAMLMappedText(end: start)
        self.leadingBreak = YAMLMappedText(end: start)
        self.trailingBreaks = YAMLMappedText(end: start)
    }

    /// The rebuilt value, or nil if the source does not read as this style.
    mutating func run() -> YAMLMappedText? {
        if quoting != .plain {
            let quote = quoting == .single ? UInt8(ascii: "'") : UInt8(ascii: "\"")
            guard position < limit, source[position] == quote else { return nil }
            position += 1
            output = YAMLMappedText(end: position)
        }
        while true {
            switch scanCharacters() {
            case .closed:
                joinWhitespace()
                return output
            case .failed:
                return nil
            case .blanks:
                break
            }
            guard position < limit else { return quoting == .plain ? output : nil }
            scanBlanksAndBreaks()
        }
    }

    private enum RunEnd { case blanks, closed, failed }

    /// Copies characters up to a blank, a line break, the closing quote or the limit.
    private mutating func scanCharacters() -> RunEnd {
        while position < limit {
            let byte = source[position]
            if YAMLSourceScan.isBlank(byte) || YAMLSourceScan.breakLength(in: source, at: position, limit: limit) > 0 {
                return .blanks
            }
            switch quoting {
            case .single where byte == UInt8(ascii: "'"):
                guard position + 1 < limit, source[position + 1] == UInt8(ascii: "'") else { return .closed }
                joinWhitespace()
                output.append(byte, from: position, to: position + 2)
                position += 2
                continue
            case .double where byte == UInt8(ascii: "\""):
                return .closed
            case .double where byte == UInt8(ascii: "\\"):
                joinWhitespace()
                let breakLength = YAMLSourceScan.breakLength(in: source, at: position + 1, limit: limit)
                if breakLength > 0 {
                    // An escaped line break joins the lines with nothing between them.
                    position += 1 + breakLength
                    leadingBlanks = true
                    leadingBreak.removeAll()
                    return .blanks
                }
                guard let next = YAMLEscapes.decode(in: source, at: position, limit: limit, into: &output) else {
                    return .failed
                }
                position = next
                continue
            default:
                break
            }
            joinWhitespace()
            let width = YAMLSourceScan.characterWidth(byte)
            guard position + width <= limit else { return .failed }
            for index in position..<position + width {
                output.append(source[index], from: position, to: position + width)
            }
            position += width
        }
        return .blanks
    }

    private mutating func scanBlanksAndBreaks() {
        while position < limit {
            let byte = source[position]
            if YAMLSourceScan.isBlank(byte) {
                if !leadingBlanks {
                    whitespaces.append(byte, from: position, to: position + 1)
                }
                position += 1
                continue
            }
            let breakLength = YAMLSourceScan.breakLength(in: source, at: position, limit: limit)
            guard breakLength > 0 else { return }
            if leadingBlanks {
                trailingBreaks.appendLineBreak(in: source, at: position, length: breakLength)
            } else {
                whitespaces.removeAll()
                leadingBreak.removeAll()
                leadingBreak.appendLineBreak(in: source, at: position, length: breakLength)
                leadingBlanks = true
            }
            position += breakLength
        }
    }

    /// Writes the blanks or folded line breaks seen since the last character.
    private mutating func joinWhitespace() {
        if leadingBlanks {
            if leadingBreak.first == YAMLSourceScan.lineFeed {
                if trailingBreaks.isEmpty {
                    output.append(YAMLSourceScan.space, from: leadingBreak.firstOffset, to: leadingBreak.end)
                } else {
                    output.append(trailingBreaks)
                }
            } else {
                output.append(leadingBreak)
                output.append(trailingBreaks)
            }
            leadingBreak.removeAll()
            trailingBreaks.removeAll()
            leadingBlanks = false
        } else if !whitespaces.isEmpty {
            output.append(whitespaces)
            whitespaces.removeAll()
        }
    }
}
