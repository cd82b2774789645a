import Testing

@testable import BatonLang

@Suite struct JSONWriterTests {
    @Test(arguments: [
        ("plain", "\"plain\""), ("quote \" backslash \\", "\"quote \\\" backslash \\\\\""),
        ("line\nfeed\ttab\rcr", "\"line\\nfeed\\ttab\\rcr\""), ("\u{08}\u{0C}", "\"\\b\\f\""),
        ("\u{00}\u{01}\u{1F}", "\"\\u0000\\u0001\\u001f\""), ("é 日本 🎉", "\"é 日本 🎉\""),
        ("/ slash and \u{7F}", "\"/ slash and \u{7F}\""), ("", "\"\""),
    ])
    func stringEscapes(text: String, expected: String) {
        var writer = JSONWriter()
        writer.string(text)
        #expect(writer.text == expected)
    }

    /// Text is checked eight bytes at a time, then its last eight: an escape
    /// at every position of texts of every length up to 40 bytes, as a
    /// string, a key, and after other output.
    @Test func escapesAtEveryPositionAndLength() {
        for length in 1...40 {
            for position in 0..<length {
                for special in ["\"", "\\", "\n", "\u{01}"] {
                    var characters = Array(repeating: "a", count: length)
                    characters[position] = special
                    let text = characters.joined()
                    let escaped = text.unicodeScalars.map { scalar -> String in
                        switch scalar {
                        case "\"": return "\\\""
                        case "\\": return "\\\\"
                        case "\n": return "\\n"
                        case "\u{01}": return "\\u0001"
                        default: return String(scalar)
                        }
                    }.joined()
                    var writer = JSONWriter()
                    writer.beginArray()
                    writer.string(text)
                    writer.beginObject()
                    writer.key(text)
                    writer.int(1)
                    writer.endObject()
                    writer.endArray()
                    #expect(writer.text == "[\"\(escaped)\",{\"\(escaped)\":1}]", "\(length) \(position)")
                }
            }
        }
    }

    @Test func fragmentsPlaceCommasByTheirLastByte() {
        var writer = JSONWriter()
        writer.beginArray()
        writer.fragment(#"{"a":"#, separated: true)
        writer.int(1)
        writer.fragment(#","b":["#)
        writer.int(2)
        writer.int(3)
        writer.fragment("]}")
        writer.fragment(#"{"a":"#, separated: true)
        writer.null()
        writer.fragment("}")
        writer.endArray()
        #expect(writer.text == #"[{"a":1,"b":[2,3]},{"a":null}]"#)
    }

    @Test func valueOrNullRollsBackAValueHoldingAnError() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.writeValueOrNull(.list([.int(1), .error(EvalError("bad"))]), style: .decision)
        writer.key("b")
        writer.writeValueOrNull(.list([.int(2)]), style: .decision)
        writer.endObject()
        #expect(writer.text == #"{"a":null,"b":[2]}"#)
    }

    /// Scalars skip the rollback bookkeeping, but never the size limit: a
    /// string whose JSON (escaped) passes `maximumBytes` is still null.
    @Test func valueOrNullKeepsTheLimitForScalars() {
        var writer = JSONWriter()
        writer.beginArray()
        for value: Value in [
            .string(String(repeating: "a", count: 62)), .string(String(repeating: "a", count: 63)),
            .string(String(repeating: "\"", count: 30)), .string(String(repeating: "\"", count: 31)),
            .string("\u{01}"), .int(-7), .double(2.5), .bool(true), .null,
        ] {
            writer.writeValueOrNull(value, style: .decision, maximumBytes: 64)
        }
        writer.endArray()
        let a62 = String(repeating: "a", count: 62)
        let quotes30 = String(repeating: #"\""#, count: 30)
        // The limit counts the comma before a value.
        #expect(writer.text == #"[""# + a62 + #"",null,""# + quotes30 + #"",null,"\u0001",-7,2.5,true,null]"#)
    }

    /// Digits are written two at a time: every length of an integer, both
    /// signs, and the hundredths that carry the points of a decision.
    @Test func integersOfEveryLength() {
        var power: Int64 = 1
        var values: [Int64] = [0, Int64.max, Int64.min]
        for _ in 0..<19 {
            values += [power, power - 1, power + 7, -power]
            power = power &* 10
        }
        for value in values {
            var writer = JSONWriter()
            writer.int(value)
            #expect(writer.text == String(value))
        }
        for (hundredths, expected) in [
            (0, "0"), (5, "0.05"), (50, "0.5"), (4500, "45"), (-9250, "-92.5"), (123_456_789, "1234567.89"),
        ] as [(Int64, String)] {
            var writer = JSONWriter()
            writer.hundredths(hundredths)
            #expect(writer.text == expected)
        }
    }

    /// Keys and strings shorter than eight bytes are copied by overlapping
    /// loads: every length from 0 to 9.
    @Test func shortStringsOfEveryLength() {
        for length in 0...9 {
            let text = String("abcdefghi".prefix(length))
            var writer = JSONWriter()
            writer.beginObject()
            writer.key(text)
            writer.string(text)
            writer.endObject()
            #expect(writer.text == "{\"\(text)\":\"\(text)\"}")
        }
    }

    @Test func copiesShareNothingOnceWritten() {
        var first = JSONWriter(reservingCapacity: 1)
        first.string("one")
        var second = first
        second.string("two")
        first.string("three")
        #expect(first.text == #""one","three""#)
        #expect(second.text == #""one","two""#)
    }

    @Test func objectsAndArraysPlaceCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("lead_id")
        writer.string("L-1")
        writer.key("total")
        writer.double(92.5)
        writer.key("points")
        writer.double(45)
        writer.key("events")
        writer.beginArray()
        writer.int(1)
        writer.int(Int64.min)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.endArray()
        writer.key("ok")
        writer.bool(true)
        writer.key("none")
        writer.null()
        writer.key("at")
        writer.timestamp(Timestamp(seconds: 1_795_608_000))
        writer.key("wait")
        writer.duration(TimeDuration(seconds: 3600))
        writer.key("bad")
        writer.double(.nan)
        writer.endObject()
        #expect(
            writer.text
                == #"{"lead_id":"L-1","total":92.5,"points":45,"events":[1,-9223372036854775808,{},[]],"ok":true,"none":null,"at":"2026-11-25T12:00:00Z","wait":"3600s","bad":"NaN"}"#
        )
        writer.reset()
        writer.int(7)
        #expect(writer.text == "7")
    }

    static let event = RecordType(
        name: "event",
        fields: [
            .init(name: "type", type: .string, required: true), .init(name: "at", type: .timestamp),
            .init(name: "weight", type: .double),
        ])

    @Test func valuesInBothStyles() throws {
        let value = Value.map(
            MapValue([
                ("n", .double(1)), ("x", .double(2.5)), ("big", .double(1e21)), ("i", .int(3)),
                (
                    "e",
                    .record(
                        RecordValue(
                            type: Self.event,
                            fields: [
                                .string("visit"), .timestamp(Timestamp(seconds: 0, nanos: 500_000_000)), .double(-0.0),
                            ]))
                ),
                ("d", .duration(TimeDuration(nanoseconds: -1_250_000_000))),
            ]))
        var decision = JSONWriter()
        try decision.writeValue(value, style: .decision)
        #expect(
            decision.text
                == #"{"n":1,"x":2.5,"big":1000000000000000000000,"i":3,"e":{"type":"visit","at":"1970-01-01T00:00:00.5Z","weight":0},"d":"-1.25s"}"#
        )
        var expr = JSONWriter()
        try expr.writeValue(value, style: .expr)
        #expect(
            expr.text
                == #"{"n":1.0,"x":2.5,"big":1000000000000000000000.0,"i":3,"e":{"type":"visit","at":"1970-01-01T00:00:00.5Z","weight":0.0},"d":"-1.25s"}"#
        )
    }

    @Test func errorsAreNotWritable() {
        var writer = JSONWriter()
        #expect(throws: EvalError("division by zero")) {
            try writer.writeValue(.list([.int(1), .error(EvalError("division by zero"))]), style: .decision)
        }
    }

    @Test func writtenValuesReadBack() throws {
        let value = Value.list([.string("a\u{0}\"\\\n日"), .int(-5), .double(0.1), .bool(false), .null])
        var writer = JSONWriter()
        try writer.writeValue(value, style: .expr)
        let back = try decodeDynamicJSON(writer.bytes)
        var again = JSONWriter()
        try again.writeValue(back, style: .expr)
        #expect(again.text == writer.text)
    }
}
