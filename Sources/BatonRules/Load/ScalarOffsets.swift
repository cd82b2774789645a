import BatonYAML

extension LoadSession {
    /// The file offset of each UTF-8 byte of a scalar's text, plus one past
    /// the end, so that expression diagnostics point into the YAML file.
    /// Falls back to the node's start when the reader cannot map the text.
    func scalarOffsets(of node: RuleNode, text: String) -> [Int] {
        if let yaml = files[node.file].yaml, let offsets = node.yaml.scalarSourceOffsets(in: yaml),
            offsets.count == text.utf8.count + 1
        {
            return offsets
        }
        return [Int](repeating: node.yaml.start.offset, count: text.utf8.count + 1)
    }
}
