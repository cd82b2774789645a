// PROVISIONAL: the public API of the checker and compiler (branch langback),
// declared here only so that code against it compiles before that branch
// lands. Deleted when langback is merged.

public struct Variable: Sendable {
    public let name: String
    public let type: ExprType
    public init(_ name: String, _ type: ExprType) {
        self.name = name
        self.type = type
    }
}

public enum ExpectedResult: Sendable { case any, condition, number, string }

public struct Environment: Sendable {
    public init(schema: Schema, variables: [Variable]) { fatalError("provisional") }
    public static func dynamic(variables: [String]) -> Environment { fatalError("provisional") }
    public func slot(of variable: String) -> Int? { fatalError("provisional") }
    public func compile(_ source: String, expecting: ExpectedResult = .any) -> Compilation { fatalError("provisional") }
    public func compileTemplate(_ source: String) -> TemplateCompilation { fatalError("provisional") }
}

public struct Compilation: Sendable {
    public let program: Program?
    public let diagnostics: [Diagnostic]
}

public struct Program: Sendable {
    public let source: String
    public let expr: Expr
    public let resultType: ExprType
    public func evaluate(_ activation: Activation) -> Value { fatalError("provisional") }
    public func evaluateTraced(_ activation: Activation) -> (value: Value, trace: EvaluationTrace) { fatalError("provisional") }
    public var constantValue: Value? { fatalError("provisional") }
}

public struct TraceEntry: Sendable {
    public let span: Span
    public let value: Value
}

public struct EvaluationTrace: Sendable { public let entries: [TraceEntry] }

public final class Activation {
    public init(environment: Environment, now: Timestamp) { fatalError("provisional") }
    public var values: [Value] = []
    public var now = Timestamp(seconds: 0)
}

public struct TemplateCompilation: Sendable {
    public let template: Template?
    public let diagnostics: [Diagnostic]
}

public struct TemplateProblem: Sendable {
    public let span: Span
    public let source: String
    /// Nil when the hole was null; the message when it failed.
    public let errorMessage: String?
}

public struct Template: Sendable {
    public func render(_ activation: Activation) -> (text: String, problems: [TemplateProblem]) { fatalError("provisional") }
}

public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, origin: ExpressionOrigin, color: Bool) -> String { fatalError("provisional") }
    public static func location(_ diagnostic: Diagnostic, origin: ExpressionOrigin) -> (line: Int, column: Int, endColumn: Int) { fatalError("provisional") }
}
