import BatonLang

/// Turns an evaluation trace into the lines that say why a condition came
/// out as it did: `lead.employees (250) >= 1000 → false`; for `&&` and `||`
/// only the operands that decided.
struct TraceExplainer {
    /// Values longer than this are cut with `…`.
    static let maximumValueLength = 60
    /// Literal lists longer than this print as `[...]`.
    static let maximumLiteralLength = 40

    private let source: [UInt8]
    private let root: Expr
    private var values: [Span: Value] = [:]

    init(program: Program, trace: EvaluationTrace) {
        source = Array(program.source.utf8)
        root = program.expr
        values.reserveCapacity(trace.entries.count)
        for entry in trace.entries { values[entry.span] = entry.value }
    }

    func lines() -> [String] {
        var lines: [String] = []
        explain(root, into: &lines, depth: 0)
        return lines
    }

    /// `text → value`, for a whole expression.
    static func valueLine(source: String, value: Value) -> String {
        "\(source) → \(describe(value))"
    }

    /// A value as explanations print it: JSON-like, strings quoted, long values cut.
    static func describe(_ value: Value) -> String {
        let text: String
        switch value {
        case .string, .timestamp, .duration:
            var writer = JSONWriter()
            try? writer.writeValue(value, style: .decision)
            text = writer.text
        case .error(let error):
            text = "error: \(error.message)"
        default:
            text = value.printedText
        }
        guard text.unicodeScalars.count > maximumValueLength else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maximumValueLength - 1))) + "…"
    }

    // Bounded: the parser limits nesting to 128; the depth guard keeps a
    // hand-built tree from recursing without end.
    private func explain(_ expression: Expr, into lines: inout [String], depth: Int) {
        guard depth < 256 else {
            lines.append(leaf(expression))
            return
        }
        switch expression.kind {
        case .binary(let op, _, _) where op == .and || op == .or:
            let operands = flatten(expression, op)
            let deciding = decidingOperands(operands, op: op, result: values[expression.span])
            guard !deciding.isEmpty else {
                lines.append(leaf(expression))
                return
            }
            for operand in deciding { explain(operand, into: &lines, depth: depth + 1) }
        case .conditional(let condition, let then, let otherwise):
            explain(condition, into: &lines, depth: depth + 1)
            if case .bool(let taken)? = values[condition.span] {
                explain(taken ? then : otherwise, into: &lines, depth: depth + 1)
            }
            lines.append(leaf(expression))
        default:
            lines.append(leaf(expression))
        }
    }

    /// `a && b && c` as `[a, b, c]`.
    private func flatten(_ expression: Expr, _ op: BinaryOperator) -> [Expr] {
        var result: [Expr] = []
        var pending = [expression]
        while let next = pending.popLast() {
            if case .binary(let inner, let left, let right) = next.kind, inner == op {
                pending.append(right)
                pending.append(left)
            } else {
                result.append(next)
            }
        }
        return result
    }

    /// `&&` false: the false operands; `||` true: the true ones; an error: the
    /// failing ones; otherwise every operand (all of them decided).
    private func decidingOperands(_ operands: [Expr], op: BinaryOperator, result: Value?) -> [Expr] {
        let evaluated = operands.filter { values[$0.span] != nil }
        switch result {
        case .bool(let flag)? where flag == (op == .or):
            return evaluated.filter { operand in
                if case .bool(let value)? = values[operand.span] { return value == flag }
                return false
            }
        case .error?:
            return evaluated.filter { operand in
                switch values[operand.span] {
                case .error?, .null?: return true
                default: return false
                }
            }
        default:
            return evaluated
        }
    }

    private func leaf(_ expression: Expr) -> String {
        let resultText = values[expression.span].map { " → " + TraceExplainer.describe($0) } ?? ""
        switch expression.kind {
        case .binary(let op, let left, let right):
            return "\(operand(left)) \(op.rawValue) \(operand(right))\(resultText)"
        case .unary(let op, let inner) where op == .not:
            return "!\(operand(inner))\(resultText)"
        default:
            return "\(text(of: expression))\(resultText)"
        }
    }

    /// An operand's text with its value, unless the text already says it (a literal).
    private func operand(_ expression: Expr) -> String {
        switch expression.kind {
        case .literal:
            return text(of: expression)
        case .list, .map:
            let written = text(of: expression)
            if isConstant(expression) {
                return written.utf8.count > TraceExplainer.maximumLiteralLength ? "[...]" : written
            }
            return valued(written, expression)
        case .binary, .conditional:
            let written = text(of: expression)
            return valued(Self.isParenthesized(written) ? written : "(\(written))", expression)
        default:
            return valued(text(of: expression), expression)
        }
    }

    /// Whether the text is one parenthesised group, `(a ?? 0)` but not `(a) + (b)`,
    /// so that an operand written in parentheses is not wrapped twice.
    static func isParenthesized(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return false }
        var depth = 0
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") {
                    index += 1
                } else if byte == open {
                    quote = nil
                }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 && index != bytes.count - 1 { return false }
            }
            index += 1
        }
        return depth == 0
    }

    private func valued(_ written: String, _ expression: Expr) -> String {
        guard let value = values[expression.span] else { return written }
        return "\(written) (\(TraceExplainer.describe(value)))"
    }

    private func isConstant(_ expression: Expr) -> Bool {
        switch expression.kind {
        case .literal: true
        case .list(let elements): elements.allSatisfy { if case .literal = $0.kind { true } else { false } }
        case .map(let entries):
            entries.allSatisfy { entry in
                if case .literal = entry.key.kind, case .literal = entry.value.kind { true } else { false }
            }
        default: false
        }
    }

    /// The source text of a node, by its span.
    private func text(of expression: Expr) -> String {
        let start = max(0, min(expression.span.start, source.count))
        let end = max(start, min(expression.span.end, source.count))
        return String(decoding: source[start..<end], as: UTF8.self)
    }
}
