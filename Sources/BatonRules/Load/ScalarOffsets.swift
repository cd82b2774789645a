import BatonYAML

extension LoadSession {
    /// The file offset of each UTF-8 byte of a scalar's text, plus one past the end.
    ///
    /// Falls back, when the reader cannot map the text, to consecutive offsets
    /// if the text appears verbatim at the node, else to the node's start.
    func scalarOffsets(of node: RuleNode, text: String) -> [Int] {
        let file = files[node.file]
        let textBytes = Array(text.utf8)
        let start = node.yaml.start.offset
        if start + textBytes.count <= file.bytes.count, file.bytes[start..<(start + textBytes.count)].elementsEqual(textBytes) {
            return Array(start...(start + textBytes.count))
        }
        return [Int](repeating: start, count: textBytes.count + 1)
    }
}
