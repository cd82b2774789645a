extension RegexParser {
    /// Reads a group starting at `(`: plain, non-capturing, named, or a flag group.
    ///
    /// Returns `nil` for `(?flags)`, which changes the flags for the rest of the
    /// enclosing group and matches nothing itself.
    mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode? {
        let open = position
        let outerFlags = flags
        position += 1
        if peek() == "?" {
            if isNext("?=") || isNext("?!") || isNext("?<=") || isNext("?<!") {
                throw error("lookaround is not supported", at: open)
            }
            if isNext("?P=") || isNext("?P>") || isNext("?&") {
                throw error("backreferences are not supported", at: open)
            }
            if isNext("?P<") || isNext("?<") {
                position += isNext("?P<") ? 3 : 2
                try skipGroupName(groupStart: open)
            } else {
                position += 1
                let isFlagGroup = try parseFlags(groupStart: open)
                if isFlagGroup { return nil }
            }
        }
        return try parseGroupBody(open: open, restoring: outerFlags)
    }

    /// Parses up to and including the group's `)`; flags set inside end with it.
    private mutating func parseGroupBody(open: Int, restoring outerFlags: Flags) throws(RegexSyntaxError)
        -> RegexNode
    {
        depth += 1
        if depth > Self.maximumNestingDepth {
            throw error("pattern nests too deeply (more than \(Self.maximumNestingDepth) groups)", at: open)
        }
        let body = try parseAlternation()
        guard peek() == ")" else { throw error("missing closing ')'", at: open) }
        position += 1
        flags = outerFlags
        depth -= 1
        return body
    }

    /// Skips `name>` of a named group; the name must be a word.
    private mutating func skipGroupName(groupStart: Int) throws(RegexSyntaxError) {
        let nameStart = position
        while let scalar = peek(), scalar != ">" {
            guard RegexCharacterSet.wordCharacters.contains(scalar.value) else {
                throw error("invalid group name: use letters, digits and '_'", at: position)
            }
            position += 1
        }
        if isAtEnd { throw error("missing '>' after the group name", at: groupStart) }
        if position == nameStart { throw error("empty group name", at: groupStart) }
        position += 1
    }

    /// Reads `flags)` or `flags:` after `(?`; true for the former (a flag group).
    ///
    /// Flags are `i`, `m`, `s` and `U` (`U` swaps lazy and greedy, which does not
    /// change a yes/no search), optionally negated after a `-`, as in RE2.
    private mutating func parseFlags(groupStart: Int) throws(RegexSyntaxError) -> Bool {
        var negated = false
        var sawFlag = false
        var sawFlagAfterMinus = false
        while let scalar = peek() {
            switch scalar {
            case "i": flags.caseInsensitive = !negated
            case "m": flags.multiline = !negated
            case "s": flags.dotMatchesNewline = !negated
            case "U": break
            case "-":
                if negated { throw error("invalid flag group: more than one '-'", at: position) }
                negated = true
                position += 1
                continue
            case ")", ":":
                if !sawFlag && !negated && scalar == ")" {
                    throw error("invalid flag group: no flags", at: groupStart)
                }
                if negated && !sawFlagAfterMinus {
                    throw error("invalid flag group: no flag after '-'", at: position)
                }
                position += 1
                return scalar == ")"
            default:
                if (0x31...0x39).contains(scalar.value) {
                    throw error("backreferences are not supported", at: groupStart)
                }
                throw error("unknown group flag '\(scalar)'", at: position)
            }
            sawFlag = true
            if negated { sawFlagAfterMinus = true }
            position += 1
        }
        throw error("missing closing ')'", at: groupStart)
    }
}
