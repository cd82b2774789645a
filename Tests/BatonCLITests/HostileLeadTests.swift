import Foundation
import Testing

/// Hostile leads through the real `baton eval` on Rules/example: a decision
/// or a clear bad-input error, never a crash or a hang.
@Suite struct HostileLeadTests {
    static let now = "2026-11-25T12:00:00Z"

    static func eval(_ lead: Data) throws -> BatonProcess.Result {
        try BatonProcess.run(["eval", "--rules", "Rules/example", "--now", now, "-"], stdinBytes: lead)
    }

    static func event(_ index: Int) -> String {
        let types = ["page_view", "form_submit", "webinar_attended"]
        return
            #"{"type": "\#(types[index % 3])", "at": "2026-11-\#(10 + index % 15)T09:00:00Z", "url": "/pricing", "form": "demo"}"#
    }

    @Test func aHundredThousandEventsGiveADecision() throws {
        let events = (0..<100_000).map(Self.event).joined(separator: ",")
        let result = try Self.eval(Data(#"{"id": "L-many", "email": "a@globex.com", "events": [\#(events)]}"#.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"lead_id":"L-many""#))
        #expect(result.stdout.contains(#""status":"handoff""#))
    }

    @Test func hugeStringsGiveADecision() throws {
        // The title goes through a case-insensitive regular expression with word boundaries.
        let long = String(repeating: "vice presiden ", count: 15_000)
        let lead = #"{"id": "L-long", "title": "\#(long)", "company": "\#(long)", "email": "\#(long)@x.com"}"#
        let result = try Self.eval(Data(lead.utf8))
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(#"{"lead_id":"L-long""#))
    }

    @Test(
        arguments: [
            (#"{"id": "L-1", "employees": "many"}"#, #"lead.employees: expected int, got string "many""#),
            (#"{"id": "L-1", "employees": 2.5}"#, "lead.employees: expected int"),
            (#"{"employees": 5}"#, "lead.id: required field is missing"),
            (#"{"id": "L-1", "id": "L-2"}"#, "duplicate"),
            (#"[1, 2]"#, "object"),
            (#"{"id": "L-1", "events": [{"type": "x", "at": "2026-11-25T12:00:00"}]}"#, "offset"),
            (String(repeating: "[", count: 300), "object"),
            (String(repeating: #"{"a":"#, count: 300), "nesting deeper than"),
            ("", "empty input"),
        ])
    func badLeadsAreBadInput(lead: String, messagePart: String) throws {
        let result = try Self.eval(Data(lead.utf8))
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""code":"bad-input""#))
        #expect(result.stderr.contains(messagePart))
    }

    @Test func invalidUTF8IsBadInput() throws {
        var bytes = Data(#"{"id": "L-1", "company": "Ac"#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(contentsOf: Data(#"me"}"#.utf8))
        let result = try Self.eval(bytes)
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""code":"bad-input""#))
        #expect(result.stderr.contains("UTF-8"))
    }
}
