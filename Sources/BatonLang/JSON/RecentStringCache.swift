#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The string values a ``TypedJSONDecoder`` made lately, by their UTF-8
/// bytes, to hand out again when a value repeats.
///
/// Lead data repeats itself: an industry, a country, a lifecycle stage, an
/// event's type or URL come back lead after lead. Making a `String` costs
/// about 110 instructions when it fits inline and 300 with a heap
/// allocation (and about 150 more to free it); finding it here costs a
/// hash and a compare of a few words, and a retain. The table is direct
/// mapped: a string takes over its slot from the one before, so it stays
/// small and a miss costs little. The strings are immutable values, so
/// sharing them changes nothing a reader of the lead can see.
///
/// A field whose values missed ``missesBeforeSkipping`` times in a row (an
/// id, an email) skips the table for its next values, then tries again:
/// its strings would only cost a lookup and push out ones that repeat.
///
/// Decoders are used from several threads at once: a decode that finds the
/// table taken by another makes its strings itself.
// @unchecked: the table's memory is touched only by the thread that holds
// `mutex`, and freed in `deinit`. A pthread mutex, not `Atomic`, which needs
// macOS 15.
final class RecentStringCache: @unchecked Sendable {
    static let slotBits = 9
    static let slotCount = 1 << slotBits
    /// Longer strings are made each time: they seldom repeat (an email, a
    /// note), and comparing them costs more.
    static let maxBytes = 64
    static let missesBeforeSkipping: UInt8 = 8

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let table: RecentStringTable

    /// A table for the string values of a plan with `nodeCount` value nodes.
    init(nodeCount: Int) {
        pthread_mutex_init(mutex, nil)
        let missRuns = UnsafeMutablePointer<UInt8>.allocate(capacity: max(nodeCount, 1))
        missRuns.initialize(repeating: 0, count: max(nodeCount, 1))
        let strings = UnsafeMutablePointer<String>.allocate(capacity: Self.slotCount)
        strings.initialize(repeating: "", count: Self.slotCount)
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: Self.slotCount)
        // -1: an empty slot, which not even the empty string matches.
        counts.initialize(repeating: -1, count: Self.slotCount)
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.slotCount * Self.maxBytes)
        bytes.initialize(repeating: 0, count: Self.slotCount * Self.maxBytes)
        table = RecentStringTable(strings: strings, counts: counts, bytes: bytes, missRuns: missRuns)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        table.strings.deinitialize(count: Self.slotCount)
        table.strings.deallocate()
        table.counts.deallocate()
        table.bytes.deallocate()
        table.missRuns.deallocate()
    }

    /// Runs `body` with the table, or with nil while another thread uses it.
    func withTable<Result>(_ body: (RecentStringTable?) -> Result) -> Result {
        guard pthread_mutex_trylock(mutex) == 0 else { return body(nil) }
        defer { pthread_mutex_unlock(mutex) }
        return body(table)
    }
}

/// The slots of a ``RecentStringCache``: for each, a string, the count of
/// its UTF-8 bytes (-1 when empty) and a copy of them, `maxBytes` apart;
/// and for each value node of the plan, its misses in a row.
struct RecentStringTable {
    let strings: UnsafeMutablePointer<String>
    let counts: UnsafeMutablePointer<Int>
    let bytes: UnsafeMutablePointer<UInt8>
    /// Below `missesBeforeSkipping`: the node's misses in a row. From there
    /// up, the node skips the table, counting up to 255 and wrapping to 0,
    /// where it tries the table again.
    let missRuns: UnsafeMutablePointer<UInt8>

    /// The string of `key`'s bytes, a value of `node`: the one in its slot
    /// when that has the same bytes, else `make(key)`, which then takes
    /// over the slot.
    @inline(__always)
    func string(
        for key: UnsafeBufferPointer<UInt8>, node: Int, making make: (UnsafeBufferPointer<UInt8>) -> String
    ) -> String {
        let missRun = missRuns[node]
        if missRun >= RecentStringCache.missesBeforeSkipping {
            missRuns[node] = missRun &+ 1
            return make(key)
        }
        let count = key.count
        guard count <= RecentStringCache.maxBytes, let base = key.baseAddress else { return make(key) }
        // The top bits: a product's high bits depend on all of its input,
        // its low bits only on the input's low bits.
        let slot = Int(truncatingIfNeeded: Self.hash(base, count: count) >> UInt64(64 - RecentStringCache.slotBits))
        let stored = bytes + slot &* RecentStringCache.maxBytes
        if counts[slot] == count, ByteWord.equal(stored, base, count: count) {
            missRuns[node] = 0
            return strings[slot]
        }
        missRuns[node] = missRun + 1
        let string = make(key)
        counts[slot] = count
        stored.update(from: base, count: count)
        strings[slot] = string
        return string
    }

    /// A hash of `count` bytes (at most `maxBytes`), read a word at a time:
    /// its high bits are the well mixed ones.
    @inline(__always)
    static func hash(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: count) &* multiplier
        if count >= 8 {
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while count - offset > 8 {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
                offset += 8
            }
            // The last eight bytes, overlapping the ones before.
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* multiplier
        } else {
            hash = (hash ^ ByteBuffer.shortWord(base, count: count)) &* multiplier
        }
        return hash
    }
}
