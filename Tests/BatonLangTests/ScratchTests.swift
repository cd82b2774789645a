import Testing
@testable import BatonLang

@Test func scratch() {
    let cases = [
        "1 + 2", "7 / 2", "lead.employees / 100 * 2.5", "-7 % 3", "1 == 1.0", "\"a\" + 1", "9223372036854775807 + 1",
        "1 / 0", "5 % 0", "lead.country in [\"US\", \"CA\"]", "lead.email.domain()", "\"ß\".upper()",
        "lead.events.exists(e, e.type == \"form_submit\" && e.form == \"demo\")", "lead.events.count(e, e.type == \"page_view\")",
        "lead.events.map(e, e.type)", "[1,2,3].sum(x, x * 2)", "sum([1, 2.5])", "min(3, 1, 2)", "max([1, 5.5])",
        "round(2.5)", "round(-2.5)", "int(\"12\")", "int(2.9)", "int(1e19)", "string(1.0)", "string([1, \"a\"])",
        "timestamp(\"2026-11-25T10:00:00Z\") + duration(\"36h\")", "now - lead.created_at", "days_since(lead.created_at)",
        "lead.employes", "leed.x", "lowr(\"a\")", "lead.employees ?? 0 >= 100", "lead.missing ?? 1",
        "tables.regions[lead.country]", "tables.regions[\"FR\"] ?? \"none\"", "has(lead.first_name)",
        "lead.attributes.nothing", "\"  hi \\u00a0\".trim()", "\"a,b,,c\".split(\",\")", "\"héllo\".split(\"\")",
        "[\"a\",\"b\"].join(\"-\")", "size(\"héllo\")", "lead.tags.first()", "[].last()", "30d + 12h", "\"é\" == \"e\\u0301\"",
        "lead.events.all(e, e.at < now)", "1 < \"a\"", "1 == \"1\"", "lead.events.filter(e, e.type == \"x\")",
        "{\"a\": 1, \"b\": [true]}", "{1: 2}", "lead.events.map(lead, 1)", "lead.title.lower().contains(\"vp\")",
        "lead.title.matches(\"(?i)^vp\")", "lead.title.matches(\"(\")", "clamp(15, 0, 10)", "abs(-3)", "floor(2.7)",
        "ceil(2.1)", "[1,2] + [3]", "lead.events.exists_one(e, e.type == \"form_submit\")", "lead.tags.size()",
        "true ? 1 : 2", "lead.employees > 100 ? \"big\" : \"small\"", "!true", "-lead.employees",
    ]
    for source in cases {
        print("\(source)  =>  \(LanguageFixture.run(source))")
    }
}
