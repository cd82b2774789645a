import BatonLang

/// CSV: each row is one lead, its cells read as the lead schema declares
/// the field their column names (through a `CSVColumnMap`). An empty cell is
/// an absent field; columns that name no lead field are ignored, as
/// undeclared JSON fields are.
package struct CSVLeadDecoder: BatchLeadDecoder {
    private let leadType: RecordType
    /// Per header column: the lead field slot it fills, or nil when ignored.
    private let slots: [Int?]
    /// Per header column: its name in the header, for messages.
    private let headerNames: [String]
    private let idColumn: Int?

    /// Matches the header to the lead schema. Fails, naming the column, when
    /// two columns fill one field, a column fills a list, map or record
    /// field, the map names a header that is not there or a field the lead
    /// lacks, or no column fills a required field.
    package init(header: CSVRecord, columns: CSVColumnMap, schema: Schema) throws(BatchSetupError) {
        guard let leadType = schema["lead"] else { throw BatchSetupError("the ruleset's schema declares no lead") }
        self.leadType = leadType
        let fieldNames = leadType.fields.map(\.name)
        for mapped in columns.headers where !header.cells.contains(mapped) {
            var message = "--columns names the header '\(mapped)', which the CSV header does not have"
            if let suggestion = closestName(to: mapped, among: header.cells) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw BatchSetupError(message)
        }
        for mapped in columns.headers {
            let field = columns.field(forHeader: mapped)
            guard leadType.slot(of: field) == nil else { continue }
            var message = "--columns maps '\(mapped)' to '\(field)', which is not a field of lead"
            if let suggestion = closestName(to: field, among: fieldNames) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw BatchSetupError(message)
        }
        var slots: [Int?] = []
        var columnOfSlot: [Int: Int] = [:]
        for (index, name) in header.cells.enumerated() {
            guard let slot = leadType.slot(of: columns.field(forHeader: name)) else {
                slots.append(nil)
                continue
            }
            let field = leadType.fields[slot]
            if let earlier = columnOfSlot[slot] {
                throw BatchSetupError(
                    "CSV header line \(header.line): columns '\(header.cells[earlier])' and '\(name)' both fill lead.\(field.name)"
                )
            }
            guard CSVCell.canHold(field.type) else {
                throw BatchSetupError(
                    "CSV header line \(header.line): column '\(name)' fills lead.\(field.name), declared \(field.type), which a CSV cell cannot hold"
                )
            }
            columnOfSlot[slot] = index
            slots.append(slot)
        }
        for (slot, field) in leadType.fields.enumerated() where field.required && columnOfSlot[slot] == nil {
            throw BatchSetupError(
                "CSV header line \(header.line): no column fills lead.\(field.name), which the schema requires")
        }
        self.slots = slots
        self.headerNames = header.cells
        self.idColumn = leadType.slot(of: "id").flatMap { columnOfSlot[$0] }
    }

    package func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> Result<RecordValue, LeadInputError> {
        var reader = CSVReader(bytes: Array(bytes))
        let row: CSVRecord
        do throws(CSVError) {
            guard let read = try reader.next() else {
                return .failure(LeadInputError(path: "lead", message: "lead: the row is empty"))
            }
            row = read
        } catch {
            return .failure(
                LeadInputError(
                    path: "lead",
                    message: "lead: \(error.message) at line \(line + error.line - 1), column \(error.column)"))
        }
        let leadID = idColumn.flatMap { $0 < row.cells.count && !row.cells[$0].isEmpty ? row.cells[$0] : nil }
        guard row.cells.count == slots.count else {
            return .failure(
                LeadInputError(
                    path: "lead",
                    message: "lead: this row has \(row.cells.count) cells but the header has \(slots.count)",
                    leadID: leadID))
        }
        var fields = leadType.fields.map { CSVCell.absentValue(of: $0.type) }
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
            guard let slot = slots[index] else { continue }
            let field = leadType.fields[slot]
            guard let value = CSVCell.value(cell, type: field.type) else {
                return .failure(
                    LeadInputError(
                        path: "lead.\(field.name)",
                        message:
                            "lead.\(field.name): expected \(field.type), got \(JSONWriter.quotedForMessage(cell)) in column '\(headerNames[index])'",
                        leadID: leadID))
            }
            fields[slot] = value
        }
        for (slot, field) in leadType.fields.enumerated() where field.required {
            guard case .null = fields[slot] else { continue }
            return .failure(
                LeadInputError(
                    path: "lead.\(field.name)", message: "lead.\(field.name): required field is missing", leadID: leadID
                ))
        }
        return .success(RecordValue(type: leadType, fields: fields))
    }
}
