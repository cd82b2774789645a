/// How static types relate: joins, numeric kinds and comparability.
extension ExprType {
    var isDyn: Bool { self == .dyn }
    var isNumeric: Bool { self == .int || self == .double }

    /// The least type covering both (`dyn` when they differ; `null` joins
    /// with anything as the other, since every value may be null).
    func joined(with other: ExprType) -> ExprType {
        if self == other { return self }
        switch (self, other) {
        case (.null, _): return other
        case (_, .null): return self
        case (.list(let a), .list(let b)): return .list(a.joined(with: b))
        case (.map(let a), .map(let b)): return .map(a.joined(with: b))
        default: return .dyn
        }
    }

    /// Whether values of the two types can ever be equal (false means `==`
    /// is certainly false).
    func mayEqual(_ other: ExprType) -> Bool {
        switch (self, other) {
        case (.dyn, _), (_, .dyn), (.null, _), (_, .null): return true
        case (.int, .double), (.double, .int): return true
        case (.list(let a), .list(let b)): return a.mayEqual(b)
        case (.map(let a), .map(let b)): return a.mayEqual(b)
        default: return self == other
        }
    }

    /// Whether `<` and friends are defined between the two types.
    func isOrdered(against other: ExprType) -> Bool {
        switch (self, other) {
        case (.dyn, .dyn): return true
        case (.dyn, let type), (let type, .dyn): return type.isOrderable
        default:
            if isNumeric && other.isNumeric { return true }
            return self == other && isOrderable
        }
    }

    private var isOrderable: Bool {
        switch self {
        case .int, .double, .string, .bool, .timestamp, .duration, .dyn: true
        default: false
        }
    }
}
