import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// `baton expr --ndjson`: one output line per input line, in order; a bad
/// line is answered with an error object, never a crash.
enum ExpressionBatch {
    /// Reads stdin to the end; returns how many lines failed.
    static func run(now: Timestamp) -> Int {
        var failures = 0
        var output: [UInt8] = []
        var line = JSONWriter()
        var reader = LineReader(fileDescriptor: 0)
        while let input = reader.nextLine() {
            line.reset()
            if answer(input, now: now, into: &line) == false { failures += 1 }
            output.append(contentsOf: line.bytes)
            output.append(UInt8(ascii: "\n"))
            if output.count >= 1 << 16 {
                Console.out(bytes: output)
                output.removeAll(keepingCapacity: true)
            }
        }
        Console.out(bytes: output)
        return failures
    }

    /// Writes the answer to one input line into an empty writer; false when it is an error.
    private static func answer(_ line: ArraySlice<UInt8>, now: Timestamp, into output: inout JSONWriter) -> Bool {
        let request: Value
        do {
            request = try decodeDynamicJSON(line)
        } catch {
            writeError(.parse, "input line: \(error.description)", into: &output)
            return false
        }
        guard case .map(let object) = request, case .string(let source)? = object["expr"] else {
            writeError(.parse, "input line: expected an object with a string \"expr\"", into: &output)
            return false
        }
        let variables = object["vars"] ?? .map(MapValue([]))
        switch ExpressionEvaluation.evaluate(source, variables: variables, now: now) {
        case .value(let value):
            do {
                output.beginObject()
                output.key("value")
                try output.writeValue(value, style: .expr)
                output.endObject()
                return true
            } catch {
                // A value that cannot be written (an error inside a list, say)
                // replaces the partial line.
                output.reset()
                writeError(.eval, error.message, into: &output)
                return false
            }
        case .failure(let kind, let message, _):
            writeError(kind, message, into: &output)
            return false
        }
    }

    private static func writeError(
        _ kind: ExpressionEvaluation.FailureKind, _ message: String, into output: inout JSONWriter
    ) {
        output.beginObject()
        output.key("error")
        output.beginObject()
        output.key("kind")
        output.string(kind.rawValue)
        output.key("message")
        output.string(message)
        output.endObject()
        output.endObject()
    }
}
