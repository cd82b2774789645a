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
