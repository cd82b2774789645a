import Dispatch

/// Runs workers on Dispatch's pool.
enum ParallelWork {
    /// Runs `body(worker)` for each worker in `0..<workers`, concurrently,
    /// and returns when all are done. Worker 0 runs on the calling thread.
    ///
    /// `body` must touch only what belongs to its worker, or what it
    /// synchronizes itself (as ``ChunkSchedule`` hands out slices).
    static func run(workers: Int, _ body: (Int) -> Void) {
        if workers <= 1 {
            body(0)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(call: body)
            let others = DispatchGroup()
            for worker in 1..<workers {
                DispatchQueue.global().async(group: others) { shared.call(worker) }
            }
            shared.call(0)
            others.wait()
        }
    }

    /// `transform` of each item, as `run` runs its workers: the first on the
    /// calling thread, the others on Dispatch's threads, at once; the
    /// results in the order of the items, or the error of the first one
    /// (in that order) that threw.
    ///
    /// What a worker alone writes to (an engine's activations, a decoder's
    /// string table) is then allocated on another thread than the first
    /// worker's, from that thread's arena of the memory allocator (glibc's),
    /// and on two workers shares no cache line with the other's. Made one
    /// after the other on one thread, two workers' small mutable objects lay
    /// side by side, and each write by one core took the line from the other
    /// (20 paired runs of `baton batch` on 200,000 leads: CPU time on 2 jobs
    /// over 1 job went from 1.10 to 1.08).
    static func map<Item, Transformed, Failure: Error>(
        _ items: [Item], _ transform: (Item) throws(Failure) -> Transformed
    ) throws(Failure) -> [Transformed] {
        var results = [Result<Transformed, Failure>?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { results in
            run(workers: items.count) { index in
                results[index] = Result { () throws(Failure) in try transform(items[index]) }
            }
        }
        return try results.map { result throws(Failure) in try result!.get() }
    }

    /// The items of `part` among `parts` sharing `0..<count`.
    static func slice(_ part: Int, of parts: Int, count: Int) -> Range<Int> {
        (count * part / parts)..<(count * (part + 1) / parts)
    }

    /// The body, handed to Dispatch's threads. Sendable by contract rather
    /// than by type: each call touches only its own worker's data (see
    /// `run`), which the compiler cannot see through the buffers it writes.
    private struct SharedBody: @unchecked Sendable {
        let call: (Int) -> Void
    }
}
