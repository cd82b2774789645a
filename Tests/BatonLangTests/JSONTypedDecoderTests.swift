import Testing

@testable import BatonLang

/// The lead schema of rules.md, plus fields of the remaining kinds.
let testLeadSchema = Schema([
    RecordType(
        name: "lead",
        fields: [
            .init(name: "id", type: .string, required: true), .init(name: "email", type: .string),
            .init(name: "employees", type: .int), .init(name: "annual_revenue", type: .double),
            .init(name: "unsubscribed", type: .bool), .init(name: "created_at", type: .timestamp),
            .init(name: "events", type: .list(.record("event"))), .init(name: "attributes", type: .map(.int)),
            .init(name: "tags", type: .list(.string)), .init(name: "response_time", type: .duration),
            .init(name: "extra", type: .dyn), .init(name: "owner", type: .record("account")),
        ]),
    RecordType(
        name: "event",
        fields: [
            .init(name: "type", type: .string, required: true), .init(name: "at", type: .timestamp, required: true),
            .init(name: "url", type: .string), .init(name: "form", type: .string),
        ]),
    RecordType(name: "account", fields: [.init(name: "domain", type: .string, required: true)]),
])

@Suite struct JSONTypedDecoderTests {
    let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead")

    func decode(_ text: String) -> Result<RecordValue, LeadInputError> { decoder.decode(Array(text.utf8)) }

    func printed(_ text: String) -> String {
        switch decode(text) {
        case .success(let record): Value.record(record).printedText
        case .failure(let error): "error: " + error.message
        }
    }

    @Test func readsAFullLead() throws {
        let text = """
            {"id": "L-1001", "email": "dana@globex.com", "employees": 250, "annual_revenue": 1.5e6,
             "unsubscribed": false, "created_at": "2026-11-20T10:00:00+01:00",
             "events": [{"type": "page_view", "at": "2026-11-24T09:12:00Z", "url": "https://acme.example/pricing", "x": [1]},
                        {"at": "2026-11-24T09:15:30.25Z", "type": "form_submit", "form": "demo"}],
             "attributes": {"visits": 3, "skipped": null, "downloads": 2.0}, "tags": ["a", "b"],
             "response_time": "1h30m", "extra": {"n": 1, "d": 1.0}, "owner": {"domain": "globex.com"},
             "undeclared": {"deep": [true, null, "x"]}}
            """
        let record = try decode(text).get()
        #expect(
            Value.record(record).printedText
                == #"{"id":"L-1001","email":"dana@globex.com","employees":250,"annual_revenue":1500000,"unsubscribed":false,"created_at":"2026-11-20T09:00:00Z","events":[{"type":"page_view","at":"2026-11-24T09:12:00Z","url":"https://acme.example/pricing","form":null},{"type":"form_submit","at":"2026-11-24T09:15:30.25Z","url":null,"form":"demo"}],"attributes":{"visits":3,"downloads":2},"tags":["a","b"],"response_time":"5400s","extra":{"n":1,"d":1},"owner":{"domain":"globex.com"}}"#
        )
        guard case .map(let extra) = record["extra"], case .int(1)? = extra["n"], case .double(1)? = extra["d"] else {
            Issue.record("dyn field lost its number kinds")
            return
        }
    }

    @Test func absentAndNullFields() throws {
        let record = try decode(#"{"id": "L-1", "email": null, "events": null}"#).get()
        #expect(
            Value.record(record).printedText
                == #"{"id":"L-1","email":null,"employees":null,"annual_revenue":null,"unsubscribed":null,"created_at":null,"events":[],"attributes":{},"tags":[],"response_time":null,"extra":null,"owner":null}"#
        )
    }

    /// Keys are first compared with the field expected next (declaration
    /// order); keys that only start or end like it, escaped keys, keys out of
    /// order or at the very end of the input must read as the scan reads them.
    @Test(arguments: [
        (#"{"id":"L","email":"e","employees":1}"#, #""id":"L","email":"e","employees":1,"#),
        (#"{"employees":1,"email":"e","id":"L"}"#, #""id":"L","email":"e","employees":1,"#),
        (#"{"id":"L","emai":"x","emaill":"y","email":"e"}"#, #""id":"L","email":"e","employees":null,"#),
        (#"{"id":"L","em\u0061il":"e"}"#, #""id":"L","email":"e","employees":null,"#),
        (#"{"i\u0064":"L","email":"e"}"#, #""id":"L","email":"e","employees":null,"#),
        (#"{"id":"L","email":"e","email":"f"}"#, "error: lead.email: duplicate key at line 1, column 23"),
        (#"{"id":"L","em\u0061il":"e","email":"f"}"#, "error: lead.email: duplicate key at line 1, column 28"),
        (#"{"id":"L","email"#, "error: lead: unterminated string at line 1, column 11"),
        (#"{"id":"L","id"#, "error: lead: unterminated string at line 1, column 11"),
    ])
    func keysInAnyOrderAndForm(text: String, expected: String) {
        let printed = printed(text)
        #expect(printed.hasPrefix(expected) || printed.contains(expected), "\(printed)")
    }

    @Test(arguments: [
        (#"{"id": "L", "employees": 250}"#, Value.int(250)), (#"{"id": "L", "employees": 250.0}"#, .int(250)),
        (#"{"id": "L", "employees": 2.5e2}"#, .int(250)), (#"{"id": "L", "employees": -0.0}"#, .int(0)),
        (#"{"id": "L", "employees": 9223372036854775807}"#, .int(.max)),
        (#"{"id": "L", "employees": -9.223372036854775808e18}"#, .int(.min)),
        (#"{"id": "L", "annual_revenue": 250}"#, .double(250)),
        (#"{"id": "L", "annual_revenue": 1e300}"#, .double(1e300)),
        (#"{"id": "L", "annual_revenue": 99999999999999999999}"#, .double(1e20)),
    ])
    func numbers(text: String, expected: Value) throws {
        let record = try decode(text).get()
        let field = text.contains("employees") ? "employees" : "annual_revenue"
        #expect(record[field]?.printedText == expected.printedText)
        switch (record[field], expected) {
        case (.int(let a)?, .int(let b)): #expect(a == b)
        case (.double(let a)?, .double(let b)): #expect(a == b)
        default: Issue.record("wrong kind: \(String(describing: record[field]))")
        }
    }

    @Test(arguments: [
        (#"{"id": "L", "employees": "many"}"#, "lead.employees", #"lead.employees: expected int, got string "many""#),
        (#"{"id": "L", "employees": 2.5}"#, "lead.employees", "lead.employees: expected int, got number 2.5"),
        (
            #"{"id": "L", "employees": 9223372036854775808}"#, "lead.employees",
            "lead.employees: expected int, got number 9223372036854775808"
        ),
        (#"{"id": "L", "employees": 1e19}"#, "lead.employees", "lead.employees: expected int, got number 1e19"),
        (#"{"id": "L", "employees": true}"#, "lead.employees", "lead.employees: expected int, got bool true"),
        (#"{"id": "L", "employees": [1]}"#, "lead.employees", "lead.employees: expected int, got array"),
        (
            #"{"id": "L", "annual_revenue": "1M"}"#, "lead.annual_revenue",
            #"lead.annual_revenue: expected double, got string "1M""#
        ),
        (#"{"id": "L", "unsubscribed": 0}"#, "lead.unsubscribed", "lead.unsubscribed: expected bool, got number 0"),
        (#"{"id": 1001}"#, "lead.id", "lead.id: expected string, got number 1001"),
        (#"{"email": "a@b.c"}"#, "lead.id", "lead.id: required field is missing"),
        (#"{"id": null}"#, "lead.id", "lead.id: required field is missing"),
        (
            #"{"id": "L", "created_at": "2026-11-20T10:00:00"}"#, "lead.created_at",
            #"lead.created_at: timestamp without an offset: "2026-11-20T10:00:00""#
        ),
        (
            #"{"id": "L", "created_at": "2026-02-30T10:00:00Z"}"#, "lead.created_at",
            #"lead.created_at: day out of range for the month: "2026-02-30T10:00:00Z""#
        ),
        (
            #"{"id": "L", "created_at": "yesterday"}"#, "lead.created_at",
            #"lead.created_at: not an RFC 3339 timestamp: "yesterday""#
        ),
        (
            #"{"id": "L", "created_at": 1732000000}"#, "lead.created_at",
            "lead.created_at: expected timestamp, got number 1732000000"
        ),
        (
            #"{"id": "L", "response_time": "soon"}"#, "lead.response_time",
            #"lead.response_time: not a duration: "soon""#
        ),
        (
            #"{"id": "L", "events": [{"type": "visit", "at": "2026-11-24T09:12:00Z"}, {"type": "visit"}]}"#,
            "lead.events[1].at", "lead.events[1].at: required field is missing"
        ),
        (
            #"{"id": "L", "events": [{"type": "v", "at": "2026-11-24T09:12:00Z"}, {"type": "v", "at": "x"}]}"#,
            "lead.events[1].at", #"lead.events[1].at: not an RFC 3339 timestamp: "x""#
        ),
        (#"{"id": "L", "events": [null]}"#, "lead.events[0]", "lead.events[0]: expected event, got null"),
        (#"{"id": "L", "events": {"type": "v"}}"#, "lead.events", "lead.events: expected list<event>, got object"),
        (#"{"id": "L", "events": ["v"]}"#, "lead.events[0]", #"lead.events[0]: expected event, got string "v""#),
        (
            #"{"id": "L", "attributes": {"visits": "3"}}"#, #"lead.attributes["visits"]"#,
            #"lead.attributes["visits"]: expected int, got string "3""#
        ),
        (
            #"{"id": "L", "attributes": [1]}"#, "lead.attributes",
            "lead.attributes: expected map<string, int>, got array"
        ),
        (#"{"id": "L", "owner": {}}"#, "lead.owner.domain", "lead.owner.domain: required field is missing"),
        (#"{"id": "L", "tags": ["a", 1]}"#, "lead.tags[1]", "lead.tags[1]: expected string, got number 1"),
        ("[1, 2]", "lead", "lead: expected object, got array"),
        (#""lead""#, "lead", #"lead: expected object, got string "lead""#),
        ("", "lead", "lead: expected object, got empty input"),
        ("   ", "lead", "lead: expected object, got empty input"),
        (#"{"id": "L", "email": "a", "email": "b"}"#, "lead.email", "lead.email: duplicate key at line 1, column 27"),
        (#"{"id": "L", "x": 1, "y": 2, "x": 3}"#, "lead.x", "lead.x: duplicate key at line 1, column 29"),
        (#"{"id": "L", "\u0078": 1, "x": 3}"#, "lead.x", "lead.x: duplicate key at line 1, column 26"),
        (
            #"{"id": "L", "attributes": {"a": 1, "a": 2}}"#, "lead.attributes",
            #"lead.attributes: duplicate key "a" at line 1, column 36"#
        ),
        (
            #"{"id": "L", "extra": {"a": 1, "a": 2}}"#, "lead.extra",
            #"lead.extra: duplicate key "a" at line 1, column 31"#
        ),
        (#"{"id": "L", "employees": 5,}"#, "lead", "lead: trailing comma at line 1, column 27"),
        (
            #"{"id": "L", "events": [{"type": "v", "at": "2026-11-24T09:12:00Z"},]}"#, "lead.events",
            "lead.events: trailing comma at line 1, column 67"
        ),
        (#"{"id": "L", "employees": 5} x"#, "lead", "lead: unexpected text after the JSON object at line 1, column 29"),
        (
            #"{"id": "L", "employees": NaN}"#, "lead.employees",
            "lead.employees: unexpected 'N', expected a value at line 1, column 26"
        ),
        (
            #"{"id": "L", "other": tru}"#, "lead.other",
            "lead.other: unexpected 't', expected a value at line 1, column 22"
        ),
        (
            #"{"id": "L", "employees": 12"#, "lead",
            "lead: unexpected end of input, expected ',' or '}' at line 1, column 28"
        ),
        (#"{"id": "L", "\u0078y": ["a\n", 1,]}"#, "lead.xy", "lead.xy: trailing comma at line 1, column 33"),
    ])
    func badInput(text: String, path: String, message: String) {
        #expect(throws: LeadInputError(path: path, message: message, leadID: decoder.leadID(in: Array(text.utf8)))) {
            try decode(text).get()
        }
    }

    @Test func invalidUTF8IsBadInput() {
        var bytes = Array(#"{"id": "L-7", "email": "x"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        #expect(
            throws: LeadInputError(
                path: "lead.email", message: "lead.email: invalid UTF-8 at line 1, column 26", leadID: "L-7")
        ) {
            try decoder.decode(bytes).get()
        }
    }

    @Test(
        arguments: [
            (#"{"id": "L-9", "employees": "many"}"#, "L-9"), (#"{"employees": "many", "id": "L-9"}"#, "L-9"),
            (#"{"id": 9}"#, nil), (#"{"email": "x"}"#, nil), ("[1]", nil), (#"{"a": [1,}, "id": "L"}"#, nil),
            (#"{"a": {"id": "inner"}, "id": "L-2"}"#, "L-2"),
        ] as [(String, String?)])
    func leadIDs(text: String, id: String?) {
        #expect(decoder.leadID(in: Array(text.utf8)) == id)
    }

    @Test func errorCarriesLeadID() {
        guard case .failure(let error) = decode(#"{"id": "L-9", "employees": "many"}"#) else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.leadID == "L-9")
        #expect(LeadInputError.code == "bad-input")
    }

    @Test func unknownRootType() {
        let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "contact")
        #expect(throws: LeadInputError(path: "contact", message: "contact: unknown record type")) {
            try decoder.decode(Array("{}".utf8)).get()
        }
    }

    @Test func inputKinds() throws {
        let bytes = Array(#"xx{"id": "L-3"}yy"#.utf8)
        let slice = bytes[2..<(bytes.count - 2)]
        #expect(try decoder.decode(slice).get()["id"]?.printedText == "L-3")
        Array(slice).withUnsafeBytes { raw in
            #expect((try? decoder.decode(raw).get())?["id"]?.printedText == "L-3")
            #expect(decoder.leadID(in: raw) == "L-3")
        }
    }
}
