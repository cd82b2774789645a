import Testing

@testable import BatonLang

/// `Timestamp.parseUTCSeconds`, the word-at-a-time reading of
/// `YYYY-MM-DDTHH:MM:SSZ`, against the general RFC 3339 parser: it must
/// give the same instant for every text it accepts, accept every valid
/// text of that shape, and leave every other text (and every error) to the
/// general parser.
@Suite struct TimeParsingFastPathTests {
    /// The fast path's result, and the general parser's (nil for an error).
    private func both(_ bytes: [UInt8]) -> (fast: Timestamp?, general: Timestamp?) {
        bytes.withUnsafeBufferPointer { buffer in
            (Timestamp.parseUTCSeconds(buffer), try? Timestamp.parseRFC3339InGeneral(buffer))
        }
    }

    private func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let (fast, general) = both(bytes)
        let shown = String(decoding: bytes, as: UTF8.self)
        if let fast {
            #expect(fast == general, "\(shown)", sourceLocation: sourceLocation)
        } else if bytes.count == 20, bytes.last == UInt8(ascii: "Z") || bytes.last == UInt8(ascii: "z") {
            // Of the fast path's shape: refused only when the general parser refuses too.
            #expect(general == nil, "\(shown)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: [
        "2026-11-25T12:00:00Z", "2026-11-25t12:00:00z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2024-02-29T00:00:00Z", "2000-02-29T23:59:59Z",
        "1900-02-28T00:00:00Z", "1600-02-29T12:34:56Z",
        // Out of range: left to the general parser for its message.
        "2025-02-29T10:00:00Z", "1900-02-29T10:00:00Z", "2026-04-31T10:00:00Z", "2026-11-00T10:00:00Z",
        "2026-13-01T10:00:00Z", "2026-00-01T10:00:00Z", "0000-01-01T10:00:00Z", "2026-11-20T24:00:00Z",
        "2026-11-20T10:60:00Z", "2026-11-20T10:00:60Z", "2026-11-20T99:99:99Z",
        // Other shapes, some of them 20 bytes long.
        "2026-11-20T10:00:00", "2026-11-20T10:00:00+", "2026-11-20T10:00:00.5Z", "2026-11-20T10:00:00+01:00",
        "2026-11-20 10:00:00Z", "2026/11/20T10:00:00Z", "2026-11-20T10-00-00Z", "2026-11-20T10:00:00Y",
        "20261-1-20T10:00:00Z", "2026-1-201T10:00:00Z", "2026-11-20T10:00:0Z ", " 2026-11-20T10:00:00Z", "",
        "2026-11-20T10:00:0é", "２０２６-11-20T10:00:00Z",
    ])
    func agreesWithTheGeneralParser(text: String) {
        expectAgreement(Array(text.utf8))
    }

    @Test func acceptsEveryValidTextOfItsShape() {
        let text = Array("2026-11-25T12:00:00Z".utf8)
        #expect(both(text).fast == Timestamp(seconds: 1_795_608_000))
        #expect(both(Array("1969-12-31T23:59:59Z".utf8)).fast == Timestamp(seconds: -1))
    }

    /// Every byte value at every position of a valid text: the digit and
    /// separator checks of the word reading against the byte-wise ones.
    @Test func everyByteAtEveryPosition() {
        let base = Array("2026-11-25T12:00:00Z".utf8)
        for position in base.indices {
            for byte in UInt8.min...UInt8.max {
                var text = base
                text[position] = byte
                expectAgreement(text)
            }
        }
    }

    /// Every day of years around the epoch and around leap-year edges,
    /// at a few times of day.
    @Test func everyDayOfManyYears() {
        let years = Array(1968...2032) + [1, 2, 99, 100, 400, 1600, 1700, 1800, 1900, 2000, 2100, 2400, 9998, 9999]
        for year in years {
            for month in 1...12 {
                for day in 1...31 {
                    for time in ["00:00:00", "23:59:59", "12:34:56"] {
                        let text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T" + time + "Z"
                        expectAgreement(Array(text.utf8))
                    }
                }
            }
        }
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: width - digits.count) + digits
    }
}
