/// A libyaml parse event with its marks already turned into file positions.
enum YAMLEvent {
    case documentStart
    case documentEnd
    case scalar(YAMLScalar, anchor: String?, start: YAMLMark, end: YAMLMark)
    case alias(anchor: String, start: YAMLMark, end: YAMLMark)
    case sequenceStart(anchor: String?, tag: String?, start: YAMLMark)
    case sequenceEnd(end: YAMLMark)
    case mappingStart(anchor: String?, tag: String?, start: YAMLMark)
    case mappingEnd(end: YAMLMark)
}
