/// A growable run of bytes written through a pointer: what ``JSONWriter``
/// and the value formatters write into.
///
/// `Array.append(contentsOf:)` costs a few hundred instructions per call,
/// which a decision of a thousand bytes in some 150 pieces pays 150 times;
/// here a piece is a capacity and uniqueness check and a copy. Copies of a
/// buffer share memory until one of them writes (copy on write, as Array).
///
/// Usable from inlinable code, so that ``JSONWriter``'s fixed pieces,
/// inlined into the modules that write them, become a check and a few
/// stores of constants rather than a call each.
@usableFromInline
struct ByteBuffer: Sendable {
    /// Owns the memory; immutable, so that reading `base` and `capacity`
    /// needs no exclusivity check.
    @usableFromInline
    final class Storage: @unchecked Sendable {
        @usableFromInline let base: UnsafeMutablePointer<UInt8>
        @usableFromInline let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }
    }

    @usableFromInline var storage: Storage
    /// Bytes written so far.
    @usableFromInline var count = 0

    init(capacity: Int) {
        storage = Storage(capacity: max(16, capacity))
    }

    /// The bytes written so far; valid until the next write.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage.base, count: count) }

    /// Forgets the bytes, keeping the memory.
    mutating func removeAll() { count = 0 }

    /// Cuts the bytes back to the first `newCount`.
    mutating func truncate(to newCount: Int) { count = min(count, max(0, newCount)) }

    /// Room for `byteCount` more bytes: write them at the pointer, then
    /// call ``didWrite(_:)`` with how many were written.
    @inlinable @inline(__always)
    mutating func reserve(_ byteCount: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(storage.capacity &- count < byteCount || !isKnownUniquelyReferenced(&storage)) {
            reallocate(minimumCapacity: count + byteCount)
        }
        return storage.base + count
    }

    /// Counts `byteCount` bytes written at ``reserve(_:)``'s pointer.
    @inlinable @inline(__always)
    mutating func didWrite(_ byteCount: Int) { count &+= byteCount }

    @usableFromInline @inline(never)
    mutating func reallocate(minimumCapacity: Int) {
        // Doubling keeps appends amortized O(1); a shared buffer is copied at its size.
        let capacity =
            minimumCapacity <= storage.capacity ? storage.capacity : max(minimumCapacity, storage.capacity * 2)
        let copy = Storage(capacity: capacity)
        copy.base.update(from: storage.base, count: count)
        storage = copy
    }

    @inlinable @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count &+= 1
    }

    @inlinable @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        Self.copy(source, to: reserve(bytes.count), count: bytes.count)
        count &+= bytes.count
    }

    /// Copies `count` bytes: runs up to 64 bytes, the keys and values of a
    /// JSON document, eight at a time inline, which costs a fraction of a
    /// call to memcpy; longer runs with memcpy.
    @inlinable @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count: Int) {
        guard count <= 64 else {
            target.update(from: source, count: count)
            return
        }
        let from = UnsafeRawPointer(source)
        let to = UnsafeMutableRawPointer(target)
        if count < 8 {
            // Two loads and two stores that overlap in the middle, as
            // below: no loop over the bytes.
            if count >= 4 {
                let head = from.loadUnaligned(as: UInt32.self)
                let tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                to.storeBytes(of: head, as: UInt32.self)
                to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
            } else if count >= 2 {
                let head = from.loadUnaligned(as: UInt16.self)
                let tail = from.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)
                to.storeBytes(of: head, as: UInt16.self)
                to.storeBytes(of: tail, toByteOffset: count - 2, as: UInt16.self)
            } else if count == 1 {
                target.pointee = source.pointee
            }
            return
        }
        var offset = 0
        while count - offset > 8 {
            to.storeBytes(
                of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        // The last eight bytes, overlapping the ones before when count is not a multiple of eight.
        to.storeBytes(
            of: from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self), toByteOffset: count - 8, as: UInt64.self
        )
    }

    /// Fewer than eight bytes as one word: two loads that overlap in the
    /// middle, no loop over the bytes. Every byte lands in the word, and
    /// equal counts with equal words mean equal bytes.
    @inline(__always)
    static func shortWord(_ base: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(base)
        if count >= 4 {
            return UInt64(raw.loadUnaligned(as: UInt32.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        }
        if count >= 2 {
            return UInt64(raw.loadUnaligned(as: UInt16.self))
                | UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)) << 16
        }
        return count == 1 ? UInt64(base.pointee) : 0
    }

    /// Appends the UTF-8 of a string spelled in the source.
    @inlinable @inline(__always)
    mutating func append(_ text: StaticString) {
        // withUTF8Buffer, not utf8Start: a one-character literal may be stored as a scalar.
        text.withUTF8Buffer { append($0) }
    }
}
