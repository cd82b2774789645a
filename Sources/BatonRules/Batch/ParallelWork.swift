import Dispatch

/// Splits `0..<count` items among workers and runs them on Dispatch's pool.
enum ParallelWork {
    /// Runs `body(worker, range)` for each worker on its own contiguous
    /// slice of `0..<count`, concurrently, and returns when all are done.
    /// One worker (or one item) runs on the calling thread.
    ///
    /// `body` must touch only what belongs to its worker and range: the
    /// callers give each worker its own engine and writer and let it write
    /// only the items of its range.
    static func run(workers: Int, count: Int, _ body: (Int, Range<Int>) -> Void) {
        let workers = self.workers(workers, count: count)
        if workers == 1 {
            body(0, 0..<count)
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(call: body)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                shared.call(worker, slice(worker, of: workers, count: count))
            }
        }
    }

    /// How many workers `run` uses for `count` items: at least one, at most one per item.
    static func workers(_ workers: Int, count: Int) -> Int { max(1, min(workers, count)) }

    /// The items of `worker` among `workers` sharing `0..<count`.
    static func slice(_ worker: Int, of workers: Int, count: Int) -> Range<Int> {
        (count * worker / workers)..<(count * (worker + 1) / workers)
    }

    /// The body, handed to Dispatch's threads. Sendable by contract rather
    /// than by type: each call touches only its own worker's data (see
    /// `run`), which the compiler cannot see through the buffers it writes.
    private struct SharedBody: @unchecked Sendable {
        let call: (Int, Range<Int>) -> Void
    }
}
