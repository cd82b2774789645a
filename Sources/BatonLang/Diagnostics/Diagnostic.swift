/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error, warning, note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A problem found in an expression: a value, collected and sorted, thrown only
/// at the public edge.
///
/// `code` is stable (tests and `--format json` rely on it); `message` is for
/// people and names what was expected and what was found.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public var severity: Severity
    public var code: String
    public var message: String
    /// The UTF-8 span inside the expression's own text.
    public var span: Span

    public init(_ severity: Severity, code: String, _ message: String, at span: Span) {
        self.severity = severity
        self.code = code
        self.message = message
        self.span = span
    }

    public static func error(_ code: String, _ message: String, at span: Span) -> Diagnostic {
        Diagnostic(.error, code: code, message, at: span)
    }

    public static func warning(_ code: String, _ message: String, at span: Span) -> Diagnostic {
        Diagnostic(.warning, code: code, message, at: span)
    }

    public var description: String { "\(span): \(severity.rawValue): \(message) [\(code)]" }
}

/// The stable diagnostic codes of the expression language.
public enum DiagnosticCode {
    // Lexer and parser.
    public static let unexpectedCharacter = "unexpected-character"
    public static let unterminatedString = "unterminated-string"
    public static let invalidEscape = "invalid-escape"
    public static let invalidNumber = "invalid-number"
    public static let numberOutOfRange = "number-out-of-range"
    public static let reservedWord = "reserved-word"
    public static let syntax = "syntax"
    public static let nonAssociative = "non-associative"
    public static let tooDeep = "too-deep"
    public static let tooLong = "too-long"
    public static let tooManyEntries = "too-many-entries"
    // Checker.
    public static let unknownField = "unknown-field"
    public static let unknownVariable = "unknown-variable"
    public static let unknownFunction = "unknown-function"
    public static let wrongArgumentCount = "wrong-argument-count"
    public static let wrongArgumentType = "wrong-argument-type"
    public static let typeMismatch = "type-mismatch"
    public static let nonBoolCondition = "non-bool-condition"
    public static let invalidRegex = "invalid-regex"
    public static let shadowedVariable = "shadowed-variable"
    public static let invalidMacro = "invalid-macro"
    public static let mapKeyNotString = "map-key-not-string"
    public static let incomparableTypes = "incomparable-types"
    public static let constantCondition = "constant-condition"
    public static let invalidTemplate = "invalid-template"
}
