/// Type names, deep equality and ordering of run-time values, as the
/// evaluator and the built-in functions share them.
extension Value {
    /// The name of the value's type as messages print it (`int`, `lead`).
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .double: "double"
        case .string: "string"
        case .timestamp: "timestamp"
        case .duration: "duration"
        case .list: "list"
        case .map: "map"
        case .record(let record): record.type.name
        case .error: "error"
        }
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    var isError: Bool {
        if case .error = self { return true }
        return false
    }

    /// Deep equality: numbers compare across int and double by value, values
    /// of unrelated types are unequal, NaN equals nothing.
    func deepEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.int(let a), .double(let b)): return compareNumbers(a, b) == 0
        case (.double(let a), .int(let b)): return compareNumbers(b, a) == 0
        case (.string(let a), .string(let b)): return sameScalars(a, b)
        case (.timestamp(let a), .timestamp(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.list(let a), .list(let b)):
            guard a.count == b.count else { return false }
            for index in a.indices where !a[index].deepEquals(b[index]) { return false }
            return true
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (key, value) in zip(a.keys, a.values) {
                guard let otherValue = b[key], value.deepEquals(otherValue) else { return false }
            }
            return true
        case (.record(let a), .record(let b)):
            guard a.type == b.type else { return false }
            for index in a.fields.indices where !a.fields[index].deepEquals(b.fields[index]) { return false }
            return true
        case (.error(let a), .error(let b)): return a == b
        default: return false
        }
    }

    /// The order of two values (-1, 0, 1), or nil when they are not ordered
    /// against each other (unrelated types, NaN).
    func compare(_ other: Value) -> Int? {
        switch (self, other) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.double(let a), .double(let b)):
            if a < b { return -1 }
            if a > b { return 1 }
            return a == b ? 0 : nil
        case (.int(let a), .double(let b)): return compareNumbers(a, b)
        case (.double(let a), .int(let b)): return compareNumbers(b, a).map { -$0 }
        case (.string(let a), .string(let b)): return compareScalars(a, b)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (!a ? -1 : 1)
        case (.timestamp(let a), .timestamp(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.duration(let a), .duration(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        default: return nil
        }
    }
}

/// Compares an int with a double by exact value; nil when the double is NaN.
func compareNumbers(_ integer: Int64, _ double: Double) -> Int? {
    if double.isNaN { return nil }
    // 2^63 as a double: every double at or above it exceeds every Int64.
    if double >= 9_223_372_036_854_775_808.0 { return -1 }
    if double < -9_223_372_036_854_775_808.0 { return 1 }
    let truncated = Int64(double.rounded(.towardZero))
    if integer != truncated { return integer < truncated ? -1 : 1 }
    let fraction = double - double.rounded(.towardZero)
    if fraction > 0 { return -1 }
    if fraction < 0 { return 1 }
    return 0
}

// Swift's `==` on String uses canonical equivalence; Baton compares scalars,
// and UTF-8 bytes compare exactly as scalars do (in equality and in order).

/// Whether two strings hold the same Unicode scalars.
@inline(__always)
func sameScalars(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let fast = a.utf8.withContiguousStorageIfAvailable { left in
        b.utf8.withContiguousStorageIfAvailable { right in
            for index in 0..<left.count where left[index] != right[index] { return false }
            return true
        }
    }
    if let result = fast ?? nil { return result }
    return a.utf8.elementsEqual(b.utf8)
}

/// Orders strings by Unicode scalar values, without normalisation.
func compareScalars(_ a: String, _ b: String) -> Int {
    var left = a.utf8.makeIterator()
    var right = b.utf8.makeIterator()
    while true {
        switch (left.next(), right.next()) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case (let x?, let y?):
            if x != y { return x < y ? -1 : 1 }
        }
    }
}
