/// Reads a record of a declared schema type (a lead) straight from JSON
/// bytes into a ``RecordValue``, with no generic JSON tree in between.
///
/// The hot path of `baton batch`: field names are matched to slots from
/// the raw key bytes, undeclared fields are validated and skipped without
/// building values. Bad input (rules.md "Bad input") gives a
/// ``LeadInputError`` naming the field path:
/// `lead.employees: expected int, got string "many"`.
///
/// - An `int` field takes an integral number that fits 64 bits (`250`,
///   `250.0`, `2.5e2`); a `double` field any number.
/// - `timestamp` fields take RFC 3339 strings with an offset, `duration`
///   fields duration strings (`"90s"`).
/// - JSON `null` is the same as an absent field; an absent list or map
///   field reads as empty; a `null` map member is left out; a `null` list
///   element is an error.
/// - A missing required field, a duplicate key, invalid UTF-8, invalid JSON
///   and exceeded ``LeadLimits`` are errors.
public struct TypedJSONDecoder: Sendable {
    let plan: DecodingPlan
    /// The path prefix of messages: the root record type's name.
    let rootName: String
    let limits: LeadLimits
    /// Shared by the copies of this decoder: one thread at a time uses it.
    let recentStrings: RecentStringCache

    /// Prepares the field tables of `root` and every record type it reaches.
    /// A field of a record type the schema lacks is read dynamically; an
    /// unknown `root` makes every decode fail with a message saying so.
    public init(schema: Schema, root: String, limits: LeadLimits = .init()) {
        self.plan = DecodingPlan(schema: schema, root: root)
        self.recentStrings = RecentStringCache(nodeCount: plan.nodes.count)
        self.rootName = root
        self.limits = limits
    }

    /// Reads one record (a lead) from the JSON bytes, or says why it is bad
    /// input; the error carries the record's `id` when it can be read.
    public func decode(_ bytes: [UInt8]) -> Result<RecordValue, LeadInputError> {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Reads one record from the JSON bytes, as ``decode(_:)-([UInt8])`` does.
    public func decode(_ bytes: ArraySlice<UInt8>) -> Result<RecordValue, LeadInputError> {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    /// Reads one record from the JSON bytes, as ``decode(_:)-([UInt8])`` does.
    public func decode(_ bytes: UnsafeRawBufferPointer) -> Result<RecordValue, LeadInputError> {
        decode(bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// Reads one record from the JSON bytes, as ``decode(_:)-([UInt8])`` does.
    public func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<RecordValue, LeadInputError> {
        guard let root = plan.root else {
            return .failure(LeadInputError(path: rootName, message: "\(rootName): unknown record type"))
        }
        return recentStrings.withTable { recentStrings in
            var reader = TypedRecordReader(bytes: bytes, plan: plan, limits: limits, recentStrings: recentStrings)
            do throws(JSONProblem) {
                return .success(try reader.readRoot(root))
            } catch {
                return .failure(inputError(for: error, scanner: reader.scanner))
            }
        }
    }

    /// The record's `id` field when it is a string, read on a best-effort
    /// basis even from a bad record (for the error object's `lead_id`).
    public func leadID(in bytes: [UInt8]) -> String? { bytes.withUnsafeBufferPointer { leadID(in: $0) } }

    /// The record's `id` when it is a string, as ``leadID(in:)-([UInt8])`` reads it.
    public func leadID(in bytes: ArraySlice<UInt8>) -> String? { bytes.withUnsafeBufferPointer { leadID(in: $0) } }

    /// The record's `id` when it is a string, as ``leadID(in:)-([UInt8])`` reads it.
    public func leadID(in bytes: UnsafeRawBufferPointer) -> String? {
        leadID(in: bytes.assumingMemoryBound(to: UInt8.self))
    }

    /// The record's `id` when it is a string, as ``leadID(in:)-([UInt8])`` reads it.
    public func leadID(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scanner = JSONScanner(bytes: bytes, maxStringBytes: limits.maxStringBytes)
        do throws(JSONProblem) {
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "{") else { return nil }
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "}") { return nil }
            repeat {
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "\"") else { return nil }
                let key = try scanner.scanString()
                let isID = scanner.withBytes(of: key) {
                    $0.count == 2 && $0[0] == UInt8(ascii: "i") && $0[1] == UInt8(ascii: "d")
                }
                try scanner.expectColon()
                scanner.skipWhitespace()
                if isID {
                    guard scanner.current == UInt8(ascii: "\"") else { return nil }
                    return try scanner.scanStringValue()
                }
                try scanner.skipValue(depth: 1, maxDepth: limits.maxDepth)
            } while try !scanner.endOfMember(close: UInt8(ascii: "}"))
        } catch {
            return nil
        }
        return nil
    }

    private func inputError(for problem: JSONProblem, scanner: JSONScanner) -> LeadInputError {
        var path = rootName
        for component in problem.reversedPath.reversed() {
            switch component {
            case .field(let name): path += "." + name
            case .index(let index): path += "[\(index)]"
            case .key(let key): path += "[" + JSONWriter.quoted(key) + "]"
            }
        }
        var message = path + ": " + problem.message
        if problem.showsPosition {
            let (line, column) = scanner.lineAndColumn(of: problem.offset)
            message += " at line \(line), column \(column)"
        }
        return LeadInputError(path: path, message: message, leadID: leadID(in: scanner.bytes))
    }
}
