/// The state of one ``TypedJSONDecoder`` decode: the scanner over the
/// input and the keys of undeclared fields seen in the open objects (to
/// report duplicates among them too).
struct TypedRecordReader {
    var scanner: JSONScanner
    let plan: DecodingPlan
    // The plan's buffers, copied out so field reads touch no reference counts.
    private let nodes: UnsafeMutableBufferPointer<ValueNode>
    private let layouts: UnsafeMutableBufferPointer<RecordLayout>
    private let fieldNodes: UnsafeMutableBufferPointer<Int>
    private let tableEntries: UnsafeMutableBufferPointer<FieldNameEntry>
    private let nameBytes: UnsafeMutableBufferPointer<UInt8>
    let limits: LeadLimits
    private var undeclaredKeys: [UndeclaredKey] = []
    private var undeclaredKeyBytes: [UInt8] = []

    /// An undeclared key: its hash and its bytes, in the input or (when it
    /// held escapes) copied to `undeclaredKeyBytes`.
    private struct UndeclaredKey {
        let hash: UInt64
        let start: Int
        let count: Int
        let copied: Bool
    }

    /// Beyond this many undeclared keys in one object, duplicates are found
    /// with a set rather than by comparing with each earlier key.
    private static let linearSearchLimit = 32

    init(bytes: UnsafeBufferPointer<UInt8>, plan: DecodingPlan, limits: LeadLimits) {
        scanner = JSONScanner(bytes: bytes, maxStringBytes: limits.maxStringBytes)
        self.plan = plan
        self.nodes = plan.nodes
        self.layouts = plan.layouts
        self.fieldNodes = plan.fieldNodes
        self.tableEntries = plan.tableEntries
        self.nameBytes = plan.nameBytes
        self.limits = limits
    }

    mutating func readRoot(_ recordIndex: Int) throws(JSONProblem) -> RecordValue {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            if scanner.atEnd { throw JSONProblem(message: "expected object, got empty input", offset: 0, showsPosition: false) }
            throw try mismatch(expected: "object")
        }
        let record = try readRecord(recordIndex, depth: 1)
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.problem("unexpected text after the JSON object") }
        return record
    }

    // MARK: Records

    /// Reads the object at the current position (which holds `{`) as a
    /// record; `depth` counts it and the containers around it.
    private mutating func readRecord(_ recordIndex: Int, depth: Int) throws(JSONProblem) -> RecordValue {
        let layout = layouts[recordIndex]
        var fields: [Value] = []
        fields.reserveCapacity(layout.fieldCount)
        for _ in 0..<layout.fieldCount { fields.append(.null) }
        var seen = SlotSet(count: layout.fieldCount)
        var present = SlotSet(count: layout.fieldCount)
        let undeclaredMark = undeclaredKeys.count
        let undeclaredBytesMark = undeclaredKeyBytes.count
        var undeclaredSet: Set<[UInt8]>? = nil
        defer {
            undeclaredKeys.removeSubrange(undeclaredMark...)
            undeclaredKeyBytes.removeSubrange(undeclaredBytesMark...)
        }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            repeat {
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpected(expecting: "a string key") }
                let key = try scanner.scanString()
                let (slot, hash) = scanner.withBytes(of: key) { bytes in
                    let hash = fieldNameHash(bytes)
                    return (self.slot(of: bytes, hash: hash, in: layout), hash)
                }
                try scanner.expectColon()
                if let slot {
                    guard seen.insert(slot) else {
                        var problem = scanner.problem("duplicate key", at: key.offset)
                        problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                        throw problem
                    }
                    do throws(JSONProblem) {
                        fields[slot] = try readValue(fieldNodes[layout.fieldNodesStart + slot], depth: depth)
                        if case .null = fields[slot] {} else { _ = present.insert(slot) }
                    } catch {
                        var problem = error
                        problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                        throw problem
                    }
                } else {
                    try noteUndeclared(key, hash: hash, since: undeclaredMark, set: &undeclaredSet)
                    do throws(JSONProblem) {
                        try scanner.skipValue(depth: depth, maxDepth: limits.maxDepth)
                    } catch {
                        var problem = error
                        problem.reversedPath.append(.field(scanner.makeString(key)))
                        throw problem
                    }
                }
            } while try !scanner.endOfMember(close: UInt8(ascii: "}"))
        }
        for index in layout.requiredStart..<(layout.requiredStart + layout.requiredCount) {
            let slot = plan.requiredSlots[index]
            guard present.contains(slot) else {
                var problem = JSONProblem(message: "required field is missing", offset: scanner.position, showsPosition: false)
                problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                throw problem
            }
        }
        if layout.hasContainerFields {
            for slot in 0..<layout.fieldCount where !present.contains(slot) {
                switch nodes[fieldNodes[layout.fieldNodesStart + slot]].kind {
                case .list: fields[slot] = .list([])
                case .map: fields[slot] = .map(plan.emptyMap)
                default: break
                }
            }
        }
        return RecordValue(type: plan.recordTypes[recordIndex], fields: fields)
    }

    /// The slot of the field named by a key's bytes, or nil when undeclared.
    @inline(__always)
    private func slot(of key: UnsafeBufferPointer<UInt8>, hash: UInt64, in layout: RecordLayout) -> Int? {
        var index = Int(truncatingIfNeeded: hash) & layout.tableMask
        while true {
            let entry = tableEntries[layout.tableStart + index]
            if entry.slot < 0 { return nil }
            if entry.hash == hash, Int(entry.nameCount) == key.count {
                let start = Int(entry.nameStart)
                var equal = true
                for offset in 0..<key.count where nameBytes[start + offset] != key[offset] {
                    equal = false
                    break
                }
                if equal { return Int(entry.slot) }
            }
            index = (index + 1) & layout.tableMask
        }
    }

    /// Remembers an undeclared key, or throws when the object already had it.
    private mutating func noteUndeclared(
        _ key: ScannedString, hash: UInt64, since mark: Int, set: inout Set<[UInt8]>?
    ) throws(JSONProblem) {
        let duplicate: Bool
        if set != nil {
            duplicate = !scanner.withBytes(of: key) { set!.insert(Array($0)).inserted }
        } else if undeclaredKeys.count - mark >= Self.linearSearchLimit {
            var keys = Set<[UInt8]>()
            for index in mark..<undeclaredKeys.count { keys.insert(bytes(of: undeclaredKeys[index])) }
            duplicate = !scanner.withBytes(of: key) { keys.insert(Array($0)).inserted }
            set = keys
        } else {
            var found = false
            for index in mark..<undeclaredKeys.count where undeclaredKeys[index].hash == hash {
                if bytes(of: undeclaredKeys[index]) == scanner.withBytes(of: key, { Array($0) }) {
                    found = true
                    break
                }
            }
            duplicate = found
            if !duplicate {
                if key.inScratch {
                    let start = undeclaredKeyBytes.count
                    scanner.withBytes(of: key) { undeclaredKeyBytes.append(contentsOf: $0) }
                    undeclaredKeys.append(UndeclaredKey(hash: hash, start: start, count: key.count, copied: true))
                } else {
                    undeclaredKeys.append(UndeclaredKey(hash: hash, start: key.start, count: key.count, copied: false))
                }
            }
        }
        if duplicate {
            var problem = scanner.problem("duplicate key", at: key.offset)
            problem.reversedPath.append(.field(scanner.makeString(key)))
            throw problem
        }
    }

    private func bytes(of key: UndeclaredKey) -> [UInt8] {
        key.copied
            ? Array(undeclaredKeyBytes[key.start..<(key.start + key.count)])
            : Array(scanner.bytes[key.start..<(key.start + key.count)])
    }

    // MARK: Values

    /// Reads the value at the current position as `nodeIndex` says; `.null`
    /// for JSON `null` (which means absent). `depth` counts the containers around the value.
    private mutating func readValue(_ nodeIndex: Int, depth: Int) throws(JSONProblem) -> Value {
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
            return .string(try scanner.scanStringValue())
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
                message: "nesting deeper than \(limits.maxDepth) levels", offset: scanner.position, showsPosition: false)
        }
    }

    /// Reads the array at the current position; `depth` counts it.
    private mutating func readList(elementNode: Int, depth: Int) throws(JSONProblem) -> [Value] {
        scanner.position += 1
        var elements: [Value] = []
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "]") {
            scanner.position += 1
            return elements
        }
        elements.reserveCapacity(8)
        repeat {
            guard elements.count < limits.maxListElements else {
                throw JSONProblem(
                    message: "list longer than \(limits.maxListElements) elements", offset: scanner.position,
                    showsPosition: false)
            }
            let index = elements.count
            do throws(JSONProblem) {
                elements.append(try readValue(elementNode, depth: depth))
                if case .null = elements[elements.count - 1] {
                    throw JSONProblem(
                        message: "expected \(plan.nodeTypes[elementNode]), got null", offset: scanner.position,
                        showsPosition: false)
                }
            } catch {
                var problem = error
                problem.reversedPath.append(.index(index))
                throw problem
            }
        } while try !scanner.endOfMember(close: UInt8(ascii: "]"))
        return elements
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
    private mutating func mismatch(expected: some CustomStringConvertible) throws(JSONProblem) -> JSONProblem {
        let start = scanner.position
        let got: String
        switch scanner.current {
        case UInt8(ascii: "\"")?:
            got = "string " + Self.quotedForMessage(try scanner.scanStringValue())
        case UInt8(ascii: "-")?, (UInt8(ascii: "0")...UInt8(ascii: "9"))?:
            let number = try scanner.scanNumber()
            got = "number " + String(decoding: UnsafeBufferPointer(rebasing: scanner.bytes[number.start..<number.end]), as: UTF8.self)
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
            message: reason + ": " + Self.quotedForMessage(scanner.makeString(text)), offset: text.offset,
            showsPosition: false)
    }

    /// A JSON-quoted string, cut after 100 characters so a 1 MB value does
    /// not become a 1 MB message.
    static func quotedForMessage(_ text: String) -> String {
        let limit = 100
        guard text.unicodeScalars.count > limit else { return jsonQuoted(text) }
        let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(limit)))
        return jsonQuoted(prefix + "…")
    }
}

/// A set of record slots: a bit mask, with an array beyond 64 fields.
struct SlotSet {
    private var low: UInt64 = 0
    private var high: [Bool]

    init(count: Int) { high = count > 64 ? [Bool](repeating: false, count: count - 64) : [] }

    /// Adds a slot; false when it was already there.
    @inline(__always)
    mutating func insert(_ slot: Int) -> Bool {
        if slot < 64 {
            let bit: UInt64 = 1 << UInt64(slot)
            defer { low |= bit }
            return low & bit == 0
        }
        defer { high[slot - 64] = true }
        return !high[slot - 64]
    }

    @inline(__always)
    func contains(_ slot: Int) -> Bool {
        slot < 64 ? low & (1 << UInt64(slot)) != 0 : high[slot - 64]
    }
}
