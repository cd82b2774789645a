/// Parses a pattern's text into a `RegexNode`, applying flags as it goes.
///
/// Recursive descent over the pattern's scalars; groups nest at most
/// `maximumNestingDepth` deep so hostile patterns cannot exhaust the stack.
struct RegexParser {
    /// The flags that change how the rest of a group is read.
    struct Flags: Sendable {
        /// `(?i)`: letters match their case variants.
        var caseInsensitive = false
        /// `(?m)`: `^` and `$` match at line breaks too.
        var multiline = false
        /// `(?s)`: `.` matches `\n` too.
        var dotMatchesNewline = false
    }

    static let maximumNestingDepth = 200
    /// The largest count allowed in `{m,n}`, as in RE2.
    static let maximumRepetitionCount = 1000

    let scalars: [Unicode.Scalar]
    /// The UTF-8 offset of each scalar, plus one past the end.
    let offsets: [Int]
    var position = 0
    var flags = Flags()
    var depth = 0

    init(pattern: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in pattern.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// Parses the whole pattern.
    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if position < scalars.count {
            // parseAlternation stops only at the end or at a ')' with no group open.
            throw error("unmatched ')'", at: position)
        }
        return node
    }

    // MARK: Reading

    var isAtEnd: Bool { position >= scalars.count }

    func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let index = position + ahead
        return index < scalars.count ? scalars[index] : nil
    }

    func isNext(_ text: String) -> Bool {
        var index = position
        for scalar in text.unicodeScalars {
            guard index < scalars.count, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func error(_ message: String, at index: Int) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: offsets[min(index, offsets.count - 1)])
    }

    /// The pattern text from scalar `start` up to (not including) scalar `end`.
    func text(from start: Int, to end: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start..<min(end, scalars.count)])
        return String(result)
    }

    // MARK: Structure

    mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseConcatenation()]
        while peek() == "|" {
            position += 1
            branches.append(try parseConcatenation())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseConcatenation() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let next = peek(), next != "|", next != ")" {
            let atomStart = position
            guard let atom = try parseAtom() else { continue }
            items.append(try parseRepetitions(of: atom, atomStart: atomStart))
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concatenation(items)
        }
    }

    /// Reads the quantifiers after an atom; a second quantifier is an error, as in RE2.
    mutating func parseRepetitions(of atom: RegexNode, atomStart: Int) throws(RegexSyntaxError) -> RegexNode {
        let operatorStart = position
        guard let (minimum, maximum) = try parseQuantifier() else { return atom }
        if peek() == "?" { position += 1 }  // lazy form
        let repeated = RegexNode.repetition(atom, minimum: minimum, maximum: maximum, offset: offsets[operatorStart])
        let secondStart = position
        if try parseQuantifier() != nil {
            let operatorText = text(from: secondStart, to: position)
            throw error("repetition operator '\(operatorText)' cannot follow another repetition", at: secondStart)
        }
        return repeated
    }

    /// Reads `*`, `+`, `?` or a well-formed `{m}`, `{m,}`, `{m,n}`, if one is next.
    mutating func parseQuantifier() throws(RegexSyntaxError) -> (Int, Int?)? {
        switch peek() {
        case "*":
            position += 1
            return (0, nil)
        case "+":
            position += 1
            return (1, nil)
        case "?":
            position += 1
            return (0, 1)
        case "{":
            let start = position
            guard let (minimum, maximum, end) = scanCountedRepetition() else { return nil }
            position = end
            let operatorText = text(from: start, to: end)
            if let maximum, maximum < minimum {
                throw error("invalid repetition '\(operatorText)': the minimum exceeds the maximum", at: start)
            }
            if minimum > Self.maximumRepetitionCount || (maximum ?? 0) > Self.maximumRepetitionCount {
                throw error(
                    "invalid repetition '\(operatorText)': counts are limited to \(Self.maximumRepetitionCount)",
                    at: start)
            }
            return (minimum, maximum)
        default:
            return nil
        }
    }

    /// Recognizes `{m}`, `{m,}` or `{m,n}` at the current position without consuming it.
    ///
    /// Anything else starting with `{` is a literal brace, as in RE2. Counts are
    /// clamped while scanning so a long digit string cannot overflow.
    func scanCountedRepetition() -> (minimum: Int, maximum: Int?, end: Int)? {
        var index = position + 1
        func number() -> Int? {
            let start = index
            var value = 0
            while index < scalars.count, (0x30...0x39).contains(scalars[index].value) {
                value = min(value * 10 + Int(scalars[index].value - 0x30), Int(Int32.max))
                index += 1
            }
            return index > start ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        if index < scalars.count, scalars[index] == "," {
            index += 1
            maximum = number()
        }
        guard index < scalars.count, scalars[index] == "}" else { return nil }
        return (minimum, maximum, index + 1)
    }

    /// Reads one atom; `nil` for a flag group like `(?i)` that only changes flags.
    mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        guard let scalar = peek() else { return .empty }
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            return try parseBracketClass()
        case ".":
            position += 1
            return .anyScalar(matchesNewline: flags.dotMatchesNewline)
        case "^":
            position += 1
            return .assertion(flags.multiline ? .beginningOfLine : .beginningOfText)
        case "$":
            position += 1
            return .assertion(flags.multiline ? .endOfLine : .endOfText)
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw error("nothing to repeat before '\(scalar)'", at: position)
        case "{":
            if let (_, _, end) = scanCountedRepetition() {
                throw error("nothing to repeat before '\(text(from: position, to: end))'", at: position)
            }
            position += 1
            return literal(scalar)
        default:
            position += 1
            return literal(scalar)
        }
    }

    /// A literal scalar, widened to its case variants under `(?i)`.
    func literal(_ scalar: Unicode.Scalar) -> RegexNode {
        if flags.caseInsensitive, let variants = RegexCaseFolding.table.variants(of: scalar.value) {
            return .characterSet(RegexCharacterSet(ranges: variants.map { $0...$0 }))
        }
        return .scalar(scalar)
    }
}
