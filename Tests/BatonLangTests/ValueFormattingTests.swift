import Testing

@testable import BatonLang

@Suite struct ValueFormattingTests {
    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (0.1, "0.1"), (45.0, "45"), (92.5, "92.5"), (-1.25, "-1.25"),
        (1e21, "1000000000000000000000"), (1e-7, "0.0000001"), (123456789.123, "123456789.123"),
        (Double.leastNonzeroMagnitude, "0." + String(repeating: "0", count: 323) + "5"),
        (9007199254740993.0, "9007199254740992"), (1.2345e16, "12345000000000000"),
        (-9.223372036854776e18, "-9223372036854776000"),
        (1.7976931348623157e308, "17976931348623157" + String(repeating: "0", count: 292)),
        (0.30000000000000004, "0.30000000000000004"), (100.0, "100"), (1e-5, "0.00001"), (0.001, "0.001"),
        (Double.nan, "NaN"), (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"),
    ])
    func decimals(value: Double, expected: String) {
        #expect(formatDecimal(value) == expected)
        if value.isFinite { #expect(Double(expected) == value || (value == 0 && Double(expected) == 0)) }
    }

    @Test(arguments: [
        (Timestamp(seconds: 0), "1970-01-01T00:00:00Z", "1970-01-01"),
        (Timestamp(seconds: 1_795_608_000), "2026-11-25T12:00:00Z", "2026-11-25"),
        (Timestamp(seconds: 1_795_608_000, nanos: 500_000_000), "2026-11-25T12:00:00.5Z", "2026-11-25"),
        (Timestamp(seconds: 1_795_608_000, nanos: 123_000_000), "2026-11-25T12:00:00.123Z", "2026-11-25"),
        (Timestamp(seconds: 1_795_608_000, nanos: 1), "2026-11-25T12:00:00.000000001Z", "2026-11-25"),
        (Timestamp(seconds: -1), "1969-12-31T23:59:59Z", "1969-12-31"),
        (Timestamp(seconds: 951_782_400), "2000-02-29T00:00:00Z", "2000-02-29"),
        (Timestamp(seconds: -62_135_596_800), "0001-01-01T00:00:00Z", "0001-01-01"),
        (Timestamp(seconds: 253_402_300_799), "9999-12-31T23:59:59Z", "9999-12-31"),
    ])
    func timestamps(instant: Timestamp, expected: String, date: String) {
        #expect(instant.rfc3339 == expected)
        #expect(instant.dateString == date)
    }

    @Test func extremeTimestampsDoNotCrash() {
        #expect(!Timestamp(seconds: .max, nanos: 999_999_999).rfc3339.isEmpty)
        #expect(!Timestamp(seconds: .min, nanos: 0).rfc3339.isEmpty)
        #expect(Timestamp(seconds: 0, nanos: -1).rfc3339 == "1969-12-31T23:59:59.999999999Z")
    }

    @Test(arguments: [
        (Int64(3_600_000_000_000), "3600s"), (500_000_000, "0.5s"), (-1_250_000_000, "-1.25s"), (0, "0s"),
        (1, "0.000000001s"), (Int64.min, "-9223372036.854775808s"), (Int64.max, "9223372036.854775807s"),
    ])
    func durations(nanoseconds: Int64, expected: String) {
        #expect(TimeDuration(nanoseconds: nanoseconds).formatted == expected)
    }

    static let event = RecordType(
        name: "event",
        fields: [
            .init(name: "type", type: .string, required: true), .init(name: "at", type: .timestamp),
        ])

    @Test(arguments: [
        (Value.int(-42), "-42"), (.double(45), "45"), (.double(0.5), "0.5"), (.bool(true), "true"),
        (.null, "null"), (.string("a \"b\""), "a \"b\""), (.timestamp(Timestamp(seconds: 0)), "1970-01-01T00:00:00Z"),
        (.duration(TimeDuration(seconds: 90)), "90s"),
        (
            .list([.int(1), .double(2.5), .string("x\n"), .null, .timestamp(Timestamp(seconds: 0))]),
            "[1,2.5,\"x\\n\",null,\"1970-01-01T00:00:00Z\"]"
        ),
        (.map(MapValue([("b", .int(1)), ("a", .list([])), ("b", .int(2))])), "{\"b\":2,\"a\":[]}"),
        (.record(RecordValue(type: event, fields: [.string("visit"), .null])), "{\"type\":\"visit\",\"at\":null}"),
        (.list([.double(.nan), .double(-.infinity)]), "[\"NaN\",\"-Infinity\"]"),
        (.error(EvalError("division by zero")), "division by zero"),
    ])
    func printedText(value: Value, expected: String) {
        #expect(value.printedText == expected)
    }
}
