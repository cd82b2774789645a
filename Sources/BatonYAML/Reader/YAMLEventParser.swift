import CYAML

/// libyaml's event parser over an in-memory UTF-8 buffer.
///
/// The buffer must outlive the parser; `YAMLReader` keeps both inside one
/// `withUnsafeBufferPointer`.
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let path: String
    private let input: UnsafeBufferPointer<UInt8>

    /// A parser over `input`, which must not be empty.
    static func make(path: String, input: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLEventParser {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard let base = input.baseAddress, yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            throw YAMLError(
                path: path, mark: YAMLMark(offset: 0, line: 1, column: 1),
                message: "could not start the YAML parser", code: "yaml-syntax")
        }
        // No encoding is set: libyaml then skips a leading byte order mark
        // without counting it in its marks, as YAMLMarkLocator expects.
        yaml_parser_set_input_string(parser, base, input.count)
        return YAMLEventParser(parser: parser, path: path, input: input)
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>, path: String, input: UnsafeBufferPointer<UInt8>) {
        self.parser = parser
        self.path = path
        self.input = input
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event that matters for the tree, or nil at the end of the stream.
    func next(locator: inout YAMLMarkLocator) throws(YAMLError) -> YAMLEvent? {
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else {
                throw syntaxError(locator: &locator)
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                return .documentStart
            case YAML_DOCUMENT_END_EVENT:
                return .documentEnd
            case YAML_ALIAS_EVENT:
                let start = locator.mark(ofCharacterIndex: Int(event.start_mark.index))
                let end = locator.mark(ofCharacterIndex: Int(event.end_mark.index))
                return .alias(anchor: Self.string(event.data.alias.anchor) ?? "", start: start, end: end)
            case YAML_SCALAR_EVENT:
                return scalarEvent(event, locator: &locator)
            case YAML_SEQUENCE_START_EVENT:
                let start = locator.mark(ofCharacterIndex: Int(event.start_mark.index))
                return .sequenceStart(
                    anchor: Self.string(event.data.sequence_start.anchor),
                    tag: Self.string(event.data.sequence_start.tag), start: start)
            case YAML_SEQUENCE_END_EVENT:
                return .sequenceEnd(end: locator.mark(ofCharacterIndex: Int(event.end_mark.index)))
            case YAML_MAPPING_START_EVENT:
                let start = locator.mark(ofCharacterIndex: Int(event.start_mark.index))
                return .mappingStart(
                    anchor: Self.string(event.data.mapping_start.anchor),
                    tag: Self.string(event.data.mapping_start.tag), start: start)
            case YAML_MAPPING_END_EVENT:
                return .mappingEnd(end: locator.mark(ofCharacterIndex: Int(event.end_mark.index)))
            default:
                continue
            }
        }
    }

    private func scalarEvent(_ event: yaml_event_t, locator: inout YAMLMarkLocator) -> YAMLEvent {
        let data = event.data.scalar
        let text: String
        if let value = data.value {
            text = String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
        } else {
            text = ""
        }
        let style: YAMLScalarStyle
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let anchor = Self.string(data.anchor)
        let tag = Self.string(data.tag)
        var startOffset = locator.byteOffset(ofCharacterIndex: Int(event.start_mark.index))
        let endOffset = locator.byteOffset(ofCharacterIndex: Int(event.end_mark.index))
        if anchor != nil || tag != nil {
            // libyaml starts a node at its anchor or tag; the value starts after them.
            startOffset = YAMLSourceScan.contentStart(in: input, from: startOffset, limit: endOffset)
        }
        let start = locator.mark(atOffset: startOffset)
        let end = locator.mark(atOffset: endOffset)
        return .scalar(YAMLScalar(text: text, style: style, tag: tag), anchor: anchor, start: start, end: end)
    }

    private func syntaxError(locator: inout YAMLMarkLocator) -> YAMLError {
        let state = parser.pointee
        let problem = Self.string(state.problem) ?? "invalid YAML"
        let mark: YAMLMark
        if state.error == YAML_READER_ERROR {
            mark = locator.mark(atOffset: Int(state.problem_offset))
        } else {
            mark = locator.mark(ofCharacterIndex: Int(state.problem_mark.index))
        }
        var message = problem
        if let context = Self.string(state.context) {
            let contextMark = locator.mark(ofCharacterIndex: Int(state.context_mark.index))
            message += " (\(context) at line \(contextMark.line), column \(contextMark.column))"
        }
        return YAMLError(path: path, mark: mark, message: message, code: "yaml-syntax")
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
