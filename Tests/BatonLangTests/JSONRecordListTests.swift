import Testing

@testable import BatonLang

/// A list of records read from JSON (a lead's events) is one allocation
/// for all its records, each record at its own place in it.
@Suite struct JSONRecordListTests {
    let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead")

    /// A lead with `count` events, event `i` of type `t<i>` at day `i` of January.
    static func lead(events count: Int, badAt bad: Int? = nil) -> [UInt8] {
        let events = (0..<count).map { index in
            index == bad
                ? #"{"type": "t\#(index)", "at": "not a time"}"#
                : #"{"type": "t\#(index)", "at": "2026-01-\#(index % 18 + 10)T00:00:00Z", "url": "https://example.com/\#(index)/a-path-longer-than-a-small-string"}"#
        }
        return Array(#"{"id": "L-1", "events": [\#(events.joined(separator: ", "))]}"#.utf8)
    }

    static func events(of lead: RecordValue) -> [RecordValue] {
        guard case .list(let elements) = lead["events"] else { return [] }
        return elements.compactMap { element in
            guard case .record(let record) = element else { return nil }
            return record
        }
    }

    /// Values compare by their printed text (`Value` is not `Equatable`: CEL's equality is `==`).
    static func same(_ value: Value?, _ expected: Value) -> Bool { value?.printedText == expected.printedText }

    // 9 and 40 outgrow the scratch buffer's first room (8 records) once and three times.
    @Test(arguments: [0, 1, 2, 9, 40])
    func eachRecordReadsItsOwnFieldsFromOneStorage(count: Int) throws {
        let lead = try decoder.decode(Self.lead(events: count)).get()
        let events = Self.events(of: lead)
        #expect(events.count == count)
        for (index, event) in events.enumerated() {
            #expect(Self.same(event["type"], .string("t\(index)")))
            #expect(Self.same(event["url"], .string("https://example.com/\(index)/a-path-longer-than-a-small-string")))
            #expect(Self.same(event["form"], .null))
            #expect(event.fields.count == 4)
            #expect(event.storage === events[0].storage)
        }
    }

    @Test func aRecordOutlivesItsListAndLead() throws {
        var kept: RecordValue?
        do {
            let lead = try decoder.decode(Self.lead(events: 12)).get()
            kept = Self.events(of: lead)[10]
        }
        let event = try #require(kept)
        #expect(Self.same(event["type"], .string("t10")))
        #expect(Self.same(.record(event), .record(RecordValue(type: event.type, fields: Array(event.fields)))))
    }

    // Past the first growth, and in the first record: what was read is freed, the path names the element.
    @Test(arguments: [0, 5, 20])
    func aBadRecordStopsTheListAtItsIndex(bad: Int) {
        guard case .failure(let error) = decoder.decode(Self.lead(events: 30, badAt: bad)) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.path == "lead.events[\(bad)].at")
    }

    @Test func recordsWithoutFieldsAreRecordsToo() throws {
        let schema = Schema([
            RecordType(name: "lead", fields: [.init(name: "marks", type: .list(.record("mark")))]),
            RecordType(name: "mark", fields: []),
        ])
        let lead = try TypedJSONDecoder(schema: schema, root: "lead").decode(
            Array(#"{"marks": [{}, {"x": 1}, {}]}"#.utf8)
        ).get()
        guard case .list(let marks) = lead["marks"] else {
            Issue.record("expected a list")
            return
        }
        #expect(marks.count == 3)
        #expect(marks.allSatisfy { if case .record(let mark) = $0 { mark.fields.isEmpty } else { false } })
    }
}
