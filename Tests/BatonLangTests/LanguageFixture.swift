import Testing

@testable import BatonLang

/// A small ruleset-like schema and helpers to compile and evaluate text.
enum LanguageFixture {
    static let event = RecordType(
        name: "event",
        fields: [
            .init(name: "type", type: .string), .init(name: "form", type: .string),
            .init(name: "url", type: .string), .init(name: "at", type: .timestamp),
        ])
    static let lead = RecordType(
        name: "lead",
        fields: [
            .init(name: "id", type: .string, required: true), .init(name: "employees", type: .int),
            .init(name: "annual_revenue", type: .double), .init(name: "country", type: .string),
            .init(name: "email", type: .string), .init(name: "first_name", type: .string),
            .init(name: "title", type: .string), .init(name: "tags", type: .list(.string)),
            .init(name: "attributes", type: .map(.string)), .init(name: "events", type: .list(.record("event"))),
            .init(name: "created_at", type: .timestamp), .init(name: "active", type: .bool),
        ])
    static let schema = Schema([lead, event])
    static let environment = Environment(
        schema: schema,
        variables: [
            Variable("lead", .record("lead")), Variable("tables", .map(.dyn)),
        ])
    /// 2026-11-25T12:00:00Z.
    static let now = Timestamp(seconds: 1_795_608_000)

    static func event(_ type: String, form: Value = .null, url: Value = .null, at: Timestamp) -> Value {
        .record(RecordValue(type: event, fields: [.string(type), form, url, .timestamp(at)]))
    }

    /// A typical lead: 250 employees in the US, two events.
    static func sampleLead(overriding overrides: [String: Value] = [:]) -> Value {
        var fields: [String: Value] = [
            "id": .string("L-1"), "employees": .int(250), "annual_revenue": .double(12_500_000),
            "country": .string("US"), "email": .string("Ana.Souza@Globex.com"), "first_name": .string("Ana"),
            "title": .string("VP Sales"), "tags": .list([.string("b2b"), .string("saas")]),
            "attributes": .map(MapValue([("source", .string("webinar"))])),
            "events": .list([
                event("page_view", url: .string("https://globex.com/pricing"), at: Timestamp(seconds: 1_795_500_000)),
                event("form_submit", form: .string("demo"), at: Timestamp(seconds: 1_795_600_000)),
            ]),
            "created_at": .timestamp(Timestamp(seconds: 1_795_000_000)), "active": .bool(true),
        ]
        for (name, value) in overrides { fields[name] = value }
        return .record(RecordValue(type: lead, fields: lead.fields.map { fields[$0.name] ?? .null }))
    }

    static func activation(lead: Value = sampleLead()) -> Activation {
        let activation = Activation(environment: environment, now: now)
        activation.bind(lead, toSlot: 0)
        activation.bind(
            .map(
                MapValue([
                    ("free_email_domains", .list([.string("gmail.com"), .string("yahoo.com")])),
                    ("regions", .map(MapValue([("US", .string("AMER")), ("DE", .string("EMEA"))]))),
                ])),
            toSlot: 1)
        return activation
    }

    /// `type:text` of a value (`int:5`, `double:6.25`), or `error: message`,
    /// or the diagnostics when the text does not compile.
    static func describe(_ value: Value) -> String {
        if case .error(let error) = value { return "error: \(error.message)" }
        return "\(value.typeName):\(value.printedText)"
    }

    /// `source` on the sample lead with `overrides`, described as `describe`
    /// does: by the compiled program's fast path, and by its traced form,
    /// which takes the general path at every node.
    static func fastAndGeneral(_ source: String, overriding overrides: [String: Value]) throws -> (
        fast: String, general: String
    ) {
        let program = try #require(environment.compile(source).program)
        let lead = sampleLead(overriding: overrides)
        return (
            describe(program.evaluate(activation(lead: lead))),
            describe(program.evaluateTraced(activation(lead: lead)).value)
        )
    }

    static func run(_ source: String, in environment: Environment = environment, lead: Value = sampleLead()) -> String {
        let compilation = environment.compile(source)
        guard let program = compilation.program else {
            return compilation.diagnostics.map { "\($0.code): \($0.message)" }.joined(separator: " | ")
        }
        return describe(program.evaluate(activation(lead: lead)))
    }

    /// Evaluates schema-free, with no variables.
    static func runDynamic(_ source: String) -> String {
        let environment = Environment.dynamic(variables: [])
        let compilation = environment.compile(source)
        guard let program = compilation.program else {
            return compilation.diagnostics.map { "\($0.code): \($0.message)" }.joined(separator: " | ")
        }
        return describe(program.evaluate(Activation(environment: environment, now: now)))
    }
}
