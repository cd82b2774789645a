import BatonLang

/// The tables that loaded, and the type of every table written, loaded or
/// not, so that expressions naming a table that failed are still checked.
struct LoadedTables {
    var tables: [Table] = []
    var fields: [RecordType.Field] = []
}

extension LoadSession {
    /// Reads `tables:`: inline map and list tables, and CSV tables.
    mutating func loadTables(_ node: RuleNode?, schema: Schema) -> LoadedTables {
        var loaded = LoadedTables()
        guard let node, !node.isNull else { return loaded }
        guard case .mapping(let entries) = node.content else {
            error(
                RuleDiagnosticCode.wrongType,
                "tables: expected a mapping of table name to table, got \(node.described)", at: node)
            return loaded
        }
        for entry in entries {
            let path = "tables.\(entry.key)"
            guard isIdentifier(entry.key) else {
                error(
                    RuleDiagnosticCode.invalidValue,
                    "\(path): a table name must be letters, digits and '_', not starting with a digit (it is used as tables.NAME)",
                    at: entry.keyNode, file: entry.file)
                continue
            }
            let position = files[entry.file].source.position(ofOffset: entry.keyNode.start.offset)
            let location = SourceLocation(file: files[entry.file].path, line: position.line, column: position.column)
            var table: Table?
            var intendedType = ExprType.dyn
            switch entry.value.content {
            case .mapping(let fields) where fields.contains(where: { $0.key == "csv" }):
                if let typeName = fields.first(where: { $0.key == "type" })?.value.scalar?.text,
                    schema[typeName] != nil,
                    !Self.builtInRecordNames.contains(typeName)
                {
                    intendedType = .map(.record(typeName))
                }
                table = loadCSVTable(entry.value, name: entry.key, path: path, schema: schema, location: location)
            case .mapping, .sequence:
                if let (value, type) = inlineValue(entry.value, path: path) {
                    table = Table(name: entry.key, type: type, value: value, location: location)
                }
            case .scalar:
                error(
                    RuleDiagnosticCode.wrongType,
                    "\(path): expected a mapping, a list or a CSV table ({csv, type, key}), got \(entry.value.described)",
                    at: entry.value)
            }
            if let table { loaded.tables.append(table) }
            loaded.fields.append(RecordType.Field(name: entry.key, type: table?.type ?? intendedType, required: true))
        }
        return loaded
    }

    /// The value of an inline table entry and its inferred type; mixed types
    /// are an error (ints and doubles mix as doubles).
    private mutating func inlineValue(_ node: RuleNode, path: String) -> (Value, ExprType)? {
        switch node.content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null:
                error(RuleDiagnosticCode.invalidValue, "\(path): a table cannot hold null", at: node)
                return nil
            case .bool(let value): return (.bool(value), .bool)
            case .int(let value): return (.int(value), .int)
            case .double(let value): return (.double(value), .double)
            case .string(let value): return (.string(value), .string)
            }
        case .sequence(let elements):
            var values: [Value] = []
            var elementType = ExprType.dyn
            var failed = false
            for (index, element) in elements.enumerated() {
                guard let (value, type) = inlineValue(element, path: "\(path)[\(index)]") else {
                    failed = true
                    continue
                }
                guard let unified = unify(elementType, type) else {
                    error(
                        RuleDiagnosticCode.wrongType,
                        "\(path)[\(index)]: mixed types in a table: \(type) here, \(elementType) before", at: element)
                    failed = true
                    continue
                }
                elementType = unified
                values.append(value)
            }
            guard !failed else { return nil }
            return (.list(values.map { promote($0, to: elementType) }), .list(elementType))
        case .mapping(let entries):
            var values: [(String, Value)] = []
            var valueType = ExprType.dyn
            var failed = false
            for entry in entries {
                guard let (value, type) = inlineValue(entry.value, path: "\(path).\(entry.key)") else {
                    failed = true
                    continue
                }
                guard let unified = unify(valueType, type) else {
                    error(
                        RuleDiagnosticCode.wrongType,
                        "\(path).\(entry.key): mixed types in a table: \(type) here, \(valueType) before",
                        at: entry.value)
                    failed = true
                    continue
                }
                valueType = unified
                values.append((entry.key, value))
            }
            guard !failed else { return nil }
            return (.map(MapValue(values.map { ($0.0, promote($0.1, to: valueType)) })), .map(valueType))
        }
    }

    /// The common type of two inferred types, or nil when they do not mix.
    private func unify(_ a: ExprType, _ b: ExprType) -> ExprType? {
        switch (a, b) {
        case (.dyn, _): return b
        case (_, .dyn): return a
        case (.int, .double), (.double, .int): return .double
        case (.list(let x), .list(let y)): return unify(x, y).map { .list($0) }
        case (.map(let x), .map(let y)): return unify(x, y).map { .map($0) }
        default: return a == b ? a : nil
        }
    }

    /// Ints in a table whose type became `double` are stored as doubles.
    private func promote(_ value: Value, to type: ExprType) -> Value {
        switch (value, type) {
        case (.int(let integer), .double): return .double(Double(integer))
        case (.list(let elements), .list(let element)): return .list(elements.map { promote($0, to: element) })
        case (.map(let map), .map(let element)):
            return .map(MapValue(map.entries.map { ($0.key, promote($0.value, to: element)) }))
        default: return value
        }
    }
}
