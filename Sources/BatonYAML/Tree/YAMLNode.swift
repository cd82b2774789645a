/// How a scalar was written in the file.
public enum YAMLScalarStyle: Sendable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// A scalar's value as YAML parsed it (escapes applied, lines folded,
/// indentation stripped), with how it was written and its explicit tag.
public struct YAMLScalar: Sendable, Hashable {
    /// The value as YAML resolved the characters (not yet typed: see `resolved`).
    public let text: String
    /// How the scalar was written.
    public let style: YAMLScalarStyle
    /// The explicit tag, expanded (`!!str` is `tag:yaml.org,2002:str`), or nil.
    public let tag: String?

    /// A scalar; the reader makes these, tests and tools may too.
    public init(text: String, style: YAMLScalarStyle, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }
}

/// What a node holds.
public indirect enum YAMLNodeKind: Sendable, Hashable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
}

/// A node of a YAML document with where it was written.
///
/// `start` is where the node's value begins (for a scalar, its first character
/// or opening quote or block indicator, after any anchor or tag); `end` is just
/// past it. A node copied from an alias keeps the marks of the anchored node,
/// so diagnostics point at the text that defines it.
public struct YAMLNode: Sendable, Hashable {
    /// The node's content.
    public let kind: YAMLNodeKind
    /// Where the node begins.
    public let start: YAMLMark
    /// Just past where the node ends.
    public let end: YAMLMark

    /// A node; the reader makes these, tests and tools may too.
    public init(kind: YAMLNodeKind, start: YAMLMark, end: YAMLMark) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    /// The scalar this node holds, or nil for a list or mapping.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = kind { return scalar }
        return nil
    }
}

/// One key and its value in a mapping, in file order.
public struct YAMLPair: Sendable, Hashable {
    /// The key (always a scalar: the reader refuses other keys).
    public let key: YAMLNode
    /// The value.
    public let value: YAMLNode

    /// A pair of nodes.
    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A YAML file read into trees, one per document.
public struct YAMLFile: Sendable {
    /// The path shown in diagnostics.
    public let path: String
    /// The whole text of the file (valid UTF-8), for diagnostics and for
    /// mapping scalar text back to file offsets.
    public let text: String
    /// The documents of the file in order (a file may hold several).
    public let documents: [YAMLNode]

    /// A file; the reader makes these.
    public init(path: String, text: String, documents: [YAMLNode]) {
        self.path = path
        self.text = text
        self.documents = documents
    }
}
