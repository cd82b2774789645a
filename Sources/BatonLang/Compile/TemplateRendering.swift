/// The outcome of compiling a text template: a template unless an error was
/// found, and every diagnostic (spans are offsets into the template text).
public struct TemplateCompilation: Sendable {
    public let template: Template?
    public let diagnostics: [Diagnostic]

    public init(template: Template?, diagnostics: [Diagnostic]) {
        self.template = template
        self.diagnostics = diagnostics
    }
}

/// A compiled text template: literal text and `{{ expr }}` holes, each hole a
/// checked program printed as `string(x)` prints.
public struct Template: Sendable {
    /// The template's text as written.
    public let source: String
    private let parts: [Part]

    enum Part: Sendable {
        case text(String)
        case hole(Program, span: Span)
    }

    init(source: String, parts: [Part]) {
        self.source = source
        self.parts = parts
    }

    /// Renders the template. A hole that is null or ends in an error renders
    /// as empty text and is reported as a problem.
    public func render(_ activation: Activation) -> (text: String, problems: [TemplateProblem]) {
        var text = ""
        var problems: [TemplateProblem] = []
        for part in parts {
            switch part {
            case .text(let literal):
                text += literal
            case .hole(let program, let span):
                let value = program.evaluate(activation)
                switch value {
                case .null:
                    problems.append(TemplateProblem(span: span, source: program.source, kind: .null))
                case .error(let error):
                    problems.append(TemplateProblem(span: span, source: program.source, kind: .error(error.message)))
                default:
                    text += value.printedText
                }
            }
        }
        return (text, problems)
    }
}

/// A template hole that rendered empty: null or an error.
public struct TemplateProblem: Sendable, Hashable {
    /// Why the hole rendered empty.
    public enum Kind: Sendable, Hashable {
        case null
        /// The evaluation error's message.
        case error(String)
    }

    /// The hole's expression span in the template text.
    public let span: Span
    /// The hole's expression text.
    public let source: String
    public let kind: Kind

    init(span: Span, source templateText: String, kind: Kind) {
        self.span = span
        let bytes = Array(templateText.utf8)
        let start = Swift.max(0, Swift.min(span.start, bytes.count))
        let end = Swift.max(start, Swift.min(span.end, bytes.count))
        self.source = String(decoding: bytes[start..<end], as: UTF8.self)
        self.kind = kind
    }

    /// A one-line explanation: `template hole lead.first_name is null`.
    public var message: String {
        switch kind {
        case .null: "template hole \(source) is null"
        case .error(let message): "template hole \(source) failed: \(message)"
        }
    }
}

extension Environment {
    /// Parses a text template and checks and compiles each of its holes.
    public func compileTemplate(_ source: String) -> TemplateCompilation {
        let parsed = TemplateParser.parse(source)
        var diagnostics = parsed.diagnostics
        var parts: [Template.Part] = []
        for part in parsed.parts {
            switch part {
            case .text(let text):
                parts.append(.text(text))
            case .hole(let expr, _):
                let compilation = compile(parsed: expr, source: source)
                diagnostics += compilation.diagnostics
                if let program = compilation.program { parts.append(.hole(program, span: expr.span)) }
            }
        }
        diagnostics = Self.sorted(diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return TemplateCompilation(template: nil, diagnostics: diagnostics)
        }
        return TemplateCompilation(template: Template(source: source, parts: parts), diagnostics: diagnostics)
    }
}
