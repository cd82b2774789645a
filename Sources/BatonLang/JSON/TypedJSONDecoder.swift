/// Reads a record of a declared schema type (a lead) straight from JSON
/// bytes into a ``RecordValue``, with no generic JSON tree in between.
///
/// The hot path of `baton batch`: field names are matched to slots from
/// the raw key bytes, undeclared fields are validated and skipped without
/// building values. Bad input (rules.md "Bad input") gives a
/// ``LeadInputError`` naming the field path:
/// `lead.employees: expected int, got string "many"`.
///
/// - An `int` field takes an integral number that fits 64 bits (`250`,
///   `250.0`, `2.5e2`); a `double` field any number.
/// - `timestamp` fields take RFC 3339 strings with an offset, `duration`
///   fields duration strings (`"90s"`).
/// - JSON `null` is the same as an absent field; an absent list or map
///   field reads as empty; a `null` map member is left out; a `null` list
///   element is an error.
/// - A missing required field, a duplicate key, invalid UTF-8, invalid JSON
///   and exceeded ``LeadLimits`` are errors.
public struct TypedJSONDecoder: Sendable {
    let plan: DecodingPlan
    /// The path prefix of messages: the root record type's name.
    let rootName: String
    let limits: LeadLimits

    /// Prepares the field tables of `root` and every record type it reaches.
    /// A field of a record type the schema lacks is read dynamically; an
    /// unknown `root` makes every decode fail with a message saying so.
    public init(schema: Schema, root: String, limits: LeadLimits = .init()) {
        self.plan = DecodingPlan(schema: schema, root: root)
        self.rootName = root
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) -> Result<RecordValue, LeadInputError> {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    public func decode(_ bytes: ArraySlice<UInt8>) -> Result<RecordValue, LeadInputError> {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    public func decode(_ bytes: UnsafeRawBufferPointer) -> Result<RecordValue, LeadInputError> {
        decode(bytes.assumingMemoryBound(to: UInt8.self))
    }

    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<RecordValue, LeadInputError> {
        guard let root = plan.root else {
            return .failure(LeadInputError(path: rootName, message: "\(rootName): unknown record type"))
        }
        var reader = TypedRecordReader(bytes: bytes, plan: plan, limits: limits)
        do throws(JSONProblem) {
            return .success(try reader.readRoot(root))
        } catch {
            return .failure(inputError(for: error, scanner: reader.scanner))
        }
    }

    /// The record's `id` field when it is a string, read on a best-effort
    /// basis even from a bad record (for the error object's `lead_id`).
    public func leadID(in bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { leadID(in: $0) } }

    public func leadID(in bytes: ArraySlice<UInt8>) -> String? { bytes.withUnsafeBufferPointer { leadID(in: $0) } }

    public func leadID(in bytes: UnsafeRawBufferPointer) -> String? {
        leadID(in: bytes.assumingMemoryBound(to: UInt8.self))
    }

    public func leadID(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scanner = JSONScanner(bytes: bytes, maxStringBytes: limits.maxStringBytes)
        do throws(JSONProblem) {
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "{") else { return nil }
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "}") { return nil }
            repeat {
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "\"") else { return nil }
                let key = try scanner.scanString()
                let isID = scanner.withBytes(of: key) { $0.count == 2 && $0[0] == UInt8(ascii: "i") && $0[1] == UInt8(ascii: "d") }
                try scanner.expectColon()
                scanner.skipWhitespace()
                if isID {
                    guard scanner.current == UInt8(ascii: "\"") else { return nil }
                    return try scanner.scanStringValue()
                }
                try scanner.skipValue(depth: 1, maxDepth: limits.maxDepth)
            } while try !scanner.endOfMember(close: UInt8(ascii: "}"))
        } catch {
            return nil
        }
        return nil
    }

    private func inputError(for problem: JSONProblem, scanner: JSONScanner) -> LeadInputError {
        var path = rootName
        for component in problem.reversedPath.reversed() {
            switch component {
            case .field(let name): path += "." + name
            case .index(let index): path += "[\(index)]"
            case .key(let key): path += "[" + jsonQuoted(key) + "]"
            }
        }
        var message = path + ": " + problem.message
        if problem.showsPosition {
            let (line, column) = scanner.lineAndColumn(of: problem.offset)
            message += " at line \(line), column \(column)"
        }
        return LeadInputError(path: path, message: message, leadID: leadID(in: scanner.bytes))
    }
}

/// What a value slot holds, as the reader dispatches on it.
enum ValueKind: UInt8, Sendable {
    case bool, int, double, string, timestamp, duration, dyn, list, map, record
}

/// How to read one value: its kind, the node of a list's or map's
/// elements or the index of a record's plan, and the declared type for
/// messages.
struct ValueNode: Sendable {
    let kind: ValueKind
    let child: Int
    let type: ExprType
}

/// Everything prepared once per record type.
final class RecordPlan: Sendable {
    let type: RecordType
    let names: FieldNameTable
    /// The value node of each slot.
    let fieldNodes: [Int]
    let requiredSlots: [Int]
    /// The fields of a record with nothing in it: null, or an empty list or map.
    let template: [Value]

    init(type: RecordType, fieldNodes: [Int], nodes: [ValueNode]) {
        self.type = type
        self.names = FieldNameTable(fieldNames: type.fields.map(\.name))
        self.fieldNodes = fieldNodes
        self.requiredSlots = type.fields.indices.filter { type.fields[$0].required }
        let emptyMap = MapValue([])
        self.template = fieldNodes.map { node in
            switch nodes[node].kind {
            case .list: .list([])
            case .map: .map(emptyMap)
            default: .null
            }
        }
    }
}

/// The value nodes and record plans for one root type.
final class DecodingPlan: Sendable {
    let nodes: [ValueNode]
    let records: [RecordPlan]
    /// The plan index of the root record, nil when the schema lacks it.
    let root: Int?

    init(schema: Schema, root rootName: String) {
        var builder = Builder(schema: schema)
        root = builder.recordIndex(rootName)
        var fieldNodes: [[Int]] = []
        // Record types found while building fields join the end of the list.
        while fieldNodes.count < builder.recordTypes.count {
            let type = builder.recordTypes[fieldNodes.count]
            fieldNodes.append(type.fields.map { builder.node(for: $0.type) })
        }
        nodes = builder.nodes
        records = zip(builder.recordTypes, fieldNodes).map { [nodes] type, slots in
            RecordPlan(type: type, fieldNodes: slots, nodes: nodes)
        }
    }

    private struct Builder {
        let schema: Schema
        var nodes: [ValueNode] = []
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
            let node: ValueNode
            switch type {
            case .bool: node = ValueNode(kind: .bool, child: 0, type: type)
            case .int: node = ValueNode(kind: .int, child: 0, type: type)
            case .double: node = ValueNode(kind: .double, child: 0, type: type)
            case .string: node = ValueNode(kind: .string, child: 0, type: type)
            case .timestamp: node = ValueNode(kind: .timestamp, child: 0, type: type)
            case .duration: node = ValueNode(kind: .duration, child: 0, type: type)
            case .null, .dyn: node = ValueNode(kind: .dyn, child: 0, type: type)
            case .list(let element): node = ValueNode(kind: .list, child: self.node(for: element), type: type)
            case .map(let value): node = ValueNode(kind: .map, child: self.node(for: value), type: type)
            case .record(let name):
                if let index = recordIndex(name) {
                    node = ValueNode(kind: .record, child: index, type: type)
                } else {
                    node = ValueNode(kind: .dyn, child: 0, type: type)
                }
            }
            nodes.append(node)
            return nodes.count - 1
        }
    }
}
