import BatonLang

/// A problem found while loading or checking a ruleset, at a position in one
/// of its files.
///
/// `code` is stable (tests and `baton check --format json` rely on it);
/// `message` is for people. Columns count Unicode scalars, 1-based.
public struct RuleDiagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: String
    public var message: String
    /// The file as given on the command line (or joined to the directory given).
    public var file: String
    public var line: Int
    public var column: Int
    /// The column just past the underlined text, when the problem covers a range.
    public var endColumn: Int?
    /// The text of `line`, for the caret display; nil when there is no line (a missing file).
    public var sourceLine: String?

    public init(
        severity: Severity, code: String, message: String, file: String, line: Int, column: Int,
        endColumn: Int? = nil, sourceLine: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.endColumn = endColumn
        self.sourceLine = sourceLine
    }

    /// Diagnostics in reading order: by file, line, column, then errors first.
    public static func sortedForDisplay(_ diagnostics: [RuleDiagnostic]) -> [RuleDiagnostic] {
        diagnostics.sorted { a, b in
            if a.file != b.file { return a.file.utf8.lexicographicallyPrecedes(b.file.utf8) }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message.utf8.lexicographicallyPrecedes(b.message.utf8)
        }
    }
}

/// The stable codes of ruleset diagnostics (expression diagnostics keep the
/// codes of `DiagnosticCode`).
public enum RuleDiagnosticCode {
    public static let unreadableFile = "unreadable-file"
    public static let yamlSyntax = "yaml-syntax"
    public static let unknownKey = "unknown-key"
    public static let duplicateKey = "duplicate-key"
    public static let missingKey = "missing-key"
    public static let wrongType = "wrong-type"
    public static let invalidValue = "invalid-value"
    public static let definedTwice = "defined-twice"
    public static let duplicateId = "duplicate-id"
    public static let unquotedExpression = "unquoted-expression"
    public static let expressionComment = "expression-comment"
    public static let unknownType = "unknown-type"
    public static let csv = "csv"
    public static let unknownId = "unknown-id"
    public static let backupCycle = "backup-cycle"
    public static let emptyTeam = "empty-team"
    public static let memberNotOwner = "member-not-owner"
    public static let invalidWeights = "invalid-weights"
    public static let invalidDateRange = "invalid-date-range"
    public static let unreachableRule = "unreachable-rule"
    public static let unusedTable = "unused-table"
    public static let gradeOrder = "grade-order"
}
