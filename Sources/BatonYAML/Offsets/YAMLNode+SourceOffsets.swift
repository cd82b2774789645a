extension YAMLNode {
    /// Where each byte of a scalar's text was written in the file.
    ///
    /// For a scalar node, returns for each UTF-8 byte `i` of `scalar.text` the
    /// UTF-8 offset in the file of the character that produced it, plus one
    /// final entry: the offset just past the last character that produced
    /// text (for an empty scalar, where its value starts). An escape maps to
    /// its backslash, a folded line break's space or newline to the line
    /// break, and stripped indentation and quotes map to nothing. The result
    /// feeds `ExpressionOrigin(file:fileOffsets:)`, so an error inside an
    /// expression written in YAML is reported at the file's own line and column.
    ///
    /// Returns nil for a list or mapping, for a node that was not read from
    /// `file`, and for text the rescan cannot rebuild byte for byte (line
    /// breaks other than `\n`, `\r\n` and `\r` inside a folded scalar, say).
    public func scalarSourceOffsets(in file: YAMLFile) -> [Int]? {
        guard case .scalar(let scalar) = kind else { return nil }
        if let offsets = file.text.utf8.withContiguousStorageIfAvailable({ sourceOffsets(of: scalar, in: $0) }) {
            return offsets
        }
        let bytes = Array(file.text.utf8)
        return bytes.withUnsafeBufferPointer { sourceOffsets(of: scalar, in: $0) }
    }

    private func sourceOffsets(of scalar: YAMLScalar, in source: UnsafeBufferPointer<UInt8>) -> [Int]? {
        guard start.offset >= 0, start.offset <= end.offset, end.offset <= source.count else { return nil }
        let expected = Array(scalar.text.utf8)
        let valueStart = YAMLSourceScan.contentStart(in: source, from: start.offset, limit: end.offset)
        let rebuilt: YAMLMappedText?
        switch scalar.style {
        case .plain:
            var rescan = YAMLFlowScalarRescan(source: source, start: valueStart, limit: end.offset, quoting: .plain)
            rebuilt = rescan.run()
        case .singleQuoted:
            var rescan = YAMLFlowScalarRescan(source: source, start: valueStart, limit: end.offset, quoting: .single)
            rebuilt = rescan.run()
        case .doubleQuoted:
            var rescan = YAMLFlowScalarRescan(source: source, start: valueStart, limit: end.offset, quoting: .double)
            rebuilt = rescan.run()
        case .literal, .folded:
            let rescan = YAMLBlockScalarRescan(source: source, limit: end.offset, folded: scalar.style == .folded)
            rebuilt = rescan.run(start: valueStart, expected: expected)
        }
        guard let rebuilt, rebuilt.bytes == expected else { return nil }
        return rebuilt.offsets + [rebuilt.end]
    }
}
