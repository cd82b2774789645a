/// What a value slot holds, as the reader dispatches on it.
enum DecodingKind: UInt8, Sendable {
    case bool, int, double, string, timestamp, duration, dyn, list, map, record
}

/// How to read one value: its kind, and the node of a list's or map's
/// elements or the index of a record's layout. The declared type (for
/// messages) sits beside it in ``DecodingPlan/nodeTypes``.
struct DecodingNode: Sendable {
    let kind: DecodingKind
    let child: Int
}

/// Where one record type's parts sit in the plan's flat buffers.
struct RecordLayout: Sendable {
    let fieldCount: Int
    /// Start of the record's slots in `fieldNodes`.
    let fieldNodesStart: Int
    /// Start and size (a power of two) of its key table in `tableEntries`.
    let tableStart: Int
    let tableMask: Int
    /// Start and count of its required slots in `requiredSlots`.
    let requiredStart: Int
    let requiredCount: Int
    /// Start and count of its list and map slots in `containerSlots`.
    let containerStart: Int
    let containerCount: Int
}

/// One slot of a record's key table: open addressing on an FNV-1a hash of
/// the field name's UTF-8 bytes, which sit in `nameBytes`.
struct FieldNameEntry: Sendable {
    var hash: UInt64 = 0
    var nameStart: Int32 = 0
    var nameCount: Int32 = 0
    /// -1: an empty table slot.
    var slot: Int32 = -1
}

/// Where a field's name sits in ``DecodingPlan/nameBytes``, for matching a
/// key to the field expected next; `count` is -1 for a name not to match so
/// (one that needs escaping in JSON, or a repeated declaration).
struct FieldName: Sendable {
    var start: Int32 = 0
    var count: Int32 = -1
}

/// Everything prepared once per root record type, for reading many records
/// fast: value nodes, record layouts and key tables in flat buffers of plain
/// data that the reader uses through pointers, without reference counting
/// per field.
final class DecodingPlan: @unchecked Sendable {
    // @unchecked: the buffers are written only in `init` and freed in
    // `deinit`; in between they are read-only, so sharing is safe.
    let nodes: UnsafeMutableBufferPointer<DecodingNode>
    let layouts: UnsafeMutableBufferPointer<RecordLayout>
    let fieldNodes: UnsafeMutableBufferPointer<Int>
    let requiredSlots: UnsafeMutableBufferPointer<Int>
    /// Each record's list and map slots: absent, such a field reads as empty.
    let containerSlots: UnsafeMutableBufferPointer<Int>
    let tableEntries: UnsafeMutableBufferPointer<FieldNameEntry>
    let nameBytes: UnsafeMutableBufferPointer<UInt8>
    /// Each field's name, by the field's index in `fieldNodes`.
    let fieldNames: UnsafeMutableBufferPointer<FieldName>
    /// The declared type of each node, for messages.
    let nodeTypes: [ExprType]
    let recordTypes: [RecordType]
    /// The value of an absent map field.
    let emptyMap = MapValue([])
    /// The layout index of the root record, nil when the schema lacks it.
    let root: Int?

    init(schema: Schema, root rootName: String) {
        var builder = Builder(schema: schema)
        root = builder.recordIndex(rootName)
        var layouts: [RecordLayout] = []
        var fieldNodes: [Int] = []
        var requiredSlots: [Int] = []
        var containerSlots: [Int] = []
        var entries: [FieldNameEntry] = []
        var nameBytes: [UInt8] = []
        var fieldNames: [FieldName] = []
        // Record types found while building fields join the end of the list.
        while layouts.count < builder.recordTypes.count {
            let type = builder.recordTypes[layouts.count]
            let fieldNodesStart = fieldNodes.count
            let containerStart = containerSlots.count
            for (slot, field) in type.fields.enumerated() {
                let node = builder.node(for: field.type)
                fieldNodes.append(node)
                let kind = builder.nodes[node].kind
                if kind == .list || kind == .map { containerSlots.append(slot) }
            }
            let requiredStart = requiredSlots.count
            requiredSlots += type.fields.indices.filter { type.fields[$0].required }
            let tableStart = entries.count
            let tableMask = Self.appendTable(for: type, to: &entries, names: &nameBytes, fieldNames: &fieldNames)
            layouts.append(
                RecordLayout(
                    fieldCount: type.fields.count, fieldNodesStart: fieldNodesStart, tableStart: tableStart,
                    tableMask: tableMask, requiredStart: requiredStart,
                    requiredCount: requiredSlots.count - requiredStart, containerStart: containerStart,
                    containerCount: containerSlots.count - containerStart))
        }
        self.nodes = Self.copy(builder.nodes)
        self.layouts = Self.copy(layouts)
        self.fieldNodes = Self.copy(fieldNodes)
        self.requiredSlots = Self.copy(requiredSlots)
        self.containerSlots = Self.copy(containerSlots)
        self.tableEntries = Self.copy(entries)
        // 8 zero bytes after the last name: any name can be loaded as a word.
        self.nameBytes = Self.copy(nameBytes + repeatElement(0, count: 8))
        self.fieldNames = Self.copy(fieldNames)
        self.nodeTypes = builder.nodeTypes
        self.recordTypes = builder.recordTypes
    }

    deinit {
        nodes.deallocate()
        layouts.deallocate()
        fieldNodes.deallocate()
        requiredSlots.deallocate()
        containerSlots.deallocate()
        tableEntries.deallocate()
        nameBytes.deallocate()
        fieldNames.deallocate()
    }

    private static func copy<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        // At least one element, so the buffer always has a base address.
        let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = buffer.initialize(from: elements)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<elements.count])
    }

    /// Appends a key table for the record's field names, and their places
    /// in `names` to `fieldNames`; returns the table's mask.
    private static func appendTable(
        for type: RecordType, to entries: inout [FieldNameEntry], names: inout [UInt8],
        fieldNames: inout [FieldName]
    ) -> Int {
        let firstFieldName = fieldNames.count
        fieldNames += repeatElement(FieldName(), count: type.fields.count)
        var capacity = 8
        while capacity < type.fields.count * 2 { capacity *= 2 }
        var table = [FieldNameEntry](repeating: FieldNameEntry(), count: capacity)
        for (slot, field) in type.fields.enumerated() {
            let bytes = Array(field.name.utf8)
            let hash = bytes.withUnsafeBufferPointer { FieldNameEntry.hash($0) }
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            var duplicate = false
            while table[index].slot >= 0 {
                let entry = table[index]
                let start = Int(entry.nameStart)
                if entry.hash == hash, Array(names[start..<(start + Int(entry.nameCount))]) == bytes {
                    duplicate = true  // a repeated declaration keeps the first slot, as RecordType does
                    break
                }
                index = (index + 1) & (capacity - 1)
            }
            if duplicate { continue }
            table[index] = FieldNameEntry(
                hash: hash, nameStart: Int32(names.count), nameCount: Int32(bytes.count), slot: Int32(slot))
            if !bytes.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) {
                fieldNames[firstFieldName + slot] = FieldName(start: Int32(names.count), count: Int32(bytes.count))
            }
            names.append(contentsOf: bytes)
        }
        entries += table
        return capacity - 1
    }

    private struct Builder {
        let schema: Schema
        var nodes: [DecodingNode] = []
        var nodeTypes: [ExprType] = []
        var recordTypes: [RecordType] = []
        var recordIndices: [String: Int] = [:]

        init(schema: Schema) { self.schema = schema }

        mutating func recordIndex(_ name: String) -> Int? {
            if let index = recordIndices[name] { return index }
            guard let type = schema[name] else { return nil }
            recordIndices[name] = recordTypes.count
            recordTypes.append(type)
            return recordTypes.count - 1
        }

        mutating func node(for type: ExprType) -> Int {
            let node: DecodingNode
            switch type {
            case .bool: node = DecodingNode(kind: .bool, child: 0)
            case .int: node = DecodingNode(kind: .int, child: 0)
            case .double: node = DecodingNode(kind: .double, child: 0)
            case .string: node = DecodingNode(kind: .string, child: 0)
            case .timestamp: node = DecodingNode(kind: .timestamp, child: 0)
            case .duration: node = DecodingNode(kind: .duration, child: 0)
            case .null, .dyn: node = DecodingNode(kind: .dyn, child: 0)
            case .list(let element): node = DecodingNode(kind: .list, child: self.node(for: element))
            case .map(let value): node = DecodingNode(kind: .map, child: self.node(for: value))
            case .record(let name):
                if let index = recordIndex(name) {
                    node = DecodingNode(kind: .record, child: index)
                } else {
                    node = DecodingNode(kind: .dyn, child: 0)
                }
            }
            nodes.append(node)
            nodeTypes.append(type)
            return nodes.count - 1
        }
    }
}

extension FieldNameEntry {
    /// The FNV-1a hash of a field name's bytes.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hashSeed
        for byte in bytes { hash = hashStep(hash, byte) }
        return hash
    }

    static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
}
