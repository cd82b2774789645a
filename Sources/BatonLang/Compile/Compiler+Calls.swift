/// Compiling built-in calls: arguments evaluated left to right, errors
/// passed on, null arguments named, a specialised implementation when the
/// checker prepared one (a regular expression compiled once).
extension Compiler {
    func compileCall(
        _ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool,
        specialized: BuiltinImplementation?, span: Span
    ) -> CompiledNode {
        let general = compileGeneralCall(function, arguments, optional: optional, specialized: specialized, span: span)
        return fusedLowerTest(function, arguments, optional: optional, general: general) ?? general
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
        guard !traced, !optional, general.constant == nil, let test = UnicodeText.SubstringTest(function: function.name), arguments.count == 2,
            case .call(let inner, let innerArguments, false, nil) = arguments[0].node, inner.name == "lower",
            innerArguments.count == 1, case .constant(.string(let needle)) = arguments[1].node,
            needle.utf8.allSatisfy({ $0 < 0x80 }), needle == UnicodeText.lower(needle)
        else { return nil }
        let evaluateText = compile(innerArguments[0]).evaluate
        // The general form decides every case but an ASCII string (nulls, errors, other text).
        let slowPath = general.evaluate
        return CompiledNode(evaluate: { activation in
            if case .string(let value) = evaluateText(activation),
                let result = UnicodeText.asciiLowercased(value, test, needle)
            {
                return .bool(result)
            }
            return slowPath(activation)
        })
    }

    func compileComprehension(_ comprehension: Comprehension, span: Span) -> CompiledNode {
        let range = compile(comprehension.range).evaluate
        let rangeText = text(comprehension.range.span)
        let rangeSpan = comprehension.range.span
        let predicate = comprehension.predicate.map { compile($0).evaluate }
        let predicateText = comprehension.predicate.map { text($0.span) } ?? ""
        let predicateSpan = comprehension.predicate?.span ?? span
        let transform = comprehension.transform.map { compile($0).evaluate }
        let transformText = comprehension.transform.map { text($0.span) } ?? ""
        let transformSpan = comprehension.transform?.span ?? span
        let slot = comprehension.slot
        let kind = comprehension.kind
        let name = kind.rawValue

        /// The predicate's verdict for the current element: a bool or an error value.
        @Sendable func verdict(_ activation: Activation) -> Value {
            guard let predicate else { return .bool(true) }
            let value = predicate(activation)
            switch value {
            case .bool, .error: return value
            case .null: return nullOperand(predicateText, predicateSpan)
            default:
                return .error(
                    EvalError("the condition of '\(name)' must be bool, got \(value.typeName)", at: predicateSpan))
            }
        }

        return CompiledNode(evaluate: { activation in
            let container = range(activation)
            let elements: ComprehensionElements
            switch container {
            case .list(let list): elements = .list(list)
            case .map(let map): elements = .keys(map.keys)
            case .error: return container
            case .null: return nullOperand(rangeText, rangeSpan)
            default:
                return .error(EvalError("'\(name)' ranges over a list or map, got \(container.typeName)", at: rangeSpan))
            }
            var budgetError: Value {
                .error(EvalError("evaluation step budget of \(activation.stepBudget) exceeded", at: span))
            }
            var listCapError: Value {
                .error(EvalError("'\(name)' would build a list of more than \(activation.maximumListSize) elements", at: span))
            }
            switch kind {
            case .all, .exists:
                // Combined as && / || do: an error is absorbed if another element decides.
                let decisive = kind == .exists
                var pending: Value?
                for position in 0..<elements.count {
                    guard activation.takeStep() else { return budgetError }
                    activation.locals[slot] = elements[position]
                    let value = verdict(activation)
                    if case .bool(let flag) = value {
                        if flag == decisive { return value }
                    } else if pending == nil {
                        pending = value
                    }
                }
                return pending ?? .bool(!decisive)
            case .existsOne, .count:
                var matches: Int64 = 0
                for position in 0..<elements.count {
                    guard activation.takeStep() else { return budgetError }
                    activation.locals[slot] = elements[position]
                    let value = verdict(activation)
                    guard case .bool(let flag) = value else { return value }
                    if flag { matches += 1 }
                }
                return kind == .count ? .int(matches) : .bool(matches == 1)
            case .filter, .map:
                var result: [Value] = []
                for position in 0..<elements.count {
                    guard activation.takeStep() else { return budgetError }
                    let element = elements[position]
                    activation.locals[slot] = element
                    let value = verdict(activation)
                    guard case .bool(let keep) = value else { return value }
                    guard keep else { continue }
                    var produced = element
                    if let transform {
                        produced = transform(activation)
                        if case .error = produced { return produced }
                        guard activation.takeSteps(forSizeOf: produced) else { return budgetError }
                    }
                    guard result.count < activation.maximumListSize else { return listCapError }
                    result.append(produced)
                }
                return .list(result)
            case .sum:
                var total: Value = .int(0)
                for position in 0..<elements.count {
                    guard activation.takeStep() else { return budgetError }
                    activation.locals[slot] = elements[position]
                    let value = transform?(activation) ?? .null
                    switch value {
                    case .int, .double:
                        total = attach(Arithmetic.add(total, value), span)
                        if case .error = total { return total }
                    case .error: return value
                    case .null: return nullOperand(transformText, transformSpan)
                    default: return .error(EvalError("'sum' adds numbers, got \(value.typeName)", at: span))
                    }
                }
                return total
            }
        })
    }
}

/// The elements a comprehension visits: a list's elements or a map's keys.
enum ComprehensionElements {
    case list([Value])
    case keys([String])

    var count: Int {
        switch self {
        case .list(let elements): elements.count
        case .keys(let keys): keys.count
        }
    }

    subscript(position: Int) -> Value {
        switch self {
        case .list(let elements): elements[position]
        case .keys(let keys): .string(keys[position])
        }
    }
}
