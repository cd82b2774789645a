// Temporary until branch langfront lands; deleted at the merge.
public struct ParseResult: Sendable {
    public let expr: Expr?
    public let diagnostics: [Diagnostic]
}
public enum Parser {
    public static func parse(_ source: String) -> ParseResult { ParseResult(expr: nil, diagnostics: []) }
}
public enum TemplatePart: Sendable, Hashable {
    case text(String)
    case hole(Expr, source: Span)
}
public enum TemplateParser {
    public static func parse(_ source: String) -> (parts: [TemplatePart], diagnostics: [Diagnostic]) { ([], []) }
}
