/// Compiling the comprehension macros. `all`, `exists`, `exists_one` and
/// `count` get bool and number forms that run the predicate's bool form per
/// element, without building an intermediate list; so does `filter`
/// followed by `first()` or `last()`.
extension Compiler {
    /// `list.filter(x, p).first()` or `.last()` as one node that keeps the
    /// position of the match instead of building the filtered list; nil for
    /// any other call.
    func compileFilteredEnd(_ function: BuiltinFunction, _ arguments: [CheckedExpr], optional: Bool) -> CompiledNode? {
        guard !traced, !optional, arguments.count == 1, let end = ListEnd(rawValue: function.name),
            case .comprehension(let comprehension) = arguments[0].node, comprehension.kind == .filter,
            comprehension.transform == nil
        else { return nil }
        return compileComprehension(comprehension, picking: end, span: arguments[0].span)
    }

    /// `picking`: the end of the filtered list to give instead of the list.
    func compileComprehension(_ comprehension: Comprehension, picking end: ListEnd? = nil, span: Span) -> CompiledNode {
        let range = compile(comprehension.range).evaluate
        let rangeText = text(comprehension.range.span)
        let rangeSpan = comprehension.range.span
        let predicate: BoolEvaluator
        // The predicate's fused tree, tried first on each element: its node's
        // own form stays closures (see `compileLogical`). Non-optional, with
        // a flag, so that the loop does not retain it per element.
        var fusedPredicate: FusedCondition?
        if let condition = comprehension.predicate {
            let compiled = compile(condition)
            predicate = compiled.asBool
            fusedPredicate = compiled.fusedCondition
        } else {
            predicate = { _ in true }
        }
        let hasTree = fusedPredicate != nil
        let tree = fusedPredicate ?? FusedCondition()
        // A top `&&` or `||` of the tree, its sides tested by the loop itself (see `visitVerdicts`).
        let logical = fusedPredicate as? FusedLogical
        let isLogical = logical != nil
        let (left, right) = (logical?.left ?? tree, logical?.right ?? tree)
        let leftDecides = logical?.decisive ?? false
        let predicateText = comprehension.predicate.map { text($0.span) } ?? ""
        let predicateSpan = comprehension.predicate?.span ?? span
        let transform = comprehension.transform.map { compile($0).evaluate }
        let transformText = comprehension.transform.map { text($0.span) } ?? ""
        let transformSpan = comprehension.transform?.span ?? span
        let slot = comprehension.slot
        let kind = comprehension.kind
        let name = kind.rawValue

        /// The predicate's verdict on the current element: a bool, or nil
        /// with the error to pass on in `activation.escaped`.
        @Sendable func verdict(_ activation: Activation) -> Bool? {
            if hasTree {
                // The tree's verdict, else the general one with the steps taken back (see `FusedTrees.swift`).
                let steps = activation.steps
                if let flag = tree.test(activation) { return flag }
                activation.steps = steps
            }
            return generalVerdict(activation)
        }
        /// `verdict` by the predicate's general form alone.
        @Sendable func generalVerdict(_ activation: Activation) -> Bool? {
            if let flag = predicate(activation) { return flag }
            let value = activation.takeEscaped()
            switch value {
            case .error: return activation.escape(value)
            case .null: return activation.escape(nullOperand(predicateText, predicateSpan))
            default:
                return activation.escape(
                    .error(
                        EvalError("the condition of '\(name)' must be bool, got \(value.typeName)", at: predicateSpan)))
            }
        }
        /// The elements to visit, or nil with the error to return in `activation.escaped`.
        @Sendable func elements(_ activation: Activation) -> [Value]? {
            let container = range(activation)
            switch container {
            case .list(let list): return list
            case .map(let map): return map.keys.map(Value.string)
            case .error: return activation.escape(container)
            case .null: return activation.escape(nullOperand(rangeText, rangeSpan))
            default:
                return activation.escape(
                    .error(EvalError("'\(name)' ranges over a list or map, got \(container.typeName)", at: rangeSpan)))
            }
        }
        /// `body` of each position in `elements` in turn, with the
        /// comprehension variable at that element, until `body` gives a
        /// result. The variable points into `elements`, which is alive
        /// throughout (see `LocalSlots`).
        @inline(__always) @Sendable func visit<Result>(
            _ elements: [Value], _ activation: Activation, _ body: (Int) -> Result?
        ) -> Result? {
            elements.withUnsafeBufferPointer { buffer in
                for position in buffer.indices {
                    activation.locals[slot] = UnsafePointer(buffer.baseAddress.unsafelyUnwrapped + position)
                    if let result = body(position) { return result }
                }
                return nil
            }
        }
        /// `visit` with the predicate's verdict on each element (nil with
        /// the error escaped) for `body`, and `exhausted` once the step
        /// budget is spent. One tight loop: the slot checked once, the
        /// element lent by pointer, the tree called directly (its top `&&`
        /// or `||` taken apart here, a call less per element) and the
        /// general form only for an element the tree gives no verdict on.
        @inline(__always) @Sendable func visitVerdicts<Result>(
            _ elements: [Value], _ activation: Activation, exhausted: () -> Result, _ body: (Bool?) -> Result?
        ) -> Result? {
            elements.withUnsafeBufferPointer { buffer in
                guard let first = buffer.baseAddress else { return nil }
                let locals = activation.locals.prepared(slot)
                for element in first..<first + buffer.count {
                    locals[slot] = element
                    guard activation.takeStep() else { return exhausted() }
                    let steps = activation.steps
                    var flag: Bool?
                    if isLogical {
                        flag = left.test(activation)
                        if let leftFlag = flag, leftFlag != leftDecides { flag = right.test(activation) }
                    } else if hasTree {
                        flag = tree.test(activation)
                    }
                    if flag == nil {
                        activation.steps = steps
                        flag = generalVerdict(activation)
                    }
                    if let result = body(flag) { return result }
                }
                return nil
            }
        }
        @Sendable func budgetError(_ activation: Activation) -> Value {
            .error(EvalError("evaluation step budget of \(activation.stepBudget) exceeded", at: span))
        }

        switch kind {
        case .all, .exists:
            // Combined as && / || do: an error is absorbed if another element decides.
            let decisive = kind == .exists
            return .bool { activation in
                guard let visited = elements(activation) else { return nil }
                var pending: Value?
                // The outcome once it is decided: the decisive flag, or nil with the budget error escaped.
                let decided: Bool?? = visitVerdicts(
                    visited, activation, exhausted: { () -> Bool? in activation.escape(budgetError(activation)) }
                ) { verdict in
                    if let flag = verdict {
                        if flag == decisive { return .some(flag) }
                    } else if pending == nil {
                        pending = activation.takeEscaped()
                    }
                    return nil
                }
                if let decided { return decided }
                if let pending { return activation.escape(pending) }
                return !decisive
            }
        case .existsOne, .count:
            @Sendable func matches(_ activation: Activation) -> Int64? {
                guard let visited = elements(activation) else { return nil }
                var matches: Int64 = 0
                // Nil with the error escaped when the count stopped early.
                let stopped: Int64?? = visitVerdicts(
                    visited, activation, exhausted: { () -> Int64? in activation.escape(budgetError(activation)) }
                ) { verdict in
                    guard let flag = verdict else { return .some(nil) }
                    if flag { matches += 1 }
                    return nil
                }
                if let stopped { return stopped }
                return matches
            }
            if kind == .count { return .number { activation in matches(activation).map(Number.int) } }
            return .bool { activation in matches(activation).map { $0 == 1 } }
        case .filter, .map:
            @Sendable func tooLong(_ activation: Activation) -> Value {
                .error(
                    EvalError(
                        "'\(name)' would build a list of more than \(activation.maximumListSize) elements", at: span))
            }
            if let end {
                // Every element is still visited and tested, so that the
                // steps, errors and size limit are the filtered list's.
                let keepsLast = end == .last
                return CompiledNode(evaluate: { activation in
                    guard let visited = elements(activation) else { return activation.takeEscaped() }
                    var matches = 0
                    var picked: Int?
                    let failure: Value? = visit(visited, activation) { position in
                        guard activation.takeStep() else { return budgetError(activation) }
                        guard let keep = verdict(activation) else { return activation.takeEscaped() }
                        guard keep else { return nil }
                        guard matches < activation.maximumListSize else { return tooLong(activation) }
                        matches += 1
                        if keepsLast || picked == nil { picked = position }
                        return nil
                    }
                    return failure ?? picked.map { visited[$0] } ?? .null
                })
            }
            return CompiledNode(evaluate: { activation in
                guard let visited = elements(activation) else { return activation.takeEscaped() }
                var result: [Value] = []
                let failure: Value? = visit(visited, activation) { position in
                    guard activation.takeStep() else { return budgetError(activation) }
                    guard let keep = verdict(activation) else { return activation.takeEscaped() }
                    guard keep else { return nil }
                    var produced = visited[position]
                    if let transform {
                        produced = transform(activation)
                        if case .error = produced { return produced }
                        guard activation.takeSteps(forSizeOf: produced) else { return budgetError(activation) }
                    }
                    guard result.count < activation.maximumListSize else { return tooLong(activation) }
                    result.append(produced)
                    return nil
                }
                return failure ?? .list(result)
            })
        case .sum:
            return CompiledNode(evaluate: { activation in
                guard let visited = elements(activation) else { return activation.takeEscaped() }
                var total: Value = .int(0)
                let failure: Value? = visit(visited, activation) { _ in
                    guard activation.takeStep() else { return budgetError(activation) }
                    let value = transform?(activation) ?? .null
                    switch value {
                    case .int, .double:
                        total = attach(Arithmetic.add(total, value), span)
                        if case .error = total { return total }
                        return nil
                    case .error: return value
                    case .null: return nullOperand(transformText, transformSpan)
                    default: return .error(EvalError("'sum' adds numbers, got \(value.typeName)", at: span))
                    }
                }
                return failure ?? total
            })
        }
    }
}

/// The end of a list that `first()` or `last()` gives.
enum ListEnd: String {
    case first, last
}
