extension RegexParser {
    /// The ASCII classes RE2 accepts inside brackets, as in `[[:alpha:]]`.
    private static let posixClasses: [String: [ClosedRange<UInt32>]] = [
        "alnum": [0x30...0x39, 0x41...0x5A, 0x61...0x7A],
        "alpha": [0x41...0x5A, 0x61...0x7A],
        "ascii": [0x00...0x7F],
        "blank": [0x09...0x09, 0x20...0x20],
        "cntrl": [0x00...0x1F, 0x7F...0x7F],
        "digit": [0x30...0x39],
        "graph": [0x21...0x7E],
        "lower": [0x61...0x7A],
        "print": [0x20...0x7E],
        "punct": [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E],
        "space": [0x09...0x0D, 0x20...0x20],
        "upper": [0x41...0x5A],
        "word": [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A],
        "xdigit": [0x30...0x39, 0x41...0x46, 0x61...0x66],
    ]

    /// Reads a bracket class such as `[a-z_]`, `[^\d\s]` or `[]a]`, starting at `[`.
    mutating func parseBracketClass() throws(RegexSyntaxError) -> RegexNode {
        let open = position
        position += 1
        let negated = peek() == "^"
        if negated { position += 1 }
        var set = RegexCharacterSet()
        var isFirst = true
        while true {
            guard let scalar = peek() else { throw error("missing closing ']'", at: open) }
            if scalar == "]" && !isFirst { break }
            isFirst = false
            if scalar == "[" && peek(1) == ":", let posix = try parsePosixClass() {
                set.insert(contentsOf: posix)
                continue
            }
            let itemStart = position
            switch try parseClassItem() {
            case .set(let members):
                set.insert(contentsOf: members)
            case .scalar(let low):
                guard peek() == "-", let afterDash = peek(1), afterDash != "]" else {
                    set.insert(low.value...low.value)
                    continue
                }
                position += 1
                guard case .scalar(let high) = try parseClassItem() else {
                    throw error("invalid character range: a class like '\\d' cannot end a range", at: itemStart)
                }
                guard low.value <= high.value else {
                    throw error("invalid character range '\(text(from: itemStart, to: position))'", at: itemStart)
                }
                set.insert(low.value...high.value)
            case .assertion:
                // parseEscapedItem rejects assertions inside a class.
                throw error("invalid escape inside a character class", at: itemStart)
            }
        }
        position += 1
        if flags.caseInsensitive { set = set.caseFolded() }
        if negated { set = set.inverted() }
        return .characterSet(set)
    }

    /// Reads one scalar or escape inside a bracket class.
    private mutating func parseClassItem() throws(RegexSyntaxError) -> EscapedItem {
        guard let scalar = peek() else { throw error("missing closing ']'", at: position) }
        if scalar == "\\" { return try parseEscapedItem(insideClass: true) }
        position += 1
        return .scalar(scalar)
    }

    /// Reads `[:name:]` or `[:^name:]` if it is well formed; `nil` leaves `[` as a literal.
    private mutating func parsePosixClass() throws(RegexSyntaxError) -> RegexCharacterSet? {
        let start = position
        var index = position + 2
        while index + 1 < scalars.count, !(scalars[index] == ":" && scalars[index + 1] == "]") {
            if scalars[index] == "]" { return nil }
            index += 1
        }
        guard index + 1 < scalars.count else { return nil }
        var name = text(from: start + 2, to: index)
        let negated = name.hasPrefix("^")
        if negated { name.removeFirst() }
        guard let ranges = Self.posixClasses[name] else {
            throw error("unknown character class '[:\(text(from: start + 2, to: index)):]'", at: start)
        }
        position = index + 2
        let set = RegexCharacterSet(ranges: ranges)
        return negated ? set.inverted() : set
    }
}
