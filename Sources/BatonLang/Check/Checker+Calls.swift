/// Typing of calls: the macros (`has` and the comprehensions) and the
/// built-in functions in global and receiver form.
extension Checker {
    mutating func checkCall(
        receiver: Expr?, function: String, args: [Expr], optional: Bool, nameSpan: Span, span: Span
    ) -> CheckedExpr {
        if receiver == nil && function == "has" {
            return checkHas(args, span: span)
        }
        if let receiver, let kind = Comprehension.Kind(rawValue: function),
            kind != .sum || !args.isEmpty
        {
            return checkComprehension(kind, receiver: receiver, args: args, nameSpan: nameSpan, span: span)
        }
        guard let builtin = Builtins.byName[function] else {
            if Builtins.macroNames.contains(function) {
                let form = function == "has" ? "has(x.field)" : "list.\(function)(x, ...)"
                error(DiagnosticCode.invalidMacro, "'\(function)' is a macro: write it as \(form)", at: nameSpan)
                // Its arguments name a variable that is not bound here: checking them would only cascade.
                return failed(span)
            } else {
                error(
                    DiagnosticCode.unknownFunction,
                    Suggestions.message("unknown function '\(function)'", name: function, among: Builtins.allNames),
                    at: nameSpan)
            }
            _ = (receiver.map { [$0] } ?? []).map { check($0) }
            _ = args.map { check($0) }
            return failed(span)
        }
        var arguments: [CheckedExpr] = []
        if let receiver { arguments.append(check(receiver)) }
        for argument in args { arguments.append(check(argument)) }
        guard
            let type = checkArguments(builtin, arguments, receiverForm: receiver != nil, nameSpan: nameSpan, span: span)
        else { return failed(span) }
        var specialized: BuiltinImplementation?
        if let specialize = builtin.specializeForConstantSecondArgument, arguments.count >= 2,
            case .constant(let constant) = arguments[1].node
        {
            switch specialize(constant) {
            case .success(let implementation): specialized = implementation
            case .failure(let failure):
                error(failure.code, failure.message, at: arguments[1].span)
                return failed(span)
            }
        }
        return CheckedExpr(
            node: .call(builtin, arguments, optional: optional, specialized: specialized),
            type: optional ? type.joined(with: .null) : type, span: span)
    }

    /// Checks argument count and types against the overloads; the result type, or nil after reporting.
    private mutating func checkArguments(
        _ builtin: BuiltinFunction, _ arguments: [CheckedExpr], receiverForm: Bool, nameSpan: Span, span: Span
    ) -> ExprType? {
        let candidates = builtin.overloads.filter { $0.accepts(count: arguments.count) }
        guard !candidates.isEmpty else {
            let shift = receiverForm ? 1 : 0
            var expected = builtin.arities.map { String($0 - shift) }.filter { $0 != "-1" }
            if let minimum = builtin.variadicMinimum { expected.append("\(minimum - shift) or more") }
            let expectedText = expected.isEmpty ? "none" : expected.joined(separator: " or ")
            error(
                DiagnosticCode.wrongArgumentCount,
                "wrong number of arguments to '\(builtin.name)': expected \(expectedText), got \(arguments.count - shift)",
                at: span)
            return nil
        }
        let types = arguments.map(\.type)
        let matching = candidates.filter { overload in
            types.indices.allSatisfy { overload.parameter(at: $0)?.accepts(types[$0]) ?? false }
        }
        guard let first = matching.first else {
            let got = "(" + types.map(\.description).joined(separator: ", ") + ")"
            let expected = candidates.map(\.text).joined(separator: " or ")
            error(
                DiagnosticCode.wrongArgumentType,
                "wrong argument type for '\(builtin.name)': got \(got), expected \(expected)", at: span)
            return nil
        }
        let resultType = first.result.type(for: types)
        return matching.dropFirst().allSatisfy({ $0.result.type(for: types) == resultType }) ? resultType : .dyn
    }

    private mutating func checkHas(_ args: [Expr], span: Span) -> CheckedExpr {
        guard args.count == 1, case .select(let operand, let field, false, let fieldSpan) = args[0].kind else {
            error(DiagnosticCode.invalidMacro, "has() needs one field selection, like has(lead.phone)", at: span)
            _ = args.map { check($0) }
            return failed(span)
        }
        let checkedOperand = check(operand)
        guard let (_, slot) = fieldType(of: checkedOperand.type, field: field, optional: false, fieldSpan: fieldSpan)
        else { return failed(span) }
        return CheckedExpr(node: .has(checkedOperand, field: field, slot: slot), type: .bool, span: span)
    }

    private mutating func checkComprehension(
        _ kind: Comprehension.Kind, receiver: Expr, args: [Expr], nameSpan: Span, span: Span
    ) -> CheckedExpr {
        let name = kind.rawValue
        let range = check(receiver)
        let expectedCount = kind == .map ? "2 or 3" : "2"
        guard args.count == 2 || (kind == .map && args.count == 3) else {
            error(
                DiagnosticCode.invalidMacro,
                "'\(name)' takes \(expectedCount) arguments (a variable name, then expressions), got \(args.count)",
                at: span)
            return failed(span)
        }
        guard case .identifier(let variable) = args[0].kind else {
            error(
                DiagnosticCode.invalidMacro, "the first argument of '\(name)' must be a variable name",
                at: args[0].span)
            return failed(span)
        }
        if namesInScope.contains(variable) {
            error(
                DiagnosticCode.shadowedVariable,
                "'\(variable)' is already a name in scope; choose another name for the variable of '\(name)'",
                at: args[0].span)
            return failed(span)
        }
        let variableType: ExprType
        switch range.type {
        case .list(let element): variableType = element
        case .map: variableType = .string
        case .dyn: variableType = .dyn
        default:
            error(DiagnosticCode.typeMismatch, "'\(name)' ranges over a list or map, got \(range.type)", at: range.span)
            return failed(span)
        }
        locals.append((variable, variableType))
        let slot = locals.count - 1
        noteLocalCount(locals.count)
        defer { locals.removeLast() }

        var predicate: CheckedExpr?
        var transform: CheckedExpr?
        switch kind {
        case .all, .exists, .existsOne, .filter, .count:
            predicate = check(args[1])
        case .map:
            if args.count == 3 {
                predicate = check(args[1])
                transform = check(args[2])
            } else {
                transform = check(args[1])
            }
        case .sum:
            transform = check(args[1])
        }
        if let predicate {
            requireBool(predicate, code: DiagnosticCode.nonBoolCondition, what: "the condition of '\(name)'")
        }
        let type: ExprType
        switch kind {
        case .all, .exists, .existsOne: type = .bool
        case .count: type = .int
        case .filter: type = .list(variableType)
        case .map: type = .list(transform?.type ?? .dyn)
        case .sum:
            let transformType = transform?.type ?? .dyn
            switch transformType {
            case .int, .double, .dyn: type = transformType
            default:
                error(
                    DiagnosticCode.typeMismatch, "'sum' adds numbers, got \(transformType)",
                    at: transform?.span ?? span)
                return failed(span)
            }
        }
        let comprehension = Comprehension(
            kind: kind, range: range, slot: slot, predicate: predicate, transform: transform)
        return CheckedExpr(node: .comprehension(comprehension), type: type, span: span)
    }
}
