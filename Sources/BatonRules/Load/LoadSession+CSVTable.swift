import BatonLang

extension LoadSession {
    /// Reads a CSV table `{csv: FILE, type: RECORD, key: COLUMN}`: a
    /// `map<string, RECORD>` from the key column to the rows, each cell read
    /// as the record declares (an empty cell is absent).
    mutating func loadCSVTable(_ node: RuleNode, name: String, path: String, schema: Schema, location: SourceLocation)
        -> Table?
    {
        guard
            let fields = fields(node, path: path, allowed: ["csv", "type", "key"], required: ["csv", "type", "key"]),
            let csvNode = fields["csv"], let typeNode = fields["type"], let keyNode = fields["key"],
            let csvName = string(csvNode, path: fields.path("csv")),
            let typeName = string(typeNode, path: fields.path("type")),
            let keyColumn = string(keyNode, path: fields.path("key"))
        else { return nil }
        guard !Self.builtInRecordNames.contains(typeName), let rowType = schema[typeName] else {
            var message = "\(fields.path("type")): unknown record type '\(typeName)'"
            let names = schema.records.keys.filter { !Self.builtInRecordNames.contains($0) }
            if let suggestion = closestName(to: typeName, among: names) { message += "; did you mean '\(suggestion)'?" }
            error(RuleDiagnosticCode.unknownType, message, at: typeNode)
            return nil
        }
        guard let csvFile = loadCSVFile(csvName, namedAt: csvNode, path: fields.path("csv")) else { return nil }
        let records: [CSVRecord]
        do {
            records = try CSVReader.readAll(files[csvFile].bytes)
        } catch {
            reportCSV(error.message, file: csvFile, line: error.line, column: error.column)
            return nil
        }
        guard let header = records.first else {
            reportCSV(
                "the CSV file is empty: a header row naming the columns is needed", file: csvFile, line: 1, column: 1)
            return nil
        }
        guard let columns = csvColumns(header, rowType: rowType, keyColumn: keyColumn, file: csvFile) else {
            return nil
        }
        var rows: [(String, Value)] = []
        var firstLineOfKey: [String: Int] = [:]
        var failed = false
        let errorsBefore = diagnostics.count
        for record in records.dropFirst() {
            if diagnostics.count - errorsBefore >= Self.maximumCSVErrors {
                reportCSV(
                    "more than \(Self.maximumCSVErrors) problems in this file; the rest are not listed", file: csvFile,
                    line: record.line, column: 1)
                break
            }
            guard record.cells.count == header.cells.count else {
                reportCSV(
                    "this row has \(record.cells.count) cells but the header has \(header.cells.count)", file: csvFile,
                    line: record.line, column: 1)
                failed = true
                continue
            }
            let key = record.cells[columns.keyIndex]
            if key.isEmpty {
                reportCSV(
                    "the key column '\(keyColumn)' is empty", file: csvFile, line: record.lines[columns.keyIndex],
                    column: record.columns[columns.keyIndex])
                failed = true
                continue
            }
            if let firstLine = firstLineOfKey[key] {
                reportCSV(
                    "duplicate key '\(key)' in column '\(keyColumn)' (first on line \(firstLine))", file: csvFile,
                    line: record.lines[columns.keyIndex], column: record.columns[columns.keyIndex], cell: key)
                failed = true
                continue
            }
            firstLineOfKey[key] = record.line
            guard let row = csvRow(record, columns: columns, rowType: rowType, file: csvFile) else {
                failed = true
                continue
            }
            rows.append((key, .record(row)))
        }
        guard !failed else { return nil }
        return Table(name: name, type: .map(.record(typeName)), value: .map(MapValue(rows)), location: location)
    }

    /// A broken export can have a problem on every row; a few dozen are enough to fix it.
    static let maximumCSVErrors = 50
    /// CSV tables are held in memory with the ruleset; a bigger file is refused, not read.
    static let maximumCSVBytes = 64 * 1024 * 1024

    /// Which field each header column fills, and where the key column is.
    private struct CSVColumns {
        var slots: [Int]
        var keyIndex: Int
    }

    private mutating func csvColumns(_ header: CSVRecord, rowType: RecordType, keyColumn: String, file: Int)
        -> CSVColumns?
    {
        var slots: [Int] = []
        var seen: Set<String> = []
        var failed = false
        for (index, column) in header.cells.enumerated() {
            guard let slot = rowType.slot(of: column) else {
                var message = "column '\(column)' is not a field of \(rowType.name)"
                if let suggestion = closestName(to: column, among: rowType.fields.map(\.name)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                reportCSV(message, file: file, line: header.lines[index], column: header.columns[index], cell: column)
                failed = true
                continue
            }
            guard seen.insert(column).inserted else {
                reportCSV(
                    "column '\(column)' appears twice in the header", file: file, line: header.lines[index],
                    column: header.columns[index], cell: column)
                failed = true
                continue
            }
            if !CSVCell.canHold(rowType.fields[slot].type) {
                reportCSV(
                    "column '\(column)' is declared \(rowType.fields[slot].type), which a CSV cell cannot hold",
                    file: file, line: header.lines[index], column: header.columns[index], cell: column)
                failed = true
            }
            slots.append(slot)
        }
        for field in rowType.fields
        where field.required && field.name != keyColumn && !header.cells.contains(field.name) {
            reportCSV(
                "the header has no column '\(field.name)', which \(rowType.name) requires", file: file,
                line: header.line, column: 1)
            failed = true
        }
        guard let keyIndex = header.cells.firstIndex(of: keyColumn) else {
            reportCSV("the header has no key column '\(keyColumn)'", file: file, line: header.line, column: 1)
            return nil
        }
        return failed ? nil : CSVColumns(slots: slots, keyIndex: keyIndex)
    }

    private mutating func csvRow(_ record: CSVRecord, columns: CSVColumns, rowType: RecordType, file: Int)
        -> RecordValue?
    {
        var values = rowType.fields.map { CSVCell.absentValue(of: $0.type) }
        var failed = false
        for (index, cell) in record.cells.enumerated() {
            let field = rowType.fields[columns.slots[index]]
            if cell.isEmpty {
                if field.required {
                    reportCSV(
                        "'\(field.name)' is required but the cell is empty", file: file, line: record.lines[index],
                        column: record.columns[index])
                    failed = true
                }
                continue
            }
            guard let value = CSVCell.value(cell, type: field.type) else {
                reportCSV(
                    "'\(cell)' in column '\(field.name)' does not read as \(field.type)", file: file,
                    line: record.lines[index], column: record.columns[index], cell: cell)
                failed = true
                continue
            }
            values[columns.slots[index]] = value
        }
        return failed ? nil : RecordValue(type: rowType, fields: values)
    }

    /// Reads a CSV file named in a YAML file, relative to that file's folder,
    /// once however many tables name it. Returns its index in `files`.
    private mutating func loadCSVFile(_ name: String, namedAt node: RuleNode, path: String) -> Int? {
        let yamlFile = files[node.file]
        let displayPath = RulesetFiles.join(RulesetFiles.directory(of: yamlFile.path), name)
        let relativePath = RulesetFiles.join(RulesetFiles.directory(of: yamlFile.relativePath), name)
        if let existing = files.firstIndex(where: { $0.yaml == nil && $0.relativePath == relativePath }) {
            return existing
        }
        let bytes: [UInt8]
        switch RulesetFiles.read(displayPath, limit: Self.maximumCSVBytes) {
        case .success(let read): bytes = read
        case .failure(let failure):
            error(
                RuleDiagnosticCode.csv, "\(path): cannot read the CSV file '\(displayPath)': \(failure.reason)",
                at: node)
            return nil
        }
        files.append(
            LoadedFile(
                path: displayPath, relativePath: relativePath, bytes: bytes,
                source: SourceText(name: displayPath, text: String(decoding: bytes, as: UTF8.self)), yaml: nil))
        return files.count - 1
    }

    /// A CSV problem at a line and column of the CSV file, underlining `cell` when given.
    private mutating func reportCSV(_ message: String, file: Int, line: Int, column: Int, cell: String? = nil) {
        let source = files[file].source
        let start = source.offset(of: SourcePosition(line: line, column: column))
        var end = start
        if let cell {
            let quoted = start < files[file].bytes.count && files[file].bytes[start] == UInt8(ascii: "\"")
            end = source.offset(
                of: SourcePosition(line: line, column: column + cell.unicodeScalars.count + (quoted ? 2 : 0)))
        }
        report(.error, RuleDiagnosticCode.csv, message, file: file, start: start, end: end)
    }
}
