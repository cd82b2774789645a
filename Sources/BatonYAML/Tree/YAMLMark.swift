/// A position in a YAML file.
///
/// `offset` is the UTF-8 byte offset in the file (a byte order mark, when
/// present, counts). `line` and `column` are 1-based; columns count Unicode
/// scalars and lines are separated by `\n`, as `SourceText` in BatonLang counts
/// them, so the loader's diagnostics agree with the reader's.
public struct YAMLMark: Sendable, Hashable, CustomStringConvertible {
    /// The UTF-8 byte offset in the file.
    public let offset: Int
    /// The 1-based line.
    public let line: Int
    /// The 1-based column, in Unicode scalars.
    public let column: Int

    /// A mark at a byte offset with its line and column already computed.
    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `line:column`, as diagnostics print it.
    public var description: String { "\(line):\(column)" }
}

/// Bounds that the reader enforces on hostile input.
public struct YAMLLimits: Sendable, Hashable {
    /// The largest file accepted, in bytes (16 MiB by default).
    public var maxBytes: Int
    /// The deepest nesting of lists and mappings accepted (256 by default).
    public var maxDepth: Int
    /// The most nodes that aliases may copy into the tree, over the whole file
    /// (one million by default); this refuses "billion laughs" files.
    public var maxAliasExpansion: Int

    /// Limits with the defaults of the ruleset format.
    public init(maxBytes: Int = 16 * 1024 * 1024, maxDepth: Int = 256, maxAliasExpansion: Int = 1_000_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }
}
