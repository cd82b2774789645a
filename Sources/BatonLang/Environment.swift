/// A variable an expression may read, with its static type.
public struct Variable: Sendable {
    public let name: String
    public let type: ExprType
    /// The variable's value when it is the same for every evaluation (a
    /// ruleset's `tables`): compiled programs may then read it once, when
    /// compiling, to look values up in it directly. Activations must bind
    /// this very value to the variable.
    public let value: Value?

    public init(_ name: String, _ type: ExprType, value: Value? = nil) {
        self.name = name
        self.type = type
        self.value = value
    }
}

/// What the caller needs an expression's result to be.
public enum ExpectedResult: Sendable {
    /// Anything.
    case any
    /// A bool (`when:`); a type known not to be bool is an error, `dyn` passes.
    case condition
    /// An int or a double (`points:`); `dyn` passes.
    case number
    /// A string; `dyn` passes.
    case string
}

/// The names and types expressions are checked against, and the entry point
/// that turns text into a `Program`.
public struct Environment: Sendable {
    public let schema: Schema
    public let variables: [Variable]
    private let slotByName: [String: Int]

    /// An environment of typed variables whose record types `schema` declares.
    public init(schema: Schema, variables: [Variable]) {
        self.schema = schema
        self.variables = variables
        var slots: [String: Int] = [:]
        for (slot, variable) in variables.enumerated() where slots[variable.name] == nil {
            slots[variable.name] = slot
        }
        self.slotByName = slots
    }

    /// Schema-free use (`baton expr`): every variable is dyn.
    public static func dynamic(variables: [String]) -> Environment {
        Environment(schema: Schema(), variables: variables.map { Variable($0, .dyn) })
    }

    /// The index of a variable in an `Activation` (`Activation.bind(_:toSlot:)`).
    public func slot(of variable: String) -> Int? { slotByName[variable] }

    /// Parses, checks and compiles an expression.
    public func compile(_ source: String, expecting: ExpectedResult = .any) -> Compilation {
        let parsed = Parser.parse(source)
        guard let expr = parsed.expr else {
            return Compilation(program: nil, diagnostics: Self.sorted(parsed.diagnostics))
        }
        let compilation = compile(parsed: expr, source: source, expecting: expecting)
        return Compilation(
            program: compilation.program, diagnostics: Self.sorted(parsed.diagnostics + compilation.diagnostics))
    }

    /// Checks and compiles an expression already parsed from `source`.
    public func compile(parsed: Expr, source: String, expecting: ExpectedResult = .any) -> Compilation {
        var checker = Checker(environment: self)
        let checked = checker.check(parsed)
        checker.checkExpectation(checked, expecting)
        let diagnostics = Self.sorted(checker.diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return Compilation(program: nil, diagnostics: diagnostics)
        }
        let program = Program(
            source: source, expr: parsed, checked: checked, localCount: checker.localCount,
            knownValues: variables.map(\.value))
        return Compilation(program: program, diagnostics: diagnostics)
    }

    /// Diagnostics in source order (then by severity), as they are reported.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            if a.element.span.start != b.element.span.start { return a.element.span.start < b.element.span.start }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// The outcome of compiling an expression: a program unless an error was
/// found, and every diagnostic (warnings may come with a program).
public struct Compilation: Sendable {
    public let program: Program?
    public let diagnostics: [Diagnostic]

    public init(program: Program?, diagnostics: [Diagnostic]) {
        self.program = program
        self.diagnostics = diagnostics
    }
}

extension Checker {
    /// Reports a result type the caller cannot use.
    mutating func checkExpectation(_ checked: CheckedExpr, _ expecting: ExpectedResult) {
        let type = checked.type
        guard type != .dyn else { return }
        switch expecting {
        case .any:
            break
        case .condition where type != .bool:
            error(DiagnosticCode.nonBoolCondition, "a condition must be bool, got \(type)", at: checked.span)
        case .number where !type.isNumeric:
            error(DiagnosticCode.typeMismatch, "expected a number (int or double), got \(type)", at: checked.span)
        case .string where type != .string:
            error(DiagnosticCode.typeMismatch, "expected a string, got \(type)", at: checked.span)
        default:
            break
        }
    }
}
