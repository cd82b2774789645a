/// Builds node trees from parse events, enforcing the reader's limits.
///
/// The stack of open collections replaces recursion, so nesting is bounded
/// only by `YAMLLimits.maxDepth`, which it checks.
struct YAMLTreeBuilder {
    private(set) var documents: [YAMLNode] = []
    private let path: String
    private let limits: YAMLLimits
    private var stack: [OpenCollection] = []
    private var anchors: [String: BuiltNode] = [:]
    private var expandedAliasNodes = 0

    /// A finished node with what the limits need to know about it.
    private struct BuiltNode {
        let node: YAMLNode
        /// The nodes in the subtree, the node itself included.
        let nodeCount: Int
        /// Levels of collections in the subtree (0 for a scalar).
        let height: Int
    }

    private struct OpenCollection {
        let isMapping: Bool
        let start: YAMLMark
        let anchor: String?
        var nodeCount = 1
        var childHeight = 0
        var items: [YAMLNode] = []
        var mapping = YAMLMappingContent()
    }

    init(path: String, limits: YAMLLimits) {
        self.path = path
        self.limits = limits
    }

    mutating func handle(_ event: YAMLEvent) throws(YAMLError) {
        switch event {
        case .documentStart:
            // Anchors do not reach across documents.
            anchors = [:]
        case .documentEnd:
            break
        case .scalar(let scalar, let anchor, let start, let end):
            try YAMLScalarCheck.check(scalar, path: path, at: start)
            let node = YAMLNode(kind: .scalar(scalar), start: start, end: end)
            try add(BuiltNode(node: node, nodeCount: 1, height: 0), anchor: anchor)
        case .alias(let name, let start, _):
            try addAlias(named: name, at: start)
        case .sequenceStart(let anchor, let tag, let start):
            try YAMLScalarCheck.checkCollectionTag(tag, expected: YAMLTag.sequence, path: path, at: start)
            try open(OpenCollection(isMapping: false, start: start, anchor: anchor))
        case .mappingStart(let anchor, let tag, let start):
            try YAMLScalarCheck.checkCollectionTag(tag, expected: YAMLTag.mapping, path: path, at: start)
            try open(OpenCollection(isMapping: true, start: start, anchor: anchor))
        case .sequenceEnd(let end), .mappingEnd(let end):
            guard let collection = stack.popLast() else { return }
            let kind: YAMLNodeKind =
                collection.isMapping ? .mapping(collection.mapping.finish()) : .sequence(collection.items)
            let node = YAMLNode(kind: kind, start: collection.start, end: end)
            let built = BuiltNode(node: node, nodeCount: collection.nodeCount, height: collection.childHeight + 1)
            try add(built, anchor: collection.anchor)
        }
    }

    private mutating func open(_ collection: OpenCollection) throws(YAMLError) {
        if stack.count + 1 > limits.maxDepth {
            throw tooDeep(at: collection.start)
        }
        stack.append(collection)
    }

    private mutating func addAlias(named name: String, at start: YAMLMark) throws(YAMLError) {
        guard let anchored = anchors[name] else {
            throw YAMLError(
                path: path, mark: start,
                message: "unknown alias *\(name): no complete anchor &\(name) before it in this document",
                code: "yaml-unknown-alias")
        }
        expandedAliasNodes += anchored.nodeCount
        if expandedAliasNodes > limits.maxAliasExpansion {
            throw YAMLError(
                path: path, mark: start,
                message: "aliases expand to more than \(limits.maxAliasExpansion) nodes",
                code: "yaml-alias-limit")
        }
        if stack.count + anchored.height > limits.maxDepth {
            throw tooDeep(at: start)
        }
        try add(anchored, anchor: nil)
    }

    private mutating func add(_ built: BuiltNode, anchor: String?) throws(YAMLError) {
        if let anchor {
            anchors[anchor] = built
        }
        guard !stack.isEmpty else {
            documents.append(built.node)
            return
        }
        let top = stack.count - 1
        stack[top].nodeCount += built.nodeCount
        stack[top].childHeight = max(stack[top].childHeight, built.height)
        if stack[top].isMapping {
            try stack[top].mapping.add(built.node, path: path)
        } else {
            stack[top].items.append(built.node)
        }
    }

    private func tooDeep(at mark: YAMLMark) -> YAMLError {
        YAMLError(
            path: path, mark: mark,
            message: "lists and mappings nest deeper than \(limits.maxDepth) levels",
            code: "yaml-too-deep")
    }
}
