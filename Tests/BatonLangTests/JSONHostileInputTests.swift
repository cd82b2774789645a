import Testing

@testable import BatonLang

/// Hostile leads: every one ends in a value or a clear error, never a crash
/// or a hang.
@Suite struct JSONHostileInputTests {
    let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead")

    func message(_ bytes: [UInt8], decoder: TypedJSONDecoder? = nil) -> String? {
        switch (decoder ?? self.decoder).decode(bytes) {
        case .success: nil
        case .failure(let error): error.message
        }
    }

    func event(_ index: Int) -> String {
        #"{"type": "page_view", "at": "2026-11-24T09:12:\#(String(format2: index % 60))Z"}"#
    }

    @Test func deepNestingInAnUndeclaredField() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(
            message(Array(#"{"id": "L", "junk": \#(deep)}"#.utf8))
                == "lead.junk: nesting deeper than 64 levels at line 1, column 84")
    }

    @Test func deepNestingInADynField() {
        let deep = String(repeating: "{\"a\":", count: 100) + "1" + String(repeating: "}", count: 100)
        #expect(
            message(Array(#"{"id": "L", "extra": \#(deep)}"#.utf8))?.hasPrefix(
                "lead.extra: nesting deeper than 64 levels") == true)
    }

    @Test func nestingLimitCountsTheRecord() {
        let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead", limits: LeadLimits(maxDepth: 2))
        let ok = #"{"id": "L", "tags": ["a"]}"#
        #expect(message(Array(ok.utf8), decoder: decoder) == nil)
        let tooDeep = #"{"id": "L", "events": [{"type": "v", "at": "2026-11-24T09:12:00Z"}]}"#
        #expect(message(Array(tooDeep.utf8), decoder: decoder) == "lead.events[0]: nesting deeper than 2 levels")
    }

    @Test func depthLimitIsBounded() {
        let limits = LeadLimits(maxDepth: 1_000_000)
        #expect(limits.maxDepth == 256)
        let decoder = TypedJSONDecoder(schema: testLeadSchema, root: "lead", limits: limits)
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(
            message(Array(#"{"id": "L", "extra": \#(deep)}"#.utf8), decoder: decoder)?.hasPrefix(
                "lead.extra: nesting deeper than 256 levels") == true)
        #expect(throws: JSONReadError.self) { try decodeDynamicJSON(Array(deep.utf8), limits: limits) }
    }

    @Test func longStrings() {
        let oneMiB = String(repeating: "x", count: 1 << 20)
        #expect(message(Array(#"{"id": "L", "email": "\#(oneMiB)"}"#.utf8)) == nil)
        let tooLong = oneMiB + "y"
        #expect(
            message(Array(#"{"id": "L", "email": "\#(tooLong)"}"#.utf8))
                == "lead.email: string longer than 1048576 bytes at line 1, column 22")
        #expect(
            message(Array(#"{"id": "L", "skipped": "\#(tooLong)"}"#.utf8))
                == "lead.skipped: string longer than 1048576 bytes at line 1, column 24")
        let escaped = String(repeating: "\\n", count: (1 << 20) + 1)
        #expect(
            message(Array(#"{"id": "L", "email": "\#(escaped)"}"#.utf8))
                == "lead.email: string longer than 1048576 bytes at line 1, column 22")
        let longKey = String(repeating: "k", count: (1 << 20) + 1)
        #expect(
            message(Array(#"{"id": "L", "\#(longKey)": 1}"#.utf8))
                == "lead: string longer than 1048576 bytes at line 1, column 13")
    }

    @Test func longMessagesAreCut() {
        let long = String(repeating: "é", count: 5000)
        #expect(
            message(Array(#"{"id": "L", "employees": "\#(long)"}"#.utf8))
                == #"lead.employees: expected int, got string ""# + String(repeating: "é", count: 100) + #"…""#)
    }

    @Test func hundredThousandEvents() throws {
        let events = (0..<100_000).map(event).joined(separator: ",")
        let record = try decoder.decode(Array(#"{"id": "L", "events": [\#(events)]}"#.utf8)).get()
        guard case .list(let list)? = record["events"] else {
            Issue.record("events missing")
            return
        }
        #expect(list.count == 100_000)
        let tooMany = events + "," + event(0)
        #expect(
            message(Array(#"{"id": "L", "events": [\#(tooMany)]}"#.utf8))
                == "lead.events: list longer than 100000 elements")
    }

    @Test func manyUndeclaredKeys() {
        let keys = (0..<50_000).map { #""k\#($0)": \#($0)"# }.joined(separator: ",")
        #expect(message(Array(#"{"id": "L", \#(keys)}"#.utf8)) == nil)
        #expect(
            message(Array(#"{"id": "L", \#(keys), "k49999": 0}"#.utf8))?.hasPrefix(
                "lead.k49999: duplicate key at line 1") == true)
    }

    @Test func truncatedLeadsNeverCrash() {
        let text = Array(
            #"{"id": "L-1", "employees": 2.5e2, "created_at": "2026-11-20T10:00:00+01:00", "events": [\#(event(1)), \#(event(2))], "attributes": {"a": 1}, "extra": [1, "\u00e9"], "tags": ["x"]}"#
                .utf8)
        #expect(message(text) == nil)
        for end in 0..<text.count {
            #expect(message(Array(text[0..<end])) != nil)
        }
    }

    /// Fuzz finding (lead target, Fuzz/Regressions/lead/combining-mark-starts-an-undeclared-key.json):
    /// a key that begins with a combining mark is named as written, the
    /// mark right after the dot; as Swift characters, `.` and the mark
    /// are one, so paths are compared as bytes.
    @Test func aKeyBeginningWithACombiningMarkIsNamedAsWritten() {
        let bytes =
            Array(#"{"id": "L", ""#.utf8) + [0xD6, 0xA0] + Array(#"k": ""#.utf8) + [0xDE, 0xDE] + Array(#""}"#.utf8)
        guard case .failure(let error) = decoder.decode(bytes) else {
            Issue.record("invalid UTF-8 was accepted")
            return
        }
        #expect(Array(error.path.utf8) == Array("lead.\u{05A0}k".utf8))
        #expect(!error.path.hasPrefix("lead."))
        #expect(error.message == "lead.\u{05A0}k: invalid UTF-8 at line 1, column 20")
    }

    @Test func everyByteValueInAString() {
        for byte in UInt8.min...UInt8.max {
            var bytes = Array(#"{"id": "L", "email": "a"#.utf8)
            bytes.append(byte)
            bytes += Array(#""}"#.utf8)
            let result = message(bytes)
            if byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                #expect(result == nil)
            } else {
                #expect(result != nil)
            }
        }
    }
}

extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
