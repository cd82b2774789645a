/// Where an expression's text came from, so that diagnostics inside it can be
/// reported at the position of the enclosing file (a YAML scalar, say).
///
/// An expression written on its own (`baton expr`) is its own file. An
/// expression taken from a YAML scalar maps each UTF-8 offset of its text to a
/// position in the YAML file: for a plain one-line scalar that is a fixed
/// start plus the column within the text, but quoted scalars (escapes) and
/// block scalars (indentation stripped) need a table, which the YAML reader
/// builds from the raw bytes of the scalar.
public struct ExpressionOrigin: Sendable {
    /// The file shown in diagnostics and the source of its lines.
    public let file: SourceText
    private let mapping: Mapping

    private enum Mapping: Sendable {
        case whole
        case offsets([Int])
    }

    /// An expression that is the whole of `file`.
    public init(standalone file: SourceText) {
        self.file = file
        self.mapping = .whole
    }

    /// An expression embedded in `file`: `fileOffsets[i]` is the UTF-8 offset
    /// in the file of the expression's byte `i`; one extra entry gives the
    /// offset just past the expression's last byte.
    public init(file: SourceText, fileOffsets: [Int]) {
        self.file = file
        self.mapping = .offsets(fileOffsets)
    }

    /// The UTF-8 offset in the file of an offset in the expression.
    public func fileOffset(of expressionOffset: Int) -> Int {
        switch mapping {
        case .whole:
            return expressionOffset
        case .offsets(let table):
            guard !table.isEmpty else { return 0 }
            return table[Swift.max(0, Swift.min(expressionOffset, table.count - 1))]
        }
    }

    /// The file position of an offset in the expression.
    public func position(of expressionOffset: Int) -> SourcePosition {
        file.position(ofOffset: fileOffset(of: expressionOffset))
    }
}
