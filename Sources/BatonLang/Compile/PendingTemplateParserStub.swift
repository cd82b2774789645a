// Temporary in branch rulesengine until langfront's TemplateParser lands; deleted at that merge.
public enum TemplatePart: Sendable, Hashable {
    case text(String)
    case hole(Expr, source: Span)
}
public enum TemplateParser {
    public static func parse(_ source: String) -> (parts: [TemplatePart], diagnostics: [Diagnostic]) { ([.text(source)], []) }
}
