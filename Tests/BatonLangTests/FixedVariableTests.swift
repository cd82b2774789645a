import Testing

@testable import BatonLang

/// Tables read when compiling (`Variable.value`) and the field tests with
/// defaults or lower-casing: each gives what the general path gives, which a
/// traced evaluation takes (it reads every variable and fuses nothing).
@Suite struct FixedVariableTests {
    static let tablesType = RecordType(
        name: "tables",
        fields: [
            .init(name: "free", type: .list(.string)), .init(name: "regions", type: .map(.string)),
            .init(name: "industries", type: .list(.string)), .init(name: "many", type: .list(.string)),
        ])
    static let tables = Value.record(
        RecordValue(
            type: tablesType,
            fields: [
                .list(["gmail.com", "yahoo.com", "proton.me"].map(Value.string)),
                .map(MapValue([("US", .string("NA")), ("DE", .string("EMEA")), ("K", .string("kelvin"))])),
                .list(["software", "fintech", "Health"].map(Value.string)),
                .list((0..<40).map { .string("item\($0)") }),
            ]))
    static let environment = Environment(
        schema: Schema([LanguageFixture.lead, LanguageFixture.event, tablesType]),
        variables: [Variable("lead", .record("lead")), Variable("tables", .record("tables"), value: tables)])

    static let expressions = [
        "(lead.email ?? \"\").domain() in tables.free",
        "lead.email.domain() in tables.free",
        "(lead.email ?? \"https://WWW.Yahoo.com./\").domain() in tables.free",
        "(lead.email ?? \"\").domain() not in tables.free",
        "(lead.email ?? \"\").domain() in tables.many",
        "lead.title in tables.many",
        "(lead.title ?? \"item3\") in tables.many",
        "(lead.title ?? \"\").lower() in tables.industries",
        "(lead.title ?? \"Fintech\").lower() in tables.industries",
        "lead.title.lower() in tables.industries",
        "(lead.title ?? \"software\") not in tables.industries",
        "tables.regions[lead.country]",
        "tables.regions[lead.country] ?? \"unknown\"",
        "tables.regions[lead.country] == \"EMEA\"",
        "tables.regions[lead.country] != \"NA\"",
        "tables.regions[lead.country] == \"kelvin\"",
        "tables.regions[lead.country] == \"nowhere\"",
        "tables.regions[lead.country] != \"nowhere\"",
        "tables.regions[lead.country] == 1",
        "(tables.regions[lead.country] == \"NA\") or (lead.employees ?? 0) >= 1000",
        "(lead.employees ?? 0) >= 1000",
        "(lead.employees ?? 5000) >= 1000",
        "(lead.annual_revenue ?? 0) < 1e7",
        "(lead.title ?? \"\").contains(\"vp\")",
        "(lead.title ?? \"vp\").lower().contains(\"vp\")",
        "(lead.email ?? \"\").lower().endsWith(\".edu\")",
        "lead.active == true or lead.active != false",
        "lead.active == false",
        "lead.events.count(e, lead.created_at - e.at <= 30d)",
        "lead.events.exists(e, e.at > timestamp(\"2026-11-24T00:00:00Z\"))",
    ]

    static let leads: [Value] = [
        LanguageFixture.sampleLead(),
        LanguageFixture.sampleLead(overriding: [
            "email": .null, "title": .null, "country": .null, "employees": .null, "annual_revenue": .null,
        ]),
        LanguageFixture.sampleLead(overriding: [
            "email": .string(" x@GMail.COM "), "title": .string("FINTECH"), "country": .string("DE"),
            "employees": .int(1000), "annual_revenue": .double(.nan), "active": .null,
        ]),
        LanguageFixture.sampleLead(overriding: [
            "email": .string("ü@proton.me"), "title": .string("Fïntech VP"), "country": .string("\u{212A}"),
            "employees": .int(-3),
        ]),
        LanguageFixture.sampleLead(overriding: ["title": .string("item39"), "country": .string("")]),
    ]

    /// Leads whose email has a domain in every shape `domain` reads (and
    /// some without one), for the domain looked up without building it.
    static let domainLeads: [Value] = [
        "", " ", "gmail.com", "GMAIL.COM.", "www.gmail.com/about", "x@", "@gmail.com", "a b@gmail.com",
        "x@gmail.com ", "\tx@Yahoo.Com\n", "x@gmail.com.", "x@www.gmail.com", "https://user@www.Proton.me:8080/x?y",
        "http://[::1]:80/", "http://[::1", "ftp://gmail.com", "mailto:x@gmail.com", "gmail", "x@gmail.co",
        "x@gmail.comm", "ü@gmail.com", "x@gmaıl.com", "x@\u{212A}.com", "gmail.com\u{2003}",
    ].map { LanguageFixture.sampleLead(overriding: ["email": .string($0)]) }

    @Test(arguments: expressions)
    func fastPathsGiveWhatTheGeneralPathGives(source: String) throws {
        let program = try #require(Self.environment.compile(source).program, "\(source) does not compile")
        for lead in Self.leads + Self.domainLeads {
            let activation = Activation(environment: Self.environment, now: LanguageFixture.now)
            activation.bind(lead, toSlot: 0)
            activation.bind(Self.tables, toSlot: 1)
            let fast = LanguageFixture.describe(program.evaluate(activation))
            let general = LanguageFixture.describe(program.evaluateTraced(activation).value)
            #expect(fast == general, "\(source) on \(lead.printedText)")
        }
    }

    @Test func asciiKeyTableAnswersOnlyForASCIIKeys() throws {
        let map = MapValue([("US", .string("NA")), ("K", .string("kelvin"))])
        let table = try #require(ASCIIKeyTable(map))
        #expect(table.value(for: "US").map(LanguageFixture.describe) == "string:NA")
        #expect(table.value(for: "FR").map(LanguageFixture.describe) == "null:null")
        #expect(table.value(for: "").map(LanguageFixture.describe) == "null:null")
        // Swift's map finds "K" for the Kelvin sign: the table leaves that to it.
        #expect(table.value(for: "\u{212A}") == nil)
        #expect(ASCIIKeyTable(MapValue([("é", .null)])) == nil)
        #expect(ASCIIKeyTable(MapValue([])) == nil)
    }
}
