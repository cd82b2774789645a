/// The record types an expression may read: the `schema:` section of a
/// ruleset, or the benchmark's schema.
///
/// A record's fields have fixed slots (their declaration order), so compiled
/// expressions read `lead.employees` as `fields[slot]`, never by name.
public struct Schema: Sendable {
    public private(set) var records: [String: RecordType] = [:]

    public init(_ records: [RecordType] = []) {
        for record in records { self.records[record.name] = record }
    }

    public mutating func add(_ record: RecordType) {
        records[record.name] = record
    }

    public subscript(name: String) -> RecordType? { records[name] }
}

/// A declared record type: named fields with types, in slot order.
public struct RecordType: Sendable, Hashable {
    // One reference for the three parts: every record holds its type, and
    // a copy of one reference is one retain and one release per record read
    // and freed, where the parts inline took three of each.
    private let storage: Storage

    public var name: String { storage.name }
    public var fields: [Field] { storage.fields }

    private final class Storage: Sendable {
        let name: String
        let fields: [Field]
        let slotByName: [String: Int]

        init(name: String, fields: [Field], slotByName: [String: Int]) {
            self.name = name
            self.fields = fields
            self.slotByName = slotByName
        }
    }

    public struct Field: Sendable, Hashable {
        public let name: String
        public let type: ExprType
        /// Declared with a trailing `!`: a record without it is bad input.
        public let required: Bool

        public init(name: String, type: ExprType, required: Bool = false) {
            self.name = name
            self.type = type
            self.required = required
        }
    }

    public init(name: String, fields: [Field]) {
        var slots: [String: Int] = [:]
        for (slot, field) in fields.enumerated() where slots[field.name] == nil {
            slots[field.name] = slot
        }
        storage = Storage(name: name, fields: fields, slotByName: slots)
    }

    /// The slot of a field, or nil when the record does not declare it.
    public func slot(of field: String) -> Int? { storage.slotByName[field] }

    public static func == (a: RecordType, b: RecordType) -> Bool {
        a.name == b.name && a.fields == b.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(fields)
    }
}
