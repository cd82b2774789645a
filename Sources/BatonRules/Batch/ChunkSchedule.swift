#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Hands out the work on one chunk's slices to the workers: each slice is
/// prepared (in any order, in parallel), routed (one slice at a time, in
/// input order) and written (in any order, in parallel); and, once, the
/// reading of the next chunk, which would otherwise keep every worker but
/// the reading one idle between chunks. Once the next chunk is read, a
/// worker with nothing left to do in this one prepares slices of it, in
/// order, instead of waiting for the last slices to be routed and written.
/// Worker 0, the calling thread, also sends the chunk before to the sink.
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
        /// Route with the engine of `preparedBy`, the worker that prepared
        /// the slice, so that its decisions hold that worker's strings.
        case route(slice: Int, preparedBy: Int)
        case write(slice: Int)
        /// Read the next chunk into a buffer of its own; then report it
        /// with ``finishReadAhead(nextSliceCount:)``.
        case readAhead
        /// Prepare a slice of the next chunk, cut into `sliceCount` slices.
        case prepareAhead(slice: Int, sliceCount: Int)
        /// Tell the observer of the chunk before and write its lines to the sink: worker 0's.
        case flushPrevious
    }

    private let sliceCount: Int
    // Allocated, not stored properties: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var nextToPrepare: Int
    /// The worker that prepared each slice, or -1.
    private var preparedBy: [Int]
    private var nextToRoute = 0
    private var routing = false
    private var toWrite: [Int] = []
    private var written = 0
    private var readAheadWaiting: Bool
    private var readingAhead = false
    private var flushWaiting: Bool
    private var flushing = false
    /// The slices of the next chunk, known once it is read.
    private var nextSliceCount = 0
    private var nextToPrepareAhead = 0
    /// The worker that prepared each slice of the next chunk prepared
    /// ahead, the first slices in order: for the next chunk's schedule,
    /// once every worker is done.
    private(set) var preparedAhead: [Int] = []

    /// A schedule for `sliceCount` slices, the first of which the schedule
    /// of the chunk before prepared ahead: slice `i` by worker `preparedBy[i]`;
    /// with a `readAhead` task if `readsAhead`, a `flushPrevious` one if `flushes`.
    init(sliceCount: Int, preparedBy prepared: [Int], readsAhead: Bool, flushes: Bool) {
        self.sliceCount = sliceCount
        readAheadWaiting = readsAhead
        flushWaiting = flushes
        preparedBy = prepared + Array(repeating: -1, count: sliceCount - prepared.count)
        nextToPrepare = prepared.count
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// The next task for `worker`, waiting while none is ready; nil once
    /// every slice is written and the next chunk read.
    ///
    /// Each slice stays on the worker that prepared it wherever it can: its
    /// lead, its decision and their strings were made there, so routing and
    /// writing it there touch reference counts and memory in that core's
    /// cache, and free memory into the allocator arena it came from. Taking
    /// whichever slice was next cost 2 jobs ~5% more CPU per lead (12
    /// paired runs on 200,000 leads: CPU on 2 jobs over 1 job 1.08 → 1.04).
    ///
    /// So: routing the next slice if the worker prepared it, since the
    /// other workers may soon wait for it; then, for worker 0, the chunk
    /// before to the sink; then reading ahead, early so that it never is
    /// the last task left; then writing a slice the worker prepared, which
    /// frees its decisions early; then preparing; then routing or writing
    /// another worker's slice, rather than waiting; then preparing ahead.
    func next(worker: Int) -> Task? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if !routing, nextToRoute < sliceCount, preparedBy[nextToRoute] == worker {
                routing = true
                return .route(slice: nextToRoute, preparedBy: worker)
            }
            if flushWaiting, worker == 0 {
                flushWaiting = false
                flushing = true
                return .flushPrevious
            }
            if readAheadWaiting {
                readAheadWaiting = false
                readingAhead = true
                return .readAhead
            }
            if let own = toWrite.lastIndex(where: { preparedBy[$0] == worker }) {
                return .write(slice: toWrite.remove(at: own))
            }
            if nextToPrepare < sliceCount {
                nextToPrepare += 1
                return .prepare(slice: nextToPrepare - 1)
            }
            if !routing, nextToRoute < sliceCount, preparedBy[nextToRoute] >= 0 {
                routing = true
                return .route(slice: nextToRoute, preparedBy: preparedBy[nextToRoute])
            }
            if !toWrite.isEmpty {
                return .write(slice: toWrite.removeLast())
            }
            if written == sliceCount, !readAheadWaiting, !readingAhead, !flushWaiting, !flushing { return nil }
            if !readAheadWaiting, !readingAhead, nextToPrepareAhead < nextSliceCount {
                nextToPrepareAhead += 1
                preparedAhead.append(-1)
                return .prepareAhead(slice: nextToPrepareAhead - 1, sliceCount: nextSliceCount)
            }
            pthread_cond_wait(changed, mutex)
        }
    }

    /// Reports a task of ``next(worker:)`` done by `worker`, which may make others ready.
    func finish(_ task: Task, worker: Int) {
        pthread_mutex_lock(mutex)
        switch task {
        case .prepare(let slice):
            preparedBy[slice] = worker
        case .route(let slice, _):
            routing = false
            nextToRoute = slice + 1
            toWrite.append(slice)
        case .write:
            written += 1
        case .readAhead:
            preconditionFailure("a chunk read ahead is reported with finishReadAhead(nextSliceCount:)")
        case .prepareAhead(let slice, _):
            preparedAhead[slice] = worker
        case .flushPrevious:
            flushing = false
        }
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// Reports the `readAhead` task done: the next chunk has `nextSliceCount` slices.
    func finishReadAhead(nextSliceCount: Int) {
        pthread_mutex_lock(mutex)
        readingAhead = false
        self.nextSliceCount = nextSliceCount
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
