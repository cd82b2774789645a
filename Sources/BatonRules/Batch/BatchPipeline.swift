import BatonLang

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Evaluates a stream of leads into a stream of decisions, on several
/// cores, with routing state carried across the leads in input order: the
/// engine of `baton batch`, meant to be reused as it is by a service.
///
/// The input is read in chunks of `chunkSize` records, each chunk by a
/// worker while the one before is evaluated, and each chunk cut into
/// slices. Each slice is
/// 1. decoded and prepared (`Engine.prepare`: account, scoring, routing
///    rules, handoff; no state), by any worker, in parallel;
/// 2. routed (`Engine.route`, which reads and updates the `RoutingState`),
///    one slice at a time in input order, while other workers prepare or
///    write other slices (``ChunkSchedule``);
/// 3. written as decision lines (or bad input objects) into its own buffer,
///    by any worker, in parallel;
/// and the buffers go to the sink in slice order, so in input order, by
/// the calling thread while the workers evaluate the next chunk. The first
/// slices of a chunk are prepared by the workers left idle at the end of
/// the chunk before.
///
/// The output therefore never depends on the number of jobs, and memory is
/// two chunks of input, of decisions and of output, however long the input
/// is.
///
/// ```swift
/// let pipeline = BatchPipeline(ruleset: ruleset, now: now, state: RoutingState(), jobs: 2)
/// var source = NDJSONRecordSource(reader: LineReader(fileDescriptor: 0))
/// var sink = FileDescriptorSink(fileDescriptor: 1)
/// var observer = SilentBatchObserver()
/// let summary = try pipeline.run(
///     source: &source, decoder: NDJSONLeadDecoder(schema: ruleset.schema), sink: &sink, observer: &observer)
/// ```
package final class BatchPipeline {
    /// Records per chunk: large enough that the two hand-overs between
    /// threads per chunk cost nothing measurable, small enough to keep
    /// memory flat (a few MB of input and output).
    package static let defaultChunkSize = 1024

    /// Workers evaluating at once.
    package let jobs: Int
    /// The routing state the leads are routed with; updated in input order.
    package let state: RoutingState
    private let chunkSize: Int
    private let now: Timestamp
    private let engines: [Engine]
    /// One buffer per slice of a chunk.
    private var writers: [JSONWriter] = []
    /// The buffers of the chunk before, going to the sink meanwhile.
    private var previousWriters: [JSONWriter] = []
    /// Each worker's copy of the decision members that are the same for every lead.
    private var headers: [DecisionWriter.HeaderCache]
    private var outcomes: [Outcome] = []
    /// The outcomes of the next chunk, whose first slices are prepared ahead.
    private var nextOutcomes: [Outcome] = []
    /// The workers that prepared the next chunk's first slices, by slice.
    private var preparedAhead: [Int] = []
    /// The chunk being evaluated.
    private var chunk = BatchChunk()
    /// The chunk after it, read meanwhile.
    private var nextChunk = BatchChunk()
    /// The bad records of the chunk being routed, told to the observer on the calling thread.
    private var badRecords: [(line: Int, error: LeadInputError)] = []
    /// The bad records of the chunk before, told meanwhile.
    private var previousBadRecords: [(line: Int, error: LeadInputError)] = []

    /// Slices per worker in a chunk: enough that the routing of one slice
    /// overlaps the preparing and writing of others, and that at the end of
    /// a chunk the other workers wait for one small slice only (32 leads on
    /// two workers); few enough that handing them out costs nothing
    /// measurable (a lock and a wake-up each).
    private static let slicesPerWorker = 16

    /// What became of one record between the stages: prepared, then
    /// decided, each stage taking what the one before left; or bad input.
    ///
    /// Optionals, not an enum: `Optional.take()` moves a value out in place,
    /// where binding an enum case's payload copied it (a retain of each of
    /// its strings and arrays, and a release when the enum went).
    private struct Outcome {
        var prepared: PreparedDecision?
        var decision: Decision?
        var error: LeadInputError?
    }

    /// A pipeline evaluating at `now` on one worker per ruleset: give each
    /// worker its own copy of the ruleset (the same files loaded once per
    /// worker) and the workers share no reference-counted object, whose count
    /// two cores would otherwise pass back and forth on every retain and
    /// release (measured: a quarter more CPU time on 2 jobs). Each worker's
    /// engine, whose activations it writes to on every lead, is made as the
    /// workers run (`ParallelWork.map`), for the same reason. No more workers
    /// than records in a chunk are used.
    package init(rulesets: [Ruleset], now: Timestamp, state: RoutingState, chunkSize: Int = defaultChunkSize) {
        precondition(!rulesets.isEmpty, "a batch needs a ruleset")
        self.chunkSize = max(1, chunkSize)
        jobs = min(rulesets.count, self.chunkSize)
        self.state = state
        self.now = now
        engines = ParallelWork.map(Array(rulesets.prefix(jobs))) { Engine(ruleset: $0) }
        headers = Array(repeating: DecisionWriter.HeaderCache(), count: jobs)
        summary = BatchSummary(gradeOrder: rulesets[0].scoring.grades.map(\.grade))
    }

    /// A pipeline on `jobs` workers sharing one ruleset (simpler, a little
    /// slower on several cores than one copy per worker).
    package convenience init(
        ruleset: Ruleset, now: Timestamp, state: RoutingState, jobs: Int, chunkSize: Int = defaultChunkSize
    ) {
        self.init(
            rulesets: Array(repeating: ruleset, count: min(max(1, jobs), max(1, chunkSize))), now: now, state: state,
            chunkSize: chunkSize)
    }

    /// One `make(ruleset)` per worker, from the worker's ruleset, each made
    /// as the workers run (see `ParallelWork.map`): the decoders for
    /// `run(source:decoders:…)`.
    package func makePerWorker<Made, Failure: Error>(
        _ make: (Ruleset) throws(Failure) -> Made
    ) throws(Failure) -> [Made] {
        try ParallelWork.map(engines.map(\.ruleset), make)
    }

    /// The tally of everything run so far.
    package private(set) var summary: BatchSummary

    /// The number of cores the process may run on: the default for `--jobs`.
    package static var availableCores: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }

    /// Reads every record of `source`, writes one line per record to `sink`
    /// in input order, and returns the tally. Bad records become error
    /// objects in place (and are told to `observer`); the run goes on.
    /// Throws only when the sink cannot be written.
    @discardableResult
    package func run<Source: BatchRecordSource, Decoder: BatchLeadDecoder, Sink: BatchSink, Observer: BatchObserver>(
        source: inout Source, decoder: Decoder, sink: inout Sink, observer: inout Observer
    ) throws(BatchOutputError) -> BatchSummary {
        try run(source: &source, decoders: [decoder], sink: &sink, observer: &observer)
    }

    /// Runs as `run(source:decoder:sink:observer:)` does, worker `w` decoding
    /// with `decoders[w % decoders.count]`: one decoder per worker, made by
    /// `makePerWorker`, keeps the workers from sharing its tables.
    @discardableResult
    package func run<Source: BatchRecordSource, Decoder: BatchLeadDecoder, Sink: BatchSink, Observer: BatchObserver>(
        source: inout Source, decoders: [Decoder], sink: inout Sink, observer: inout Observer
    ) throws(BatchOutputError) -> BatchSummary {
        precondition(!decoders.isEmpty, "a batch needs a decoder")
        if !preparedAhead.isEmpty {
            // The run before stopped on a sink error with slices prepared ahead.
            nextOutcomes = Array(repeating: Outcome(), count: nextOutcomes.count)
            preparedAhead.removeAll()
        }
        // On one job nothing else runs meanwhile: each chunk is read right
        // before it is evaluated and written right after, into the same
        // buffers, while still in the cache.
        let overlaps = jobs > 1
        var nextBytesConsumed = 0
        var previous: (sliceCount: Int, summary: BatchSummary, bytesConsumed: Int)?
        var sinkError: BatchOutputError?
        // Reads the next chunk; returns its number of slices.
        func readNext() -> Int {
            nextChunk.reserveCapacity(matching: chunk)
            source.read(into: &nextChunk, limit: chunkSize)
            nextBytesConsumed = source.bytesConsumed
            return sliceCount(forRecords: nextChunk.count)
        }
        // The chunk before to the observer and the sink, in input order.
        func flushPrevious() {
            guard let written = previous, sinkError == nil else { return }
            previous = nil
            for (line, error) in previousBadRecords { observer.badRecord(line: line, error: error) }
            do {
                for index in 0..<written.sliceCount where previousWriters[index].count > 0 {
                    try previousWriters[index].withBytes { bytes throws(BatchOutputError) in try sink.write(bytes) }
                }
                observer.chunkWritten(summary: written.summary, bytesConsumed: written.bytesConsumed)
            } catch {
                sinkError = error
            }
        }
        nextChunk.removeAll()
        _ = readNext()
        while !nextChunk.isEmpty, sinkError == nil {
            swap(&chunk, &nextChunk)
            if overlaps { swap(&outcomes, &nextOutcomes) }
            nextChunk.removeAll()
            let bytesConsumed = nextBytesConsumed
            let sliceCount = evaluateChunk(
                decoders: decoders, readsAhead: overlaps, flushesPrevious: overlaps && previous != nil,
                readAhead: readNext, flushPrevious: flushPrevious)
            swap(&writers, &previousWriters)
            swap(&badRecords, &previousBadRecords)
            previous = (sliceCount, summary, bytesConsumed)
            if !overlaps {
                // The same buffers for every chunk, still in the cache.
                flushPrevious()
                swap(&writers, &previousWriters)
                swap(&chunk, &nextChunk)
                nextChunk.removeAll()
                _ = readNext()
            }
        }
        flushPrevious()
        if let sinkError { throw sinkError }
        return summary
    }

    /// The number of slices a chunk of `count` records is cut into.
    private func sliceCount(forRecords count: Int) -> Int {
        min(count, min(jobs, count) * Self.slicesPerWorker)
    }

    /// Prepares, routes and writes the chunk, slice by slice, on the
    /// workers; if `readsAhead`, one of them also calls `readAhead` (reading
    /// the next chunk and returning its number of slices), and the idle
    /// ones then prepare the next chunk's first slices; the calling thread,
    /// one of the workers, also calls `flushPrevious` if `flushesPrevious`.
    /// Returns the number of slices, whose lines are in
    /// `writers[0..<sliceCount]`.
    private func evaluateChunk<Decoder: BatchLeadDecoder>(
        decoders: [Decoder], readsAhead: Bool, flushesPrevious: Bool, readAhead: () -> Int,
        flushPrevious: () -> Void
    ) -> Int {
        let count = chunk.count
        let workers = min(jobs, count)
        let sliceCount = sliceCount(forRecords: count)
        // Every outcome is empty between chunks (routing takes what was
        // prepared, writing what was decided or bad), so the arrays only
        // grow: emptied and filled again, it cost ~450 instructions per
        // lead. Both hold a whole chunk: the next one may be prepared in.
        if outcomes.count < chunkSize {
            outcomes.append(contentsOf: repeatElement(Outcome(), count: chunkSize - outcomes.count))
            nextOutcomes.append(contentsOf: repeatElement(Outcome(), count: chunkSize - nextOutcomes.count))
        }
        badRecords.removeAll(keepingCapacity: true)
        while writers.count < sliceCount {
            // Room for what the same slice of the chunk before took: a
            // buffer growing step by step copies itself each time.
            let before = writers.count < previousWriters.count ? previousWriters[writers.count].count : 0
            writers.append(JSONWriter(reservingCapacity: max(1 << 14, before + before / 4)))
        }
        let schedule = ChunkSchedule(
            sliceCount: sliceCount, preparedBy: preparedAhead, readsAhead: readsAhead, flushes: flushesPrevious)
        defer { preparedAhead = schedule.preparedAhead }
        nextOutcomes.withUnsafeMutableBufferPointer { nextOutcomes in
            outcomes.withUnsafeMutableBufferPointer { outcomes in
                writers.withUnsafeMutableBufferPointer { writers in
                    headers.withUnsafeMutableBufferPointer { headers in
                        ParallelWork.run(workers: workers) { worker in
                            while let task = schedule.next(worker: worker) {
                                switch task {
                                case .prepare(let slice):
                                    prepare(
                                        slice: slice, of: sliceCount, worker: worker,
                                        decoder: decoders[worker % decoders.count], chunk: chunk, outcomes: outcomes)
                                case .prepareAhead(let slice, let nextSliceCount):
                                    prepare(
                                        slice: slice, of: nextSliceCount, worker: worker,
                                        decoder: decoders[worker % decoders.count], chunk: nextChunk,
                                        outcomes: nextOutcomes)
                                case .route(let slice, let preparedBy):
                                    route(
                                        slice: slice, of: sliceCount, worker: preparedBy, outcomes: outcomes,
                                        summary: &summary, badRecords: &badRecords)
                                case .write(let slice):
                                    // Written through a copy on this worker's stack: the
                                    // writers lie side by side, three to a cache line, and
                                    // two workers writing neighbouring slices would pass
                                    // that line between their cores on every byte count.
                                    var writer = JSONWriter(reservingCapacity: 0)
                                    swap(&writer, &writers[slice])
                                    writer.reset()
                                    write(
                                        slice: slice, of: sliceCount, to: &writer, header: &headers[worker],
                                        outcomes: outcomes)
                                    swap(&writer, &writers[slice])
                                case .readAhead:
                                    schedule.finishReadAhead(nextSliceCount: readAhead())
                                    continue
                                case .flushPrevious:
                                    flushPrevious()
                                }
                                schedule.finish(task, worker: worker)
                            }
                        }
                    }
                }
            }
        }
        return sliceCount
    }

    /// Stage 1, parallel: decode and prepare each record of a slice of `chunk`.
    private func prepare<Decoder: BatchLeadDecoder>(
        slice: Int, of sliceCount: Int, worker: Int, decoder: Decoder, chunk: borrowing BatchChunk,
        outcomes: UnsafeMutableBufferPointer<Outcome>
    ) {
        let engine = engines[worker]
        // Records read through a pointer: an ArraySlice per record would
        // retain and release the chunk's buffer, shared by all the workers.
        chunk.bytes.withUnsafeBufferPointer { input in
            for index in ParallelWork.slice(slice, of: sliceCount, count: chunk.count) {
                if let error = chunk.rejection(of: index) {
                    outcomes[index].error = error
                    continue
                }
                let record = chunk.records[index]
                switch decoder.decode(UnsafeBufferPointer(rebasing: input[record.range]), line: record.line) {
                case .success(let lead): outcomes[index].prepared = engine.prepare(lead: lead, now: now)
                case .failure(let error): outcomes[index].error = error
                }
            }
        }
    }

    /// Stage 2, one slice at a time in input order: route with the routing
    /// state. Each lead is routed with the engine of the worker that
    /// prepared it, so that its decision holds that worker's strings.
    ///
    /// The tallies come in as `inout`: one exclusive access to each of the
    /// pipeline's properties per slice instead of one per lead.
    private func route(
        slice: Int, of sliceCount: Int, worker: Int, outcomes: UnsafeMutableBufferPointer<Outcome>,
        summary: inout BatchSummary, badRecords: inout [(line: Int, error: LeadInputError)]
    ) {
        let router = engines[worker]
        for index in ParallelWork.slice(slice, of: sliceCount, count: chunk.count) {
            if let prepared = outcomes[index].prepared.take() {
                let decision = router.route(prepared, state: state)
                summary.add(decision)
                outcomes[index].decision = decision
            } else if let error = outcomes[index].error {
                summary.addBadRecord()
                badRecords.append((chunk.records[index].line, error))
            }
        }
    }

    /// Stage 3, parallel: write the lines of a slice, freeing its outcomes
    /// as it goes (on the worker's core, not all on the calling thread).
    private func write(
        slice: Int, of sliceCount: Int, to writer: inout JSONWriter, header: inout DecisionWriter.HeaderCache,
        outcomes: UnsafeMutableBufferPointer<Outcome>
    ) {
        for index in ParallelWork.slice(slice, of: sliceCount, count: chunk.count) {
            if let decision = outcomes[index].decision.take() {
                DecisionWriter.write(decision, to: &writer, header: &header)
            } else if let error = outcomes[index].error.take() {
                DecisionWriter.writeBadInput(
                    leadID: error.leadID, line: chunk.records[index].line, path: error.path, message: error.message,
                    to: &writer)
            } else {
                continue
            }
            writer.newline()
        }
    }
}
