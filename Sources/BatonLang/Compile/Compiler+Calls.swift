/// Compiling built-in calls: arguments evaluated left to right, errors
/// passed on, null arguments named, a specialised implementation when the
/// checker prepared one (a regular expression compiled once).
extension Compiler {
    func compileCall(
        _ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool,
        specialized: BuiltinImplementation?, span: Span
    ) -> CompiledNode {
        if let picked = compileFilteredEnd(function, arguments, optional: optional) { return picked }
        let general = compileGeneralCall(function, arguments, optional: optional, specialized: specialized, span: span)
        return fusedLowerTest(function, arguments, optional: optional, general: general)
            ?? constantSubstringTest(function, arguments, optional: optional, general: general) ?? general
    }

    private func compileGeneralCall(
        _ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool,
        specialized: BuiltinImplementation?, span: Span
    ) -> CompiledNode {
        let compiled = arguments.map(compile)
        let evaluators = compiled.map(\.evaluate)
        let texts = arguments.map { text($0.span) }
        let spans = arguments.map(\.span)
        let acceptsNull = function.acceptsNull
        let implementation = specialized ?? function.implementation

        /// The argument itself, or the value to return instead (an error, or
        /// null for an optional call on a null receiver).
        @Sendable func admit(_ value: Value, _ position: Int) -> Value? {
            switch value {
            case .error: return value
            case .null where position == 0 && optional: return .null
            case .null where !acceptsNull: return nullOperand(texts[position], spans[position])
            default: return nil
            }
        }

        let node: Evaluator
        switch implementation {
        case .unary(let apply) where evaluators.count == 1:
            let first = evaluators[0]
            node = { activation in
                let argument = first(activation)
                if let early = admit(argument, 0) { return early }
                return attach(apply(argument), span)
            }
        case .unaryWithNow(let apply) where evaluators.count == 1:
            let first = evaluators[0]
            node = { activation in
                let argument = first(activation)
                if let early = admit(argument, 0) { return early }
                return attach(apply(argument, activation.now), span)
            }
            // Depends on the evaluation time: never folded.
            return CompiledNode(evaluate: node)
        case .binary(let apply) where evaluators.count == 2:
            let first = evaluators[0]
            let second = evaluators[1]
            node = { activation in
                let argument = first(activation)
                if let early = admit(argument, 0) { return early }
                let other = second(activation)
                if let early = admit(other, 1) { return early }
                return attach(apply(argument, other), span)
            }
        case .ternary(let apply) where evaluators.count == 3:
            // Like `.binary`: the arguments in locals, not in an array built per call.
            let (first, second, third) = (evaluators[0], evaluators[1], evaluators[2])
            node = { activation in
                let argument = first(activation)
                if let early = admit(argument, 0) { return early }
                let other = second(activation)
                if let early = admit(other, 1) { return early }
                let last = third(activation)
                if let early = admit(last, 2) { return early }
                return attach(apply(argument, other, last), span)
            }
        default:
            node = { activation in
                var values: [Value] = []
                values.reserveCapacity(evaluators.count)
                for (position, evaluate) in evaluators.enumerated() {
                    let value = evaluate(activation)
                    if let early = admit(value, position) { return early }
                    values.append(value)
                }
                return attach(implementation.apply(values, now: activation.now), span)
            }
        }
        return fold(compiled, node)
    }

    /// `s.lower().contains("vp")` (and `startsWith`, `endsWith`) with an ASCII
    /// lower-case literal: tested on the bytes of an ASCII `s` without building
    /// its lower-cased copy. Anything else takes the general path.
    private func fusedLowerTest(
        _ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool, general: CompiledNode
    ) -> CompiledNode? {
        guard !traced, !optional, general.constant == nil,
            let test = UnicodeText.SubstringTest(function: function.name), arguments.count == 2,
            case .call(let inner, let innerArguments, false, nil) = arguments[0].node, inner.name == "lower",
            innerArguments.count == 1, case .constant(.string(let needle)) = arguments[1].node,
            needle.utf8.allSatisfy({ $0 < 0x80 }), needle == UnicodeText.lower(needle)
        else { return nil }
        let evaluateText = compile(innerArguments[0]).evaluate
        let pattern = Array(needle.utf8)
        // The general form decides every case but an ASCII string (nulls, errors, other text).
        let slowPath = general.evaluate
        if let (field, whenNull) = testedField(innerArguments[0]) {
            return fieldSubstringTest(
                FieldSubstringTest(field: field, whenNull: whenNull, kind: test, pattern: pattern, lowering: true),
                slowPath)
        }
        return .bool { activation in
            if case .string(let value) = evaluateText(activation),
                let result = UnicodeText.asciiLowercased(value, test, pattern)
            {
                return result
            }
            return settleBool(slowPath(activation), activation)
        }
    }

    /// `s.contains("x")` (and `startsWith`, `endsWith`) with a literal: the
    /// bytes of `s` searched directly. Anything but a string `s` takes the
    /// general path.
    private func constantSubstringTest(
        _ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool, general: CompiledNode
    ) -> CompiledNode? {
        guard !traced, !optional, general.constant == nil, arguments.count == 2,
            let test = UnicodeText.SubstringTest(function: function.name),
            case .constant(.string(let needle)) = arguments[1].node
        else { return nil }
        let evaluateText = compile(arguments[0]).evaluate
        let slowPath = general.evaluate
        let pattern = Array(needle.utf8)
        if let (field, whenNull) = testedField(arguments[0]) {
            return fieldSubstringTest(
                FieldSubstringTest(field: field, whenNull: whenNull, kind: test, pattern: pattern, lowering: false),
                slowPath)
        }
        return .bool { activation in
            if case .string(let value) = evaluateText(activation) { return UnicodeText.test(value, test, pattern) }
            return settleBool(slowPath(activation), activation)
        }
    }

    /// The field a substring test reads in place, and the text it tests
    /// instead when the field is null: `e.url` (none), or `(e.url ?? "")`.
    private func testedField(_ expr: CheckedExpr) -> (field: FieldReference, whenNull: String?)? {
        guard let (field, whenNull) = fieldWithDefault(expr) else { return nil }
        switch whenNull {
        case nil: return (field, nil)
        case .string(let text)?: return (field, text)
        default: return nil
        }
    }

    /// A field's substring test, with `slowPath` for what its fast path does not decide.
    private func fieldSubstringTest(_ substring: FieldSubstringTest, _ slowPath: @escaping Evaluator) -> CompiledNode {
        var node = CompiledNode.bool { activation in
            substring.fastVerdict(activation) ?? settleBool(slowPath(activation), activation)
        }
        node.fusedCondition = substring
        return node
    }
}
