/// Finds a record field's slot from the raw UTF-8 bytes of a JSON key,
/// without making a `String`: open addressing on an FNV-1a hash, built
/// once per record type.
struct FieldNameTable: Sendable {
    private struct Entry: Sendable {
        var hash: UInt64 = 0
        var nameStart: Int32 = 0
        var nameCount: Int32 = 0
        var slot: Int32 = -1
    }

    private let entries: [Entry]
    private let names: [UInt8]
    private let mask: Int

    init(fieldNames: [String]) {
        var capacity = 8
        while capacity < fieldNames.count * 2 { capacity *= 2 }
        var entries = [Entry](repeating: Entry(), count: capacity)
        var names: [UInt8] = []
        for (slot, name) in fieldNames.enumerated() {
            let bytes = Array(name.utf8)
            let hash = bytes.withUnsafeBufferPointer { FieldNameTable.hash($0) }
            var index = Int(truncatingIfNeeded: hash) & (capacity - 1)
            var duplicate = false
            while entries[index].slot >= 0 {
                let entry = entries[index]
                if entry.hash == hash, Array(names[Int(entry.nameStart)..<Int(entry.nameStart + entry.nameCount)]) == bytes {
                    duplicate = true  // a later duplicate declaration keeps the first slot, as RecordType does
                    break
                }
                index = (index + 1) & (capacity - 1)
            }
            if duplicate { continue }
            entries[index] = Entry(hash: hash, nameStart: Int32(names.count), nameCount: Int32(bytes.count), slot: Int32(slot))
            names.append(contentsOf: bytes)
        }
        self.entries = entries
        self.names = names
        self.mask = capacity - 1
    }

    /// The slot of the field named by these bytes, or nil when undeclared.
    @inline(__always)
    func slot(of key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = entries[index]
            if entry.slot < 0 { return nil }
            if entry.hash == hash, Int(entry.nameCount) == key.count, equalsName(entry, key) { return Int(entry.slot) }
            index = (index + 1) & mask
        }
    }

    @inline(__always)
    private func equalsName(_ entry: Entry, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        names.withUnsafeBufferPointer { names in
            let start = Int(entry.nameStart)
            for index in 0..<key.count where names[start + index] != key[index] { return false }
            return true
        }
    }

    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
