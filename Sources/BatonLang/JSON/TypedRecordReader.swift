/// The state of one ``TypedJSONDecoder`` decode: the scanner over the
/// input and the keys of undeclared fields seen in the open objects (to
/// report duplicates among them too).
struct TypedRecordReader {
    var scanner: JSONScanner
    let plan: DecodingPlan
    // The plan's buffers, copied out so field reads touch no reference counts.
    let nodes: UnsafeMutableBufferPointer<DecodingNode>
    let layouts: UnsafeMutableBufferPointer<RecordLayout>
    let fieldNodes: UnsafeMutableBufferPointer<Int>
    let tableEntries: UnsafeMutableBufferPointer<FieldNameEntry>
    let nameBytes: UnsafeMutableBufferPointer<UInt8>
    let fieldNames: UnsafeMutableBufferPointer<FieldName>
    let limits: LeadLimits
    /// Where string values are looked up before they are made; nil while
    /// another thread uses the decoder's table.
    let recentStrings: RecentStringTable?
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

    init(bytes: UnsafeBufferPointer<UInt8>, plan: DecodingPlan, limits: LeadLimits, recentStrings: RecentStringTable?) {
        scanner = JSONScanner(bytes: bytes, maxStringBytes: limits.maxStringBytes)
        self.plan = plan
        self.nodes = plan.nodes
        self.layouts = plan.layouts
        self.fieldNodes = plan.fieldNodes
        self.tableEntries = plan.tableEntries
        self.nameBytes = plan.nameBytes
        self.fieldNames = plan.fieldNames
        self.limits = limits
        self.recentStrings = recentStrings
    }

    mutating func readRoot(_ recordIndex: Int) throws(JSONProblem) -> RecordValue {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            if scanner.atEnd {
                throw JSONProblem(message: "expected object, got empty input", offset: 0, showsPosition: false)
            }
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
    mutating func readRecord(_ recordIndex: Int, depth: Int) throws(JSONProblem) -> RecordValue {
        let layout = layouts[recordIndex]
        // Built in place: every field null until read, so that a throw
        // anywhere leaves a record that frees cleanly.
        let record = RecordValue(nullFieldsOf: plan.recordTypes[recordIndex])
        try record.withUnsafeMutableFields { fields throws(JSONProblem) in
            try readMembers(recordIndex, layout: layout, into: fields, depth: depth)
        }
        return record
    }

    /// Reads the members of the object at the current position (which holds
    /// `{`) into the slots of a record of `recordIndex`, all null on entry.
    mutating func readMembers(
        _ recordIndex: Int, layout: RecordLayout, into fields: UnsafeMutableBufferPointer<Value>, depth: Int
    ) throws(JSONProblem) {
        var seen = FieldSlotSet(count: layout.fieldCount)
        var present = FieldSlotSet(count: layout.fieldCount)
        let undeclaredMark = undeclaredKeys.count
        let undeclaredBytesMark = undeclaredKeyBytes.count
        var undeclaredSet: Set<[UInt8]>? = nil
        defer {
            if undeclaredKeys.count > undeclaredMark {
                undeclaredKeys.removeSubrange(undeclaredMark...)
                undeclaredKeyBytes.removeSubrange(undeclaredBytesMark...)
            }
        }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.position += 1
        } else {
            // The slot after the last one read: producers mostly write the
            // fields in the order the schema declares them.
            var expectedSlot = 0
            repeat {
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "\"") else { throw scanner.unexpected(expecting: "a string key") }
                let key: ScannedString
                var hash: UInt64 = 0
                let slot: Int?
                if let expectedKey = keyNaming(expectedSlot, in: layout) {
                    key = expectedKey
                    slot = expectedSlot
                } else {
                    (key, hash) = try scanKey()
                    slot = self.slot(of: key, hash: hash, in: layout)
                }
                try scanner.expectColon()
                if let slot {
                    expectedSlot = slot + 1
                    guard seen.insert(slot) else {
                        var problem = scanner.problem("duplicate key", at: key.offset)
                        problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                        throw problem
                    }
                    do throws(JSONProblem) {
                        let value = try readValue(fieldNodes[layout.fieldNodesStart + slot], depth: depth)
                        if case .null = value {} else { _ = present.insert(slot) }
                        // The slot still holds the `.null` it was made with
                        // (`seen` lets each slot be read once), which owns
                        // nothing: overwritten, not assigned, so that no
                        // destroy of the old value is called.
                        (fields.baseAddress! + slot).initialize(to: value)
                    } catch {
                        var problem = error
                        problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                        throw problem
                    }
                } else {
                    try noteUndeclared(key, hash: hash, since: undeclaredMark, set: &undeclaredSet)
                    // An escaped key lives in the scratch buffer, which the
                    // skipped value may overwrite: keep its name first.
                    let escapedName = key.inScratch ? scanner.makeString(key) : nil
                    do throws(JSONProblem) {
                        try scanner.skipValue(depth: depth, maxDepth: limits.maxDepth)
                    } catch {
                        var problem = error
                        problem.reversedPath.append(.field(escapedName ?? scanner.makeString(key)))
                        throw problem
                    }
                }
            } while try !scanner.endOfMember(close: UInt8(ascii: "}"))
        }
        for index in layout.requiredStart..<(layout.requiredStart + layout.requiredCount) {
            let slot = plan.requiredSlots[index]
            guard present.contains(slot) else {
                var problem = JSONProblem(
                    message: "required field is missing", offset: scanner.position, showsPosition: false)
                problem.reversedPath.append(.field(plan.recordTypes[recordIndex].fields[slot].name))
                throw problem
            }
        }
        for index in layout.containerStart..<(layout.containerStart + layout.containerCount) {
            let slot = plan.containerSlots[index]
            if !present.contains(slot) {
                switch nodes[fieldNodes[layout.fieldNodesStart + slot]].kind {
                case .list: fields[slot] = .list([])
                case .map: fields[slot] = .map(plan.emptyMap)
                default: break
                }
            }
        }
    }

    /// Scans the key at the current position (which holds `"`) and hashes
    /// it in the same pass when it is plain ASCII, as field names are.
    @inline(__always)
    private mutating func scanKey() throws(JSONProblem) -> (ScannedString, UInt64) {
        let bytes = scanner.bytes
        let start = scanner.position + 1
        var hash = FieldNameEntry.hashSeed
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                if index - start <= limits.maxStringBytes {
                    scanner.position = index + 1
                    return (
                        ScannedString(start: start, count: index - start, inScratch: false, offset: start - 1), hash
                    )
                }
                break
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
            hash = FieldNameEntry.hashStep(hash, byte)
            index += 1
        }
        // Escapes, non-ASCII or an error: the general scanner decides.
        let key = try scanner.scanString()
        return (key, scanner.withBytes(of: key) { FieldNameEntry.hash($0) })
    }

    /// When the key at the current position (which holds `"`) is exactly
    /// the name of the field in `slot`, consumes it and returns it: no scan
    /// byte by byte, no hash, no table probe. Nil otherwise, consuming nothing.
    @inline(__always)
    private mutating func keyNaming(_ slot: Int, in layout: RecordLayout) -> ScannedString? {
        guard slot < layout.fieldCount else { return nil }
        let name = fieldNames[layout.fieldNodesStart + slot]
        let count = Int(name.count)
        let start = scanner.position + 1
        // A name that may be matched has no `"`, `\` or control byte, so
        // the quote after it ends the key.
        guard count >= 0, count <= limits.maxStringBytes, start + count < scanner.bytes.count,
            scanner.bytes[start + count] == UInt8(ascii: "\""),
            let base = scanner.bytes.baseAddress,
            ByteWord.equal(base + start, nameBytes.baseAddress! + Int(name.start), count: count)
        else { return nil }
        scanner.position = start + count + 1
        return ScannedString(start: start, count: count, inScratch: false, offset: start - 1)
    }

    /// The slot of the field named by a scanned key, or nil when undeclared.
    @inline(__always)
    private func slot(of key: ScannedString, hash: UInt64, in layout: RecordLayout) -> Int? {
        if key.inScratch {
            return scanner.withBytes(of: key) { [tableEntries, nameBytes] bytes in
                Self.slot(of: bytes, hash: hash, in: layout, entries: tableEntries, names: nameBytes)
            }
        }
        let bytes = UnsafeBufferPointer(rebasing: scanner.bytes[key.start..<(key.start + key.count)])
        return Self.slot(of: bytes, hash: hash, in: layout, entries: tableEntries, names: nameBytes)
    }

    /// The slot of the field named by a key's bytes, or nil when undeclared.
    @inline(__always)
    private static func slot(
        of key: UnsafeBufferPointer<UInt8>, hash: UInt64, in layout: RecordLayout,
        entries tableEntries: UnsafeMutableBufferPointer<FieldNameEntry>,
        names nameBytes: UnsafeMutableBufferPointer<UInt8>
    ) -> Int? {
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
}

/// A set of record slots: a bit mask, with an array beyond 64 fields.
struct FieldSlotSet {
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
        return insertHigh(slot)
    }

    /// Not inlined: inlined, the optimizer hoists the array's uniqueness
    /// check out of the reader's loop, which copies the empty array (a
    /// malloc and a free) for every record, 64 fields or not.
    @inline(never)
    private mutating func insertHigh(_ slot: Int) -> Bool {
        defer { high[slot - 64] = true }
        return !high[slot - 64]
    }

    @inline(__always)
    func contains(_ slot: Int) -> Bool {
        slot < 64 ? low & (1 << UInt64(slot)) != 0 : high[slot - 64]
    }
}
