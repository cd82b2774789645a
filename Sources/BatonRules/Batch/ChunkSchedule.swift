#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands out the work on one chunk's slices to the workers: each slice is
/// prepared (in any order, in parallel), routed (one slice at a time, in
/// input order) and written (in any order, in parallel).
///
/// Routing is the pipeline's serial part. With one barrier per stage it
/// held up every core for its whole length, once per chunk; here a worker
/// routes a slice while the others prepare or write other slices, and the
/// workers meet only at the end of the chunk.
///
/// Workers never wait for one another except when no task is ready, so the
/// schedule finishes with any number of threads, even one.
final class ChunkSchedule: @unchecked Sendable {
    /// A task a worker took: do it, then report it with ``finish(_:)``.
    enum Task {
        case prepare(slice: Int)
        case route(slice: Int)
        case write(slice: Int)
    }

    private let sliceCount: Int
    // Allocated, not stored properties: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var nextToPrepare = 0
    private var prepared: [Bool]
    private var nextToRoute = 0
    private var routing = false
    private var toWrite: [Int] = []
    private var written = 0

    init(sliceCount: Int) {
        self.sliceCount = sliceCount
        prepared = Array(repeating: false, count: sliceCount)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// The next task, waiting while none is ready; nil once every slice is written.
    ///
    /// Routing comes first, since the other workers may soon wait for it;
    /// then writing, which frees a slice's decisions early; then preparing.
    func next() -> Task? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if !routing, nextToRoute < sliceCount, prepared[nextToRoute] {
                routing = true
                return .route(slice: nextToRoute)
            }
            if let slice = toWrite.popLast() { return .write(slice: slice) }
            if nextToPrepare < sliceCount {
                nextToPrepare += 1
                return .prepare(slice: nextToPrepare - 1)
            }
            if written == sliceCount { return nil }
            pthread_cond_wait(changed, mutex)
        }
    }

    /// Reports a task of ``next()`` done, which may make others ready.
    func finish(_ task: Task) {
        pthread_mutex_lock(mutex)
        switch task {
        case .prepare(let slice):
            prepared[slice] = true
        case .route(let slice):
            routing = false
            nextToRoute = slice + 1
            toWrite.append(slice)
        case .write:
            written += 1
        }
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
