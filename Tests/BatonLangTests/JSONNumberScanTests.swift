import Testing

@testable import BatonLang

/// The scanner's numbers read without overflow checks while the mantissa
/// cannot overflow, then with them: the value must be the correctly
/// rounded double of the text (and the exact integer when one fits) on
/// both sides of the switch.
@Suite struct JSONNumberScanTests {
    @Test(arguments: [
        "0", "-0", "7", "-7", "44945000.0", "0.5", "0.000123", "1e5", "1.5e-3", "-2.5E+3",
        "123456789012345678", "1234567890123456789", "12345678901234567890", "99999999999999999999",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "123456789012345678.9", "1.2345678901234567890123", "0.1234567890123456789012345",
        "123456789.123456789123", "99999999999999999999.99999", "1234567890123456789012345678901234567890",
        "0.00000000000000000001", "4.9e-324", "1.7976931348623157e308",
    ])
    func scannedNumbersAreCorrectlyRounded(text: String) throws {
        let number = try Array(text.utf8).withUnsafeBufferPointer { buffer throws(JSONProblem) in
            var scanner = JSONScanner(bytes: buffer, maxStringBytes: 100)
            return try scanner.scanNumber()
        }
        #expect(number.double == Double(text)!)
        let isIntegerLiteral = !text.contains(where: { ".eE".contains($0) })
        #expect(number.isIntegerLiteral == isIntegerLiteral)
        #expect(number.integer == (isIntegerLiteral ? Int64(text) : nil))
    }
}
