/// Reading values of each declared kind, and the messages for values of
/// the wrong kind.
extension TypedRecordReader {
    // MARK: Values

    /// Reads the value at the current position as `nodeIndex` says; `.null`
    /// for JSON `null` (which means absent). `depth` counts the containers around the value.
    @inline(__always)
    mutating func readValue(_ nodeIndex: Int, depth: Int) throws(JSONProblem) -> Value {
        scanner.skipWhitespace()
        guard let byte = scanner.current else { throw scanner.unexpected(expecting: "a value") }
        if byte == UInt8(ascii: "n") {
            try scanner.scanLiteral("null")
            return .null
        }
        let node = nodes[nodeIndex]
        switch node.kind {
        case .string:
            guard byte == UInt8(ascii: "\"") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            let text = try scanner.scanString()
            guard let recentStrings else { return .string(scanner.makeString(text)) }
            return .string(
                scanner.withBytes(of: text) {
                    recentStrings.string(for: $0, node: nodeIndex, making: JSONScanner.makeString)
                })
        case .int:
            guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw try mismatch(expected: plan.nodeTypes[nodeIndex])
            }
            let start = scanner.position
            let number = try scanner.scanNumber()
            if let integer = number.integer { return .int(integer) }
            let double = number.double
            // 2^63 is exact as a double; Int64 takes [-2^63, 2^63).
            guard double >= -9_223_372_036_854_775_808, double < 9_223_372_036_854_775_808,
                Double(Int64(double)) == double
            else {
                scanner.position = start
                throw try mismatch(expected: plan.nodeTypes[nodeIndex])
            }
            return .int(Int64(double))
        case .double:
            guard byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                throw try mismatch(expected: plan.nodeTypes[nodeIndex])
            }
            return .double(try scanner.scanNumber().double)
        case .bool:
            if byte == UInt8(ascii: "t") {
                try scanner.scanLiteral("true")
                return .bool(true)
            }
            if byte == UInt8(ascii: "f") {
                try scanner.scanLiteral("false")
                return .bool(false)
            }
            throw try mismatch(expected: plan.nodeTypes[nodeIndex])
        case .timestamp:
            guard byte == UInt8(ascii: "\"") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            let text = try scanner.scanString()
            let parsed = scanner.withBytes(of: text) { bytes -> Result<Timestamp, TimeParseError> in
                do throws(TimeParseError) { return .success(try Timestamp.parseRFC3339(bytes)) } catch {
                    return .failure(error)
                }
            }
            switch parsed {
            case .success(let timestamp): return .timestamp(timestamp)
            case .failure(let error): throw badText(text, reason: error.reason)
            }
        case .duration:
            guard byte == UInt8(ascii: "\"") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            let text = try scanner.scanString()
            let parsed = scanner.withBytes(of: text) { bytes -> Result<TimeDuration, TimeParseError> in
                do throws(TimeParseError) { return .success(try TimeDuration.parse(bytes)) } catch {
                    return .failure(error)
                }
            }
            switch parsed {
            case .success(let duration): return .duration(duration)
            case .failure(let error): throw badText(text, reason: error.reason)
            }
        case .list:
            guard byte == UInt8(ascii: "[") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            try enterContainer(depth: depth)
            return .list(try readList(elementNode: node.child, depth: depth + 1))
        case .map:
            guard byte == UInt8(ascii: "{") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            try enterContainer(depth: depth)
            return .map(try readMap(valueNode: node.child, depth: depth + 1))
        case .record:
            guard byte == UInt8(ascii: "{") else { throw try mismatch(expected: plan.nodeTypes[nodeIndex]) }
            try enterContainer(depth: depth)
            return .record(try readRecord(node.child, depth: depth + 1))
        case .dyn:
            return try scanner.readDynamicValue(depth: depth, limits: limits)
        }
    }

    private func enterContainer(depth: Int) throws(JSONProblem) {
        guard depth < limits.maxDepth else {
            throw JSONProblem(
                message: "nesting deeper than \(limits.maxDepth) levels", offset: scanner.position, showsPosition: false
            )
        }
    }

    /// Reads the array at the current position; `depth` counts it.
    private mutating func readList(elementNode: Int, depth: Int) throws(JSONProblem) -> [Value] {
        if nodes[elementNode].kind == .record {
            return try readRecordList(nodes[elementNode].child, elementNode: elementNode, depth: depth)
        }
        var elements: [Value] = []
        try readElements { reader throws(JSONProblem) in
            let element = try reader.readValue(elementNode, depth: depth)
            if case .null = element { throw reader.nullElement(elementNode) }
            if elements.isEmpty { elements.reserveCapacity(16) }
            elements.append(element)
        }
        return elements
    }

    /// Reads the array at the current position, of records of `recordIndex`
    /// (element node `elementNode`), as ``readList(elementNode:depth:)``
    /// does, but into one allocation for all the records: their fields are
    /// read record after record into a scratch buffer, then moved into the
    /// records' shared storage. A comprehension over a lead's events then
    /// walks one block of memory, not an object per event (and the lead
    /// takes two allocations for its events, not one per event).
    private mutating func readRecordList(
        _ recordIndex: Int, elementNode: Int, depth: Int
    ) throws(JSONProblem) -> [Value] {
        let layout = layouts[recordIndex]
        let type = plan.recordTypes[recordIndex]
        var scratch = FieldScratch(fieldsPerRecord: type.fields.count)
        defer { scratch.free() }
        try readElements { reader throws(JSONProblem) in
            reader.scanner.skipWhitespace()
            guard let byte = reader.scanner.current else { throw reader.scanner.unexpected(expecting: "a value") }
            if byte == UInt8(ascii: "n") {
                try reader.scanner.scanLiteral("null")
                throw reader.nullElement(elementNode)
            }
            guard byte == UInt8(ascii: "{") else {
                throw try reader.mismatch(expected: reader.plan.nodeTypes[elementNode])
            }
            try reader.enterContainer(depth: depth)
            try reader.readMembers(recordIndex, layout: layout, into: scratch.appendNullRecord(), depth: depth + 1)
        }
        return scratch.moveRecords(of: type)
    }

    /// Reads the elements of the array at the current position (which holds
    /// `[`), each by `readElement`: the limit on their number, and the index
    /// in the path of an element's error, for both kinds of list.
    @inline(__always)
    private mutating func readElements(
        _ readElement: (inout TypedRecordReader) throws(JSONProblem) -> Void
    ) throws(JSONProblem) {
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "]") {
            scanner.position += 1
            return
        }
        var index = 0
        repeat {
            guard index < limits.maxListElements else {
                throw JSONProblem(
                    message: "list longer than \(limits.maxListElements) elements", offset: scanner.position,
                    showsPosition: false)
            }
            do throws(JSONProblem) {
                try readElement(&self)
            } catch {
                var problem = error
                problem.reversedPath.append(.index(index))
                throw problem
            }
            index += 1
        } while try !scanner.endOfMember(close: UInt8(ascii: "]"))
    }

    /// The error for a `null` element of a list of `elementNode`.
    private func nullElement(_ elementNode: Int) -> JSONProblem {
        JSONProblem(
            message: "expected \(plan.nodeTypes[elementNode]), got null", offset: scanner.position,
            showsPosition: false)
    }

    /// Reads the object at the current position as a `map<string, T>`;
    /// `null` members are left out.
    private mutating func readMap(valueNode: Int, depth: Int) throws(JSONProblem) -> MapValue {
        scanner.position += 1
        var entries: [(String, Value)] = []
        var keys: [String] = []
        var keyOffsets: [Int] = []
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
            return MapValue(entries)
        }
        repeat {
            guard keys.count < limits.maxListElements else {
                throw JSONProblem(
                    message: "map with more than \(limits.maxListElements) members", offset: scanner.position,
                    showsPosition: false)
            }
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpected(expecting: "a string key") }
            let key = try scanner.scanString()
            let name = scanner.makeString(key)
            try scanner.expectColon()
            keys.append(name)
            keyOffsets.append(key.offset)
            do throws(JSONProblem) {
                let value = try readValue(valueNode, depth: depth)
                if case .null = value {} else { entries.append((name, value)) }
            } catch {
                var problem = error
                problem.reversedPath.append(.key(name))
                throw problem
            }
        } while try !scanner.endOfMember(close: UInt8(ascii: "}"))
        if Set(keys).count != keys.count {
            throw scanner.duplicateKeyProblem(keys, offsets: keyOffsets)
        }
        return MapValue(entries)
    }

    // MARK: Messages

    /// `expected int, got string "many"` for the value at the current
    /// position; a syntax error when that value is not valid JSON.
    mutating func mismatch(expected: some CustomStringConvertible) throws(JSONProblem) -> JSONProblem {
        let start = scanner.position
        let got: String
        switch scanner.current {
        case UInt8(ascii: "\"")?:
            got = "string " + JSONWriter.quotedForMessage(try scanner.scanStringValue())
        case UInt8(ascii: "-")?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?:
            let number = try scanner.scanNumber()
            got =
                "number "
                + String(
                    decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]), as: UTF8.self)
        case UInt8(ascii: "t")?:
            try scanner.scanLiteral("true")
            got = "bool true"
        case UInt8(ascii: "f")?:
            try scanner.scanLiteral("false")
            got = "bool false"
        case UInt8(ascii: "n")?:
            try scanner.scanLiteral("null")
            got = "null"
        case UInt8(ascii: "{")?: got = "object"
        case UInt8(ascii: "[")?: got = "array"
        default: throw scanner.unexpected(expecting: "a value")
        }
        return JSONProblem(message: "expected \(expected), got \(got)", offset: start, showsPosition: false)
    }

    /// `timestamp without an offset: "2026-11-20T10:00:00"`.
    private func badText(_ text: ScannedString, reason: String) -> JSONProblem {
        JSONProblem(
            message: reason + ": " + JSONWriter.quotedForMessage(scanner.makeString(text)), offset: text.offset,
            showsPosition: false)
    }
}

/// The fields of a list's records while they are read: allocated with the
/// first record and grown by doubling, every slot initialized (null until
/// read), so that `free` after a throw destroys exactly what was read.
private struct FieldScratch {
    let fieldsPerRecord: Int
    private(set) var records = 0
    private var capacity = 0
    private var base: UnsafeMutablePointer<Value>?

    init(fieldsPerRecord: Int) {
        self.fieldsPerRecord = fieldsPerRecord
    }

    /// Room for one more record, its fields null, for `readMembers` to fill.
    mutating func appendNullRecord() -> UnsafeMutableBufferPointer<Value> {
        let start = records * fieldsPerRecord
        if base == nil || start + fieldsPerRecord > capacity {
            let grownCapacity = max(8 * max(1, fieldsPerRecord), capacity * 2)
            let grown = UnsafeMutablePointer<Value>.allocate(capacity: grownCapacity)
            if let base {
                grown.moveInitialize(from: base, count: start)
                base.deallocate()
            }
            base = grown
            capacity = grownCapacity
        }
        let record = base.unsafelyUnwrapped + start
        record.initialize(repeating: .null, count: fieldsPerRecord)
        records += 1
        return UnsafeMutableBufferPointer(start: record, count: fieldsPerRecord)
    }

    /// The records read, as list elements sharing one storage; the scratch is left empty.
    mutating func moveRecords(of type: RecordType) -> [Value] {
        guard let base, records > 0 else { return [] }
        let moved = RecordValue.records(of: type, moving: base, count: records)
        records = 0
        return moved
    }

    /// Destroys what is left and frees the memory.
    func free() {
        guard let base else { return }
        base.deinitialize(count: records * fieldsPerRecord)
        base.deallocate()
    }
}
