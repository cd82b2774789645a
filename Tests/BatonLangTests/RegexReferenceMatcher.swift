/// A deliberately simple backtracking matcher over a pattern tree, used only as
/// an independent oracle for `BatonRegex` on short inputs.
indirect enum RegexReferencePattern: Sendable {
    case literal(Unicode.Scalar)
    case anyButNewline
    case set([Unicode.Scalar], negated: Bool)
    case beginningOfText
    case endOfText
    case wordBoundary
    case concatenation([RegexReferencePattern])
    case alternation([RegexReferencePattern])
    case repetition(RegexReferencePattern, minimum: Int, maximum: Int?, lazy: Bool)
    case caseInsensitive(RegexReferencePattern)

    /// The pattern in RE2 syntax.
    var rendered: String {
        switch self {
        case .literal(let scalar): return String(scalar)
        case .anyButNewline: return "."
        case .set(let members, let negated):
            return "[" + (negated ? "^" : "") + String(String.UnicodeScalarView(members)) + "]"
        case .beginningOfText: return "^"
        case .endOfText: return "$"
        case .wordBoundary: return "\\b"
        case .concatenation(let items):
            return items.map { item in
                if case .alternation = item { return "(?:\(item.rendered))" }
                return item.rendered
            }.joined()
        case .alternation(let branches): return branches.map(\.rendered).joined(separator: "|")
        case .repetition(let body, let minimum, let maximum, let lazy):
            let quantifier: String
            switch (minimum, maximum) {
            case (0, nil): quantifier = "*"
            case (1, nil): quantifier = "+"
            case (0, 1): quantifier = "?"
            case (let minimum, nil): quantifier = "{\(minimum),}"
            case (let minimum, let maximum?) where minimum == maximum: quantifier = "{\(minimum)}"
            case (let minimum, let maximum?): quantifier = "{\(minimum),\(maximum)}"
            }
            let atom: String
            switch body {
            case .literal, .anyButNewline, .set: atom = body.rendered
            default: atom = "(\(body.rendered))"
            }
            return atom + quantifier + (lazy ? "?" : "")
        case .caseInsensitive(let body): return "(?i:\(body.rendered))"
        }
    }

    /// True if the pattern matches somewhere in `text`.
    func search(_ text: [Unicode.Scalar]) -> Bool {
        (0...text.count).contains { start in
            match(text, at: start, ignoringCase: false) { _ in true }
        }
    }

    private func match(
        _ text: [Unicode.Scalar], at position: Int, ignoringCase: Bool, then continuation: (Int) -> Bool
    ) -> Bool {
        func equal(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Bool {
            ignoringCase ? String(left).lowercased() == String(right).lowercased() : left == right
        }
        func isWord(_ index: Int) -> Bool {
            guard index >= 0, index < text.count else { return false }
            let scalar = text[index]
            return scalar.isASCII && (scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar))
        }
        switch self {
        case .literal(let scalar):
            return position < text.count && equal(text[position], scalar) && continuation(position + 1)
        case .anyButNewline:
            return position < text.count && text[position] != "\n" && continuation(position + 1)
        case .set(let members, let negated):
            guard position < text.count else { return false }
            let found = members.contains { equal($0, text[position]) }
            return found != negated && continuation(position + 1)
        case .beginningOfText:
            return position == 0 && continuation(position)
        case .endOfText:
            return position == text.count && continuation(position)
        case .wordBoundary:
            return isWord(position - 1) != isWord(position) && continuation(position)
        case .concatenation(let items):
            return Self.matchSequence(items[...], text, at: position, ignoringCase: ignoringCase, then: continuation)
        case .alternation(let branches):
            return branches.contains { $0.match(text, at: position, ignoringCase: ignoringCase, then: continuation) }
        case .repetition(let body, let minimum, let maximum, _):
            return Self.matchRepetition(
                body, count: 0, minimum: minimum, maximum: maximum, text, at: position, ignoringCase: ignoringCase,
                then: continuation)
        case .caseInsensitive(let body):
            return body.match(text, at: position, ignoringCase: true, then: continuation)
        }
    }

    private static func matchSequence(
        _ items: ArraySlice<RegexReferencePattern>, _ text: [Unicode.Scalar], at position: Int, ignoringCase: Bool,
        then continuation: (Int) -> Bool
    ) -> Bool {
        guard let first = items.first else { return continuation(position) }
        return first.match(text, at: position, ignoringCase: ignoringCase) { next in
            matchSequence(items.dropFirst(), text, at: next, ignoringCase: ignoringCase, then: continuation)
        }
    }

    /// Tries one more copy of `body` before stopping; once the minimum is met a
    /// copy must consume something, which keeps empty loops finite.
    private static func matchRepetition(
        _ body: RegexReferencePattern, count: Int, minimum: Int, maximum: Int?, _ text: [Unicode.Scalar],
        at position: Int, ignoringCase: Bool, then continuation: (Int) -> Bool
    ) -> Bool {
        if let maximum, count == maximum { return continuation(position) }
        let more = body.match(text, at: position, ignoringCase: ignoringCase) { next in
            if count >= minimum && next == position { return false }
            return matchRepetition(
                body, count: count + 1, minimum: minimum, maximum: maximum, text, at: next,
                ignoringCase: ignoringCase, then: continuation)
        }
        return more || (count >= minimum && continuation(position))
    }
}
