import BatonLang

extension LoadSession {
    /// The compile environments of the ruleset (language.md "Names in scope"),
    /// and the schema completed with the `tables` record.
    func makeScopes(schema declared: Schema, tables: LoadedTables, accountType: ExprType) -> (RuleScopes, Schema) {
        var schema = declared
        let tablesType = RecordType(name: "tables", fields: tables.fields)
        schema.add(tablesType)
        if schema["lead"] == nil { schema.add(RecordType(name: "lead", fields: [])) }
        // The tables are the same for every lead: programs look up in them directly.
        let tablesValue = Ruleset.tablesRecord(type: tablesType, tables: tables.tables)
        let base = [Variable("lead", .record("lead")), Variable("tables", .record("tables"), value: tablesValue)]
        let scoring = base + [Variable("account", accountType)]
        let scopes = RuleScopes(
            accountMatch: Environment(schema: schema, variables: base),
            scoring: Environment(schema: schema, variables: scoring),
            event: Environment(schema: schema, variables: scoring + [Variable("event", Self.eventType(in: schema))]),
            decision: Environment(schema: schema, variables: scoring + [Variable("score", .record("score"))]))
        return (scopes, schema)
    }

    /// The type of `event` in per-event rules: the element type of `lead.events`.
    static func eventType(in schema: Schema) -> ExprType {
        if let lead = schema["lead"], let slot = lead.slot(of: "events"),
            case .list(let element) = lead.fields[slot].type
        {
            return element
        }
        return schema["event"] != nil ? .record("event") : .dyn
    }

    /// The type of `account`: the row type of the accounts table, or null
    /// when the ruleset does not match accounts.
    static func accountType(tableName: String?, tables: LoadedTables) -> ExprType {
        guard let tableName else { return .null }
        guard let table = tables.fields.first(where: { $0.name == tableName }) else { return .dyn }
        if case .map(let row) = table.type { return row }
        return .dyn
    }
}
