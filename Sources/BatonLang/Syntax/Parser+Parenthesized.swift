extension Expr {
    /// The expression printed with every operator application in parentheses,
    /// so that tests (and people) can see how the parser grouped it:
    /// `not a == b` prints as `(!(a == b))`, `!a == b` as `((!a) == b)`.
    ///
    /// Word and symbol spellings of an operator print alike (`||`, `&&`, `!`),
    /// as the tree does not keep the spelling.
    package var parenthesized: String {
        var output = ""
        Self.print(self, into: &output)
        return output
    }

    /// Prints the operand of a postfix step; a negative number literal needs
    /// parentheses there, as `-1.abs()` means `-(1.abs())`.
    private static func printOperand(_ expr: Expr, into output: inout String) {
        guard case .literal(let literal) = expr.kind, literal.sourceText.hasPrefix("-") else {
            print(expr, into: &output)
            return
        }
        output += "(" + literal.sourceText + ")"
    }

    private static func print(_ expr: Expr, into output: inout String) {
        switch expr.kind {
        case .literal(let literal):
            output += literal.sourceText
        case .identifier(let name):
            output += name
        case .select(let operand, let field, let optional, _):
            printOperand(operand, into: &output)
            output += optional ? "?." : "."
            output += field
        case .call(let receiver, let function, let arguments, let optional, _):
            if let receiver {
                printOperand(receiver, into: &output)
                output += optional ? "?." : "."
            }
            output += function
            printSequence(arguments, open: "(", close: ")", into: &output)
        case .index(let operand, let index):
            printOperand(operand, into: &output)
            output += "["
            print(index, into: &output)
            output += "]"
        case .unary(let unaryOperator, let operand):
            output += "(" + unaryOperator.rawValue
            if unaryOperator == .negate, case .literal(let literal) = operand.kind, literal.isNumber,
                !literal.sourceText.hasPrefix("-")
            {
                // `-(1)` is not the literal `-1`: keep the two apart.
                output += "(" + literal.sourceText + ")"
            } else {
                print(operand, into: &output)
            }
            output += ")"
        case .binary(let binaryOperator, let left, let right):
            output += "("
            print(left, into: &output)
            output += " \(binaryOperator.rawValue) "
            print(right, into: &output)
            output += ")"
        case .conditional(let condition, let then, let otherwise):
            output += "("
            print(condition, into: &output)
            output += " ? "
            print(then, into: &output)
            output += " : "
            print(otherwise, into: &output)
            output += ")"
        case .list(let elements):
            printSequence(elements, open: "[", close: "]", into: &output)
        case .map(let entries):
            output += "{"
            for (offset, entry) in entries.enumerated() {
                if offset > 0 { output += ", " }
                print(entry.key, into: &output)
                output += ": "
                print(entry.value, into: &output)
            }
            output += "}"
        }
    }

    private static func printSequence(_ elements: [Expr], open: String, close: String, into output: inout String) {
        output += open
        for (offset, element) in elements.enumerated() {
            if offset > 0 { output += ", " }
            print(element, into: &output)
        }
        output += close
    }
}

extension Literal {
    /// The literal written as Baton source (`30d`, `"a\"b"`, `-5`).
    package var sourceText: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return Self.quoted(value)
        case .duration(let duration): return Self.durationText(duration.nanoseconds)
        }
    }

    fileprivate var isNumber: Bool {
        switch self {
        case .int, .double, .duration: true
        case .null, .bool, .string: false
        }
    }

    private static func quoted(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u" + String(format4: scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    /// In the largest unit that divides the duration evenly.
    private static func durationText(_ nanoseconds: Int64) -> String {
        let units: [(String, Int64)] = [
            ("w", 604_800_000_000_000), ("d", 86_400_000_000_000), ("h", 3_600_000_000_000),
            ("m", 60_000_000_000), ("s", 1_000_000_000), ("ms", 1_000_000),
        ]
        guard nanoseconds != 0 else { return "0s" }
        for (unit, size) in units where nanoseconds % size == 0 {
            return "\(nanoseconds / size)\(unit)"
        }
        return "duration(\"\(nanoseconds)ns\")"
    }
}
