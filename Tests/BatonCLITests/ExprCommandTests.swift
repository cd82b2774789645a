import Foundation
import Testing

/// `baton expr` end to end: the real binary, its output and exit status.
@Suite struct ExprCommandTests {
    @Test(arguments: [
        (["expr", "1 + 2 * 3"], "7\n"),
        (["expr", "7 / 2"], "3.5\n"),
        (["expr", "1.0 + 1"], "2.0\n"),
        (["expr", "'Ab'.lower() + \"c\""], "\"abc\"\n"),
        (["expr", "[1, 2, 3].map(x, x * 2)"], "[2,4,6]\n"),
        (["expr", "{'a': 1}.b ?? 'none'"], "\"none\"\n"),
        (["expr", "lead.employees / 100 * 2.5", "--vars", "{\"lead\": {\"employees\": 250}}"], "6.25\n"),
        (["expr", "duration('36h')"], "\"129600s\"\n"),
        (["expr", "timestamp('2026-11-25T10:00:00+02:00')"], "\"2026-11-25T08:00:00Z\"\n"),
    ])
    func printsTheValue(arguments: [String], expected: String) throws {
        let result = try BatonProcess.run(arguments)
        #expect(result.stdout == expected)
        #expect(result.status == 0)
    }

    @Test func failedExpressionExitsOneWithTheMessage() throws {
        let result = try BatonProcess.run(["expr", "1 / 0"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.contains("division by zero"))
    }

    @Test func parseErrorIsRenderedWithACaret() throws {
        let result = try BatonProcess.run(["expr", "1 +"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("<expr>:1:"))
        #expect(result.stderr.contains("^"))
    }

    @Test func ndjsonAnswersEveryLineInOrder() throws {
        let input = """
            {"expr": "x + 1", "vars": {"x": 41}}
            not json
            {"expr": "1 +"}
            {"expr": "nope + 1"}
            {"expr": "1 / 0"}

            {"expr": "size(s)", "vars": {"s": "héllo"}}
            """
        let result = try BatonProcess.run(["expr", "--ndjson"], stdin: input)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 7)
        #expect(lines[0] == #"{"value":42}"#)
        #expect(lines[1].hasPrefix(#"{"error":{"kind":"parse""#))
        #expect(lines[2].hasPrefix(#"{"error":{"kind":"parse""#))
        #expect(lines[3].hasPrefix(#"{"error":{"kind":"type""#))
        #expect(lines[4].hasPrefix(#"{"error":{"kind":"eval""#))
        #expect(lines[5].hasPrefix(#"{"error":{"kind":"parse""#))
        #expect(lines[6] == #"{"value":5}"#)
        #expect(result.status == 1)
    }

    @Test func ndjsonSurvivesInvalidUTF8AndAMissingFinalNewline() throws {
        var input = Data(#"{"expr": "'a'"}"#.utf8)
        input.append(contentsOf: [0x0A, 0xFF, 0xFE, 0x0A])
        input.append(contentsOf: Array(#"{"expr": "2"}"#.utf8))
        let result = try BatonProcess.run(["expr", "--ndjson"], stdinBytes: input)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0] == #"{"value":"a"}"#)
        #expect(lines[1].hasPrefix(#"{"error":"#))
        #expect(lines[2] == #"{"value":2}"#)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try BatonProcess.run(["expr"]).status == 64)
        #expect(try BatonProcess.run(["expr", "1", "--now", "yesterday"]).status == 64)
        #expect(try BatonProcess.run(["expr", "1", "--bogus"]).status == 64)
    }
}
