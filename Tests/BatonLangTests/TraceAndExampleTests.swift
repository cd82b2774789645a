import Testing

@testable import BatonLang

/// Traced evaluation, and every example of language.md giving its documented result.
@Suite struct TraceAndExampleTests {
    @Test func traceRecordsTheValuesThatDecided() throws {
        let source = "lead.employees >= 1000 || lead.country in [\"US\"]"
        let program = try #require(LanguageFixture.environment.compile(source).program)
        let (value, trace) = program.evaluateTraced(LanguageFixture.activation())
        #expect(LanguageFixture.describe(value) == "bool:true")
        let described = trace.entries.map { entry in
            let bytes = Array(source.utf8)[entry.span.start..<entry.span.end]
            return "\(String(decoding: bytes, as: UTF8.self)) = \(LanguageFixture.describe(entry.value))"
        }
        let leadText = "lead = lead:\(LanguageFixture.sampleLead().printedText)"
        #expect(
            described == [
                leadText, "lead.employees = int:250", "lead.employees >= 1000 = bool:false",
                leadText, "lead.country = string:US", "lead.country in [\"US\"] = bool:true",
                "\(source) = bool:true",
            ])
        #expect(trace.value(at: Span(0, 14)).map(LanguageFixture.describe) == "int:250")
        // The untraced evaluation gives the same value and records nothing.
        let activation = LanguageFixture.activation()
        #expect(LanguageFixture.describe(program.evaluate(activation)) == "bool:true")
        #expect(activation.traceEntries.isEmpty)
    }

    /// The examples written in language.md, with the results it documents.
    @Test(arguments: [
        ("lead.employees >= 1000 and lead.country in [\"US\", \"CA\"]", "bool:false"),
        ("not lead.country == \"US\"", "bool:false"),
        ("!lead.active == false", "bool:true"),
        ("lead.employees ?? 0 >= 100", "bool:true"),
        ("lead.employees / 100 * 2.5", "double:6.25"),
        ("-7 % 3 == -1", "bool:true"),
        ("1 == 1.0", "bool:true"),
        ("\"é\" == \"e\\u0301\"", "bool:false"),
        ("1 == \"1\"", "bool:false"),
        ("timestamp(\"2026-11-25T10:00:00Z\")", "timestamp:2026-11-25T10:00:00Z"),
        ("duration(\"36h\")", "duration:129600s"),
        ("duration(\"720h\") == duration(\"30d\")", "bool:true"),
        ("lower(\"ABC\") == \"ABC\".lower()", "bool:true"),
        ("\"ß\".upper() == \"SS\"", "bool:true"),
        ("int(\"12\")", "int:12"),
        ("int(2.9) == 2", "bool:true"),
        ("string(3600s)", "string:3600s"),
        ("string(500ms)", "string:0.5s"),
        ("lead.email.domain() in tables.free_email_domains", "bool:false"),
        ("min(lead.annual_revenue / 1000000, 10)", "double:10"),
        ("(lead.title ?? \"\").contains(\"VP\")", "bool:true"),
        ("tables.regions[lead.country] == \"EMEA\" and (lead.employees ?? 0) >= 1000", "bool:false"),
        ("lead.events.exists(e, e.type == \"form_submit\" and e.form == \"demo\")", "bool:true"),
        ("c ? .5 : 1", "unknown-variable: unknown variable 'c'"),
        ("true?.5:1", "double:0.5"),
        ("30d + 12h + 90m + 2w + 1_000ms == duration(\"1h30m\") + duration(\"30d\") + 2w + 12h + 1s", "bool:true"),
        ("0x1F + 1_000", "int:1031"),
        ("r\"\\d+\" == \"\\\\d+\"", "bool:true"),
        ("\"12-34\".matches(r\"^\\d+-\\d+$\")", "bool:true"),
    ])
    func documentedExample(source: String, expected: String) {
        #expect(LanguageFixture.run(source) == expected, "\(source)")
    }
}
