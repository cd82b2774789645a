/// Invalid JSON text: what is wrong and where (byte offset, 1-based line
/// and column, the column in characters).
public struct JSONReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problem alone (`trailing comma`).
    public let message: String
    public let offset: Int
    public let line: Int
    public let column: Int

    /// An error at a byte offset, with its line and column.
    public init(message: String, offset: Int, line: Int, column: Int) {
        self.message = message
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// `invalid JSON at line 1, column 7: trailing comma`.
    public var description: String { "invalid JSON at line \(line), column \(column): \(message)" }
}

/// Reads JSON text into a run-time value without a schema (`baton expr
/// --vars`, NDJSON lines).
///
/// Objects become maps in insertion order, arrays lists; a number written
/// without fraction or exponent that fits 64 bits is an `int`, any other a
/// `double`. Strict RFC 8259: no trailing commas, comments or NaN; invalid
/// UTF-8, a duplicate key, nesting deeper than `limits.maxDepth` (64) and
/// strings or lists beyond the limits are errors.
public func decodeDynamicJSON(_ bytes: some Collection<UInt8>, limits: LeadLimits = .init()) throws(JSONReadError)
    -> Value
{
    let outcome: Result<Value, JSONReadError>? = bytes.withContiguousStorageIfAvailable { buffer in
        decodeDynamicJSON(buffer: buffer, limits: limits)
    }
    return try (outcome ?? Array(bytes).withUnsafeBufferPointer { decodeDynamicJSON(buffer: $0, limits: limits) }).get()
}

private func decodeDynamicJSON(buffer: UnsafeBufferPointer<UInt8>, limits: LeadLimits) -> Result<Value, JSONReadError> {
    var scanner = JSONScanner(bytes: buffer, maxStringBytes: limits.maxStringBytes)
    do throws(JSONProblem) {
        let value = try scanner.readDynamicValue(depth: 0, limits: limits)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.problem("unexpected text after the JSON value") }
        return .success(value)
    } catch {
        let (line, column) = scanner.lineAndColumn(of: error.offset)
        return .failure(JSONReadError(message: error.message, offset: error.offset, line: line, column: column))
    }
}

extension JSONScanner {
    /// Reads any JSON value as a dynamic `Value`; `depth` counts the
    /// containers around it.
    mutating func readDynamicValue(depth: Int, limits: LeadLimits) throws(JSONProblem) -> Value {
        skipWhitespace()
        guard let byte = current else { throw unexpected(expecting: "a value") }
        switch byte {
        case UInt8(ascii: "\""):
            return .string(try scanStringValue())
        case UInt8(ascii: "t"):
            try scanLiteral("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try scanLiteral("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try scanLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try scanNumber()
            if let integer = number.integer { return .int(integer) }
            return .double(number.double)
        case UInt8(ascii: "["):
            guard depth < limits.maxDepth else { throw problem("nesting deeper than \(limits.maxDepth) levels") }
            let open = position
            position += 1
            var elements: [Value] = []
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .list(elements)
            }
            repeat {
                guard elements.count < limits.maxListElements else {
                    throw problem("list longer than \(limits.maxListElements) elements", at: open)
                }
                elements.append(try readDynamicValue(depth: depth + 1, limits: limits))
            } while try !endOfMember(close: UInt8(ascii: "]"))
            return .list(elements)
        case UInt8(ascii: "{"):
            guard depth < limits.maxDepth else { throw problem("nesting deeper than \(limits.maxDepth) levels") }
            return .map(try readDynamicObject(depth: depth, limits: limits))
        default:
            throw unexpected(expecting: "a value")
        }
    }

    private mutating func readDynamicObject(depth: Int, limits: LeadLimits) throws(JSONProblem) -> MapValue {
        let open = position
        position += 1
        var entries: [(String, Value)] = []
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return MapValue(entries)
        }
        var keyOffsets: [Int] = []
        repeat {
            guard entries.count < limits.maxListElements else {
                throw problem("object with more than \(limits.maxListElements) members", at: open)
            }
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw unexpected(expecting: "a string key") }
            let key = try scanString()
            let name = makeString(key)
            try expectColon()
            keyOffsets.append(key.offset)
            entries.append((name, try readDynamicValue(depth: depth + 1, limits: limits)))
        } while try !endOfMember(close: UInt8(ascii: "}"))
        let map = MapValue(entries)
        if map.count != entries.count { throw duplicateKeyProblem(entries.map(\.0), offsets: keyOffsets) }
        return map
    }

    /// The problem for the first repeated key (only computed on error).
    func duplicateKeyProblem(_ keys: [String], offsets: [Int]) -> JSONProblem {
        var seen = Set<String>()
        for (key, offset) in zip(keys, offsets) where !seen.insert(key).inserted {
            return problem("duplicate key \(JSONWriter.quoted(key))", at: offset)
        }
        return problem("duplicate key")
    }
}

extension JSONWriter {
    /// A string as a JSON string literal, for messages.
    static func quoted(_ text: String) -> String {
        var writer = JSONWriter(reservingCapacity: text.utf8.count + 2)
        writer.string(text)
        return writer.text
    }

    /// A JSON-quoted string for an error message, cut after 100 characters
    /// so that a 1 MB value does not become a 1 MB message.
    package static func quotedForMessage(_ text: String) -> String {
        let limit = 100
        guard text.unicodeScalars.count > limit else { return JSONWriter.quoted(text) }
        let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        return JSONWriter.quoted(prefix + "…")
    }
}
