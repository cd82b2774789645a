import BatonLang

extension Value {
    /// True when the value is an error or holds one anywhere inside.
    /// Walks with an explicit stack: hostile data cannot exhaust the call stack.
    var containsError: Bool {
        var pending: [Value] = [self]
        while let value = pending.popLast() {
            switch value {
            case .error: return true
            case .list(let elements): pending.append(contentsOf: elements)
            case .map(let map): pending.append(contentsOf: map.storage.values)
            case .record(let record): pending.append(contentsOf: record.fields)
            default: continue
            }
        }
        return false
    }
}
