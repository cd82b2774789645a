/// The entries of a fixed map whose keys are all ASCII, looked up by the
/// bytes of a key (`tables.regions[lead.country]`, the row of an account):
/// an open-addressing table with a cheap byte hash, where a `[String: Value]`
/// lookup hashes the key with Swift's seeded hasher, several times the cost
/// for a short key.
///
/// Swift's `==` on strings is canonical equivalence, under which an ASCII key
/// can equal text that is not ASCII (`K` and the Kelvin sign); on two ASCII
/// strings it is byte equality. So the table answers only for an ASCII key,
/// and the caller asks the map itself otherwise.
///
/// A class: a struct of four arrays is retained array by array wherever a
/// holder binds it (`if let table`), which cost more than the lookup.
package final class ASCIIKeyTable: Sendable {
    /// The keys' bytes one after another; entry `i` is `keyBytes[keyStarts[i]..<keyStarts[i + 1]]`.
    private let keyBytes: [UInt8]
    private let keyStarts: [Int]
    private let values: [Value]
    /// Per slot the entry there plus one, 0 for an empty slot; a power of two
    /// at least twice the entries, so that a probe soon meets an empty slot.
    private let slots: [Int32]

    /// Nil when a key is not ASCII, or the map is empty.
    package init?(_ map: MapValue) {
        guard map.count > 0, map.count < Int(Int32.max) / 2,
            map.keys.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } })
        else { return nil }
        var keyBytes: [UInt8] = []
        var keyStarts = [0]
        var values: [Value] = []
        var slotCount = 4
        while slotCount < 2 * map.count { slotCount *= 2 }
        var slots = [Int32](repeating: 0, count: slotCount)
        for (key, value) in zip(map.keys, map.values) {
            keyBytes.append(contentsOf: key.utf8)
            keyStarts.append(keyBytes.count)
            values.append(value)
            var slot = Self.hash(Array(key.utf8)) & (slotCount - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slotCount - 1) }
            slots[slot] = Int32(values.count)
        }
        self.keyBytes = keyBytes
        self.keyStarts = keyStarts
        self.values = values
        self.slots = slots
    }

    /// The value for `key`, null when the map has no such key; nil when the
    /// key is not ASCII (the map itself decides then).
    @inline(__always)
    package func value(for key: String) -> Value? {
        UnicodeText.withBytes(key) { probe in
            for byte in probe where byte >= 0x80 { return nil }
            return find(probe).map { values[$0] } ?? .null
        }
    }

    /// The entry whose key has exactly the bytes of `probe`.
    private func find(_ probe: UnsafeBufferPointer<UInt8>) -> Int? {
        keyBytes.withUnsafeBufferPointer { bytes in
            slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = Self.hash(probe) & mask
                while true {
                    let stored = Int(slots[slot])
                    guard stored != 0 else { return nil }
                    let entry = stored - 1
                    let start = keyStarts[entry]
                    if keyStarts[entry + 1] - start == probe.count {
                        var offset = 0
                        while offset < probe.count, bytes[start + offset] == probe[offset] { offset += 1 }
                        if offset == probe.count { return entry }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// FNV-1a: a few instructions a byte. Not seeded, which is safe here:
    /// the keys are the ruleset's, not the input's, so input cannot crowd
    /// them into one chain; a probe walks at most the table.
    @inline(__always)
    private static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
