import BatonLang

/// Which tables expressions read, found by walking their syntax trees.
struct TableUsage {
    private(set) var names: Set<String> = []
    /// `tables` used as a whole (passed on, not selected from): every table counts as used.
    private(set) var usesAll = false

    mutating func add(_ expression: Expr) {
        var pending = [expression]
        while let expr = pending.popLast() {
            switch expr.kind {
            case .literal:
                break
            case .identifier(let name):
                if name == "tables" { usesAll = true }
            case .select(let operand, let field, _, _):
                if case .identifier("tables") = operand.kind {
                    names.insert(field)
                } else {
                    pending.append(operand)
                }
            case .call(let receiver, _, let args, _, _):
                if let receiver { pending.append(receiver) }
                pending.append(contentsOf: args)
            case .index(let operand, let index):
                if case .identifier("tables") = operand.kind, case .literal(.string(let name)) = index.kind {
                    names.insert(name)
                } else {
                    pending.append(operand)
                }
                pending.append(index)
            case .unary(_, let operand):
                pending.append(operand)
            case .binary(_, let left, let right):
                pending.append(left)
                pending.append(right)
            case .conditional(let condition, let then, let otherwise):
                pending.append(contentsOf: [condition, then, otherwise])
            case .list(let elements):
                pending.append(contentsOf: elements)
            case .map(let entries):
                for entry in entries {
                    pending.append(entry.key)
                    pending.append(entry.value)
                }
            }
        }
    }

    func uses(_ table: String) -> Bool { usesAll || names.contains(table) }
}
