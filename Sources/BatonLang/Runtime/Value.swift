/// A run-time value: a closed enum, never `Any`.
///
/// Errors are values too (CEL-style): they flow through operators until a
/// logical operator absorbs them or they reach the top.
public enum Value: Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case timestamp(Timestamp)
    case duration(TimeDuration)
    case list([Value])
    case map(MapValue)
    case record(RecordValue)
    // Boxed: an error is rare, and unboxed it would double the size of every
    // value, making each copy and return on the hot path go through memory.
    indirect case error(EvalError)
}

/// An evaluation failure carried as a value, with the message a person reads
/// (`null operand: lead.employees is null`).
public struct EvalError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The span of the sub-expression that failed, when known.
    public var span: Span?

    public init(_ message: String, at span: Span? = nil) {
        self.message = message
        self.span = span
    }

    public var description: String { message }
}

/// A map with string keys that remembers insertion order (for stable JSON
/// output) and looks keys up by hash.
///
/// The values sit in an array in key order, apart from the positions by key:
/// maps of the same keys (the engine's `score.components`, one per lead)
/// share their keys and positions and each holds just its values, rather
/// than a copy of a whole dictionary.
public final class MapValue: Sendable {
    public let keys: [String]
    /// The values, in the order of `keys`.
    public let values: [Value]
    private let positions: [String: Int]

    /// Later duplicates of a key replace the value but keep the first position.
    public init(_ entries: [(String, Value)]) {
        var keys: [String] = []
        var values: [Value] = []
        var positions: [String: Int] = [:]
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        positions.reserveCapacity(entries.count)
        for (key, value) in entries {
            if let position = positions[key] {
                values[position] = value
            } else {
                positions[key] = keys.count
                keys.append(key)
                values.append(value)
            }
        }
        self.keys = keys
        self.values = values
        self.positions = positions
    }

    /// A map of the keys of `shape` with `values` in their order: for a
    /// caller that makes many maps of the same keys, with no key hashed.
    package init(shape: MapValue, values: [Value]) {
        precondition(values.count == shape.keys.count, "a map needs one value per key")
        keys = shape.keys
        positions = shape.positions
        self.values = values
    }

    public subscript(key: String) -> Value? { positions[key].map { values[$0] } }
    public var count: Int { keys.count }

    /// The entries in insertion order.
    public var entries: [(key: String, value: Value)] { Array(zip(keys, values)) }
}

/// A value of a declared record type: its fields by slot, in the order the
/// type declares them. An absent field holds `.null` (an absent list or map
/// field holds an empty one).
///
/// A struct around one tail-allocated object: the type and the fields sit
/// in a single allocation (a lead has a record per event, so two
/// allocations per record were a good share of reading and freeing a lead),
/// and a field read is one pointer chase from the `Value`. The records of
/// one list read from JSON (a lead's events) share one such object, each
/// record at its own `base`: one allocation for all of them, their fields
/// side by side in memory for a comprehension to walk (a record kept alone,
/// as a decision's key event, keeps its list's storage).
// @unchecked: `RecordStorage` cannot be Sendable (ManagedBuffer is not), but
// its fields are written only while the record is built, before any other
// thread can see it, and never after.
public struct RecordValue: @unchecked Sendable {
    @usableFromInline let storage: RecordStorage
    /// Where this record's fields start among `storage`'s values.
    @usableFromInline let base: Int

    public init(type: RecordType, fields: [Value]) {
        precondition(fields.count == type.fields.count, "a record needs one value per declared field")
        storage = fields.withUnsafeBufferPointer { RecordStorage.make(type: type, copying: $0.baseAddress) }
        base = 0
    }

    /// A record of `type` whose fields are all null until the builder that
    /// made it sets them (``TypedRecordReader``, in place, with no array).
    init(nullFieldsOf type: RecordType) {
        storage = RecordStorage.make(type: type, copying: nil)
        base = 0
    }

    /// Record `index` of a table made by ``RecordValue/records(of:moving:count:)``.
    private init(storage: RecordStorage, index: Int) {
        self.storage = storage
        base = index &* storage.count
    }

    /// `count` records of `type` in one allocation, their fields moved from
    /// `fields` (record by record, one value per declared field each),
    /// which is left uninitialized.
    static func records(of type: RecordType, moving fields: UnsafeMutablePointer<Value>, count: Int) -> [Value] {
        let storage = RecordStorage.make(type: type, moving: fields, records: count)
        return (0..<count).map { .record(RecordValue(storage: storage, index: $0)) }
    }

    /// A record of `type` whose fields, all null at first, `setFields` sets
    /// by slot in place: no array of fields is built and copied (for the
    /// engine's `score` record, made for every lead).
    package init(type: RecordType, settingFields setFields: (UnsafeMutableBufferPointer<Value>) -> Void) {
        self.init(nullFieldsOf: type)
        withUnsafeMutableFields(setFields)
    }

    @inlinable public var type: RecordType { storage.withUnsafeMutablePointerToHeader { $0.pointee.type } }

    /// The field values by slot.
    @inlinable public var fields: RecordFields { RecordFields(storage: storage, base: base) }

    public subscript(field: String) -> Value? {
        type.slot(of: field).map { fields[$0] }
    }

    /// The field slots, for a builder to set before it hands the record out
    /// (a record is immutable once shared).
    func withUnsafeMutableFields<Result, Failure>(
        _ body: (UnsafeMutableBufferPointer<Value>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let fields = storage.withUnsafeMutablePointers { header, elements in
            UnsafeMutableBufferPointer(start: elements + base, count: header.pointee.count)
        }
        return try body(fields)
    }
}

/// The fields of a ``RecordValue``, by slot.
public struct RecordFields: RandomAccessCollection, @unchecked Sendable {  // as RecordValue
    @usableFromInline let storage: RecordStorage
    @usableFromInline let base: Int

    @inlinable init(storage: RecordStorage, base: Int) {
        self.storage = storage
        self.base = base
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { storage.count }

    @inlinable public subscript(slot: Int) -> Value {
        // One unsigned comparison for both bounds, as Array's own check.
        precondition(UInt(bitPattern: slot) < UInt(bitPattern: storage.count), "field slot out of range")
        return storage.withUnsafeMutablePointerToElements { $0[base &+ slot] }
    }
}

/// A record's type and field count, ahead of its fields in one allocation.
@usableFromInline struct RecordHeader {
    @usableFromInline let type: RecordType
    /// Fields per record.
    @usableFromInline let count: Int
    /// Records: the storage holds `count * records` values.
    let records: Int
}

/// The storage of one ``RecordValue`` or of a list's records of one type:
/// the header, then `count` values per record.
@usableFromInline final class RecordStorage: ManagedBuffer<RecordHeader, Value> {
    /// New storage for a record of `type`: a copy of the values at `source`
    /// (one per field), or every field null.
    static func make(type: RecordType, copying source: UnsafePointer<Value>?) -> RecordStorage {
        let count = type.fields.count
        let buffer = create(minimumCapacity: count) { _ in RecordHeader(type: type, count: count, records: 1) }
        buffer.withUnsafeMutablePointerToElements { elements in
            if let source {
                elements.initialize(from: source, count: count)
            } else {
                elements.initialize(repeating: .null, count: count)
            }
        }
        return unsafeDowncast(buffer, to: RecordStorage.self)
    }

    /// New storage for `records` records of `type`, their values moved from `source`.
    static func make(type: RecordType, moving source: UnsafeMutablePointer<Value>, records: Int) -> RecordStorage {
        let count = type.fields.count
        let buffer = create(minimumCapacity: count * records) { _ in
            RecordHeader(type: type, count: count, records: records)
        }
        buffer.withUnsafeMutablePointerToElements { $0.moveInitialize(from: source, count: count * records) }
        return unsafeDowncast(buffer, to: RecordStorage.self)
    }

    /// The number of fields. Read through a pointer: `header`, a class's
    /// `var`, would check exclusivity at run time on every read.
    @inlinable var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

    deinit {
        // Field by field: `deinitialize(count:)` would destroy them through
        // the runtime's generic array destroy and `Value`'s value witness.
        withUnsafeMutablePointers { header, elements in
            for index in 0..<header.pointee.count * header.pointee.records { _ = (elements + index).move() }
        }
    }
}
