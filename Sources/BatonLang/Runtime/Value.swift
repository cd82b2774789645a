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
public final class MapValue: Sendable {
    public let keys: [String]
    public let storage: [String: Value]

    /// Later duplicates of a key replace the value but keep the first position.
    public init(_ entries: [(String, Value)]) {
        var keys: [String] = []
        var storage: [String: Value] = [:]
        keys.reserveCapacity(entries.count)
        storage.reserveCapacity(entries.count)
        for (key, value) in entries {
            if storage.updateValue(value, forKey: key) == nil { keys.append(key) }
        }
        self.keys = keys
        self.storage = storage
    }

    /// A map of `keys`, in that order, and `storage`, which holds exactly
    /// those keys: for a caller that makes many maps of the same keys from
    /// one prepared dictionary, setting its values by index without hashing.
    package init(keys: [String], storage: [String: Value]) {
        precondition(keys.count == storage.count, "a map needs its keys and storage to agree")
        self.keys = keys
        self.storage = storage
    }

    public subscript(key: String) -> Value? { storage[key] }
    public var count: Int { keys.count }

    /// The entries in insertion order.
    public var entries: [(key: String, value: Value)] { keys.map { ($0, storage[$0]!) } }
}

/// A value of a declared record type: its fields by slot, in the order the
/// type declares them. An absent field holds `.null` (an absent list or map
/// field holds an empty one).
public final class RecordValue: Sendable {
    public let type: RecordType
    public let fields: [Value]

    public init(type: RecordType, fields: [Value]) {
        precondition(fields.count == type.fields.count, "a record needs one value per declared field")
        self.type = type
        self.fields = fields
    }

    public subscript(field: String) -> Value? {
        type.slot(of: field).map { fields[$0] }
    }
}
