/// `--columns "Email=email,Company Name=company"`: which CSV header names
/// stand for which lead fields, for CRM exports whose headers are not the
/// schema's field names. A header without an entry names a field as it is.
package struct CSVColumnMap: Sendable, Equatable {
    /// Header name → lead field name.
    package private(set) var fieldByHeader: [String: String]
    /// The header names in the order the option gave them, for messages.
    package private(set) var headers: [String]

    package init() {
        fieldByHeader = [:]
        headers = []
    }

    /// Parses `HEADER=FIELD` pairs separated by commas; spaces around names
    /// are dropped. A header cannot itself contain `,` or `=`.
    package init(parsing text: String) throws(BatchSetupError) {
        self.init()
        for pair in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw BatchSetupError("--columns: '\(pair)' is not HEADER=FIELD (pairs are separated by commas)")
            }
            let header = Self.trimmed(parts[0])
            let field = Self.trimmed(parts[1])
            guard !header.isEmpty, !field.isEmpty else {
                throw BatchSetupError("--columns: '\(pair)' needs a header name and a field name")
            }
            guard fieldByHeader[header] == nil else {
                throw BatchSetupError("--columns: the header '\(header)' is mapped twice")
            }
            fieldByHeader[header] = field
            headers.append(header)
        }
    }

    /// The field a header column fills.
    package func field(forHeader header: String) -> String { fieldByHeader[header] ?? header }

    private static func trimmed(_ text: Substring) -> String {
        String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// A batch that cannot start: a column map or header that does not fit the
/// schema, an unreadable state file. The message says what and where.
package struct BatchSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}
