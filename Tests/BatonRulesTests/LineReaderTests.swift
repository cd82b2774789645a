import Foundation
import Testing

@testable import BatonRules

/// Reading lines in blocks, and the cap on a line's length.
@Suite struct LineReaderTests {
    /// Every line of `bytes` as `nextLine(limit:)` reads it: its text, or nil when too long.
    static func lines(_ bytes: [UInt8], limit: Int) throws -> (lines: [String?], consumed: Int) {
        let (reader, descriptor) = try BatchPipelineTests.reader(bytes)
        defer { close(descriptor) }
        var lineReader = reader
        var lines: [String?] = []
        while let line = lineReader.nextLine(limit: limit) {
            switch line {
            case .bytes(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
            case .tooLong: lines.append(nil)
            }
        }
        return (lines, lineReader.bytesConsumed)
    }

    @Test func aLineOverTheLimitIsTooLongAndTheNextLinesAreRead() throws {
        let input = Array("abcd\nabcde\r\nabcd\r\nabcdef\nab".utf8)
        let (lines, consumed) = try Self.lines(input, limit: 4)
        #expect(lines == ["abcd", nil, "abcd", nil, "ab"])
        #expect(consumed == input.count)
    }

    @Test func aLastLineOverTheLimitWithoutNewlineIsTooLong() throws {
        let (lines, _) = try Self.lines(Array("ok\nabcdefgh".utf8), limit: 4)
        #expect(lines == ["ok", nil])
    }

    /// A line of many blocks is skipped block by block, up to its newline.
    @Test func aLineOfManyBlocksIsSkippedToItsNewline() throws {
        var input = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        input += Array("\r\nnext\n".utf8)
        input += [UInt8](repeating: UInt8(ascii: "y"), count: 300_000)
        let (lines, consumed) = try Self.lines(input, limit: 1000)
        #expect(lines == [nil, "next", nil])
        #expect(consumed == input.count)
    }

    /// Without a limit a line of any length is read whole.
    @Test func withoutALimitALongLineIsReadWhole() throws {
        let input = [UInt8](repeating: UInt8(ascii: "z"), count: 200_000) + Array("\nend".utf8)
        let (reader, descriptor) = try BatchPipelineTests.reader(input)
        defer { close(descriptor) }
        var lineReader = reader
        #expect(lineReader.nextLine()?.count == 200_000)
        #expect(lineReader.nextLine().map { Array($0) } == Array("end".utf8))
        #expect(lineReader.nextLine() == nil)
    }
}
