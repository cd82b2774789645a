/// Compiling field selection, `has`, indexing, `!` and map literals.
extension Compiler {
    func compileSelect(
        _ operand: CheckedExpr, field: String, slot: Int?, optional: Bool, type: ExprType, span: Span
    ) -> CompiledNode {
        let operandText = text(operand.span)
        let operandSpan = operand.span
        @Sendable func general(_ base: Value) -> Value {
            switch base {
            case .record(let record):
                if let slot, slot < record.fields.count { return record.fields[slot] }
                return record[field] ?? .error(EvalError("no field '\(field)' on \(record.type.name)", at: span))
            case .map(let map): return map[field] ?? .null
            case .null: return optional ? .null : nullOperand(operandText, operandSpan)
            case .error: return base
            default: return .error(EvalError("cannot select field '\(field)' of \(base.typeName)", at: span))
            }
        }
        // A field of a fixed variable (`tables.regions`), read when compiling.
        if case .record(let record)? = knownValue(operand), let slot, slot < record.fields.count {
            let value = record.fields[slot]
            return CompiledNode(evaluate: { _ in value })
        }
        // The common cases `lead.employees` and `e.type`: the field read in
        // place, with a bool or number form when the schema types it so.
        if !traced, let field = FieldReference(operand: operand, slot: slot) {
            let read: Evaluator = { activation in field.value(activation) ?? general(field.base(activation)) }
            switch type {
            case .bool:
                return CompiledNode(
                    evaluate: read,
                    form: .bool { activation in field.bool(activation) ?? activation.escape(read(activation)) })
            case .int, .double:
                var node = CompiledNode(
                    evaluate: read,
                    form: .number { activation in field.number(activation) ?? activation.escape(read(activation)) })
                node.fusedNumber = FusedField(field)
                return node
            default:
                return CompiledNode(evaluate: read)
            }
        }
        let compiled = compile(operand)
        let evaluate = compiled.evaluate
        return fold([compiled]) { general(evaluate($0)) }
    }

    func compileHas(_ operand: CheckedExpr, field: String, slot: Int?, span: Span) -> CompiledNode {
        let compiled = compile(operand)
        let evaluate = compiled.evaluate
        return fold([compiled]) { activation in
            let base = evaluate(activation)
            switch base {
            case .null: return .bool(false)
            case .error: return base
            case .record(let record):
                let value = (slot.flatMap { $0 < record.fields.count ? record.fields[$0] : nil }) ?? record[field]
                return .bool(value.map { !$0.isNull } ?? false)
            case .map(let map): return .bool(map[field].map { !$0.isNull } ?? false)
            default: return .error(EvalError("has() cannot test a field of \(base.typeName)", at: span))
            }
        }
    }

    func compileIndex(_ operand: CheckedExpr, _ index: CheckedExpr, span: Span) -> CompiledNode {
        let compiledOperand = compile(operand)
        let compiledIndex = compile(index)
        let evaluateOperand = compiledOperand.evaluate
        let evaluateIndex = compiledIndex.evaluate
        let operandText = text(operand.span)
        let indexText = text(index.span)
        @Sendable func general(_ base: Value, _ key: Value) -> Value {
            if case .error = base { return base }
            if case .error = key { return key }
            switch (base, key) {
            case (.null, _): return nullOperand(operandText, operand.span)
            case (.map(let map), .string(let name)): return map[name] ?? .null
            case (.map, .null): return .null
            case (.list(let elements), .int(let position)):
                guard position >= 0, position < elements.count else {
                    return .error(
                        EvalError(
                            "index \(position) is out of range for a list of \(elements.count) elements", at: span))
                }
                return elements[Int(position)]
            case (.list, .double(let number)):
                guard let position = Int64(exactly: number) else {
                    return .error(
                        EvalError("a list index must be a whole number, got \(formatDecimal(number))", at: span))
                }
                if case .list(let elements) = base, position >= 0, position < elements.count {
                    return elements[Int(position)]
                }
                return .error(EvalError("index \(position) is out of range", at: span))
            case (_, .null): return nullOperand(indexText, index.span)
            default:
                return .error(EvalError("cannot index \(base.typeName) with \(key.typeName)", at: span))
            }
        }
        // A table looked up by key (`tables.regions[lead.country]`): the table read when compiling.
        if case .map(let table)? = knownValue(operand) {
            let base = Value.map(table)
            let field = fieldReference(index)
            // Looked up by the key's bytes when the keys are ASCII.
            let keys = ASCIIKeyTable(table)
            return CompiledNode(evaluate: { activation in
                let key = field?.value(activation) ?? evaluateIndex(activation)
                guard case .string(let name) = key else { return general(base, key) }
                return keys?.value(for: name) ?? table[name] ?? .null
            })
        }
        return fold([compiledOperand, compiledIndex]) { activation in
            let base = evaluateOperand(activation)
            if case .error = base { return base }
            return general(base, evaluateIndex(activation))
        }
    }

    func compileNot(_ operand: CheckedExpr, span: Span) -> CompiledNode {
        let compiled = compile(operand)
        let test = compiled.asBool
        let operandText = text(operand.span)
        return fold(
            [compiled],
            .bool { activation in
                if let flag = test(activation) { return !flag }
                let value = activation.takeEscaped()
                switch value {
                case .error: return activation.escape(value)
                case .null: return activation.escape(nullOperand(operandText, operand.span))
                default:
                    return activation.escape(.error(EvalError("'!' needs a bool, got \(value.typeName)", at: span)))
                }
            })
    }

    func compileMap(_ entries: [CheckedMapEntry], span: Span) -> CompiledNode {
        let keys = entries.map { compile($0.key) }
        let values = entries.map { compile($0.value) }
        let keyEvaluators = keys.map(\.evaluate)
        let valueEvaluators = values.map(\.evaluate)
        let keySpans = entries.map(\.key.span)
        return fold(keys + values) { activation in
            var pairs: [(String, Value)] = []
            pairs.reserveCapacity(keyEvaluators.count)
            for position in keyEvaluators.indices {
                let key = keyEvaluators[position](activation)
                guard case .string(let name) = key else {
                    if case .error = key { return key }
                    return .error(EvalError("map keys must be strings, got \(key.typeName)", at: keySpans[position]))
                }
                let value = valueEvaluators[position](activation)
                if case .error = value { return value }
                pairs.append((name, value))
            }
            return .map(MapValue(pairs))
        }
    }
}
