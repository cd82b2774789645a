/// Reads YAML files into positioned node trees.
///
/// The reader runs libyaml's event parser and builds the tree itself, so it
/// can bound what libyaml does not: file size, nesting depth and alias
/// expansion (see `YAMLLimits`). It also refuses what YAML tolerates but a
/// hand-edited ruleset should not: duplicate keys, keys that are lists or
/// mappings, aliases to unknown anchors, tags other than the core ones
/// (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`, `!`),
/// and integers too large for Int64.
///
/// Aliases are expanded: the tree holds a copy of the anchored node (copies
/// share storage, so a refused alias bomb costs little memory before the
/// limit stops it). An alias may only name an anchor that is complete
/// before it in the same document, so recursive aliases are refused.
///
/// Merge keys are supported: `<<: *defaults` (or a list of aliases, or an
/// inline mapping) adds the merged mapping's pairs that the mapping does not
/// set itself, at the place of the `<<` key; among several merged mappings
/// the earlier one wins. Keys set twice by hand are still an error.
public enum YAMLReader {
    /// Reads every document of a file.
    ///
    /// - Parameters:
    ///   - path: the name shown in errors.
    ///   - bytes: the file's contents, expected to be UTF-8.
    ///   - limits: bounds on size, nesting and alias expansion.
    /// - Throws: `YAMLError` at the first problem, with its position.
    public static func read(path: String, bytes: [UInt8], limits: YAMLLimits = .init()) throws(YAMLError) -> YAMLFile {
        var locator = YAMLMarkLocator(bytes: bytes)
        if bytes.count > limits.maxBytes {
            throw YAMLError(
                path: path, mark: YAMLMark(offset: 0, line: 1, column: 1),
                message: "the file is \(bytes.count) bytes, more than the limit of \(limits.maxBytes)",
                code: "yaml-too-large")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = YAMLUTF8Validation.firstInvalidOffset(in: bytes) ?? 0
            throw YAMLError(
                path: path, mark: locator.mark(atOffset: offset),
                message: "invalid UTF-8 (byte \(YAMLUTF8Validation.hex(offset < bytes.count ? bytes[offset] : 0)))",
                code: "yaml-invalid-utf8")
        }
        if bytes.isEmpty { return YAMLFile(path: path, text: text, documents: []) }
        var builder = YAMLTreeBuilder(path: path, limits: limits)
        let outcome: Result<Void, YAMLError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(YAMLError) {
                let parser = try YAMLEventParser.make(path: path, input: buffer)
                while let event = try parser.next(locator: &locator) {
                    try builder.handle(event)
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
        return YAMLFile(path: path, text: text, documents: builder.documents)
    }
}
