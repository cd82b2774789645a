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
/// The input is read in chunks of `chunkSize` records. For each chunk:
/// 1. in parallel, each worker decodes and prepares its slice of the chunk
///    (`Engine.prepare`: account, scoring, routing rules, handoff; no state);
/// 2. on the calling thread, every lead is routed in input order
///    (`Engine.route`, which reads and updates the `RoutingState`);
/// 3. in parallel, each worker writes its slice's decision lines (or bad
///    input objects) into its own buffer;
/// 4. the buffers go to the sink in worker order, so in input order.
///
/// The output therefore never depends on the number of jobs, and memory is
/// a chunk of input and output, however long the input is.
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
    private var writers: [JSONWriter]
    /// Each writer's copy of the decision members that are the same for every lead.
    private var headers: [DecisionWriter.HeaderCache]
    private var outcomes: [Outcome] = []
    private var chunk = BatchChunk()

    /// What became of one record between the stages.
    private enum Outcome {
        case pending
        case prepared(PreparedDecision)
        case decided(Decision)
        case bad(LeadInputError)
    }

    /// A pipeline evaluating at `now` on one worker per ruleset: give each
    /// worker its own copy of the ruleset (the same files loaded once per
    /// worker) and the workers share no reference-counted object, whose count
    /// two cores would otherwise pass back and forth on every retain and
    /// release (measured: a quarter more CPU time on 2 jobs). The first
    /// ruleset also routes. No more workers than records in a chunk are used.
    package init(rulesets: [Ruleset], now: Timestamp, state: RoutingState, chunkSize: Int = defaultChunkSize) {
        precondition(!rulesets.isEmpty, "a batch needs a ruleset")
        self.chunkSize = max(1, chunkSize)
        jobs = min(rulesets.count, self.chunkSize)
        self.state = state
        self.now = now
        engines = rulesets.prefix(jobs).map { Engine(ruleset: $0) }
        // Writers grow to a chunk's share of output once, then keep their capacity.
        writers = (0..<jobs).map { _ in JSONWriter(reservingCapacity: 1 << 16) }
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

    /// `count` copies of `ruleset` for `init(rulesets:…)`: `ruleset` itself,
    /// then the files at `path` loaded again for each further worker. A copy
    /// whose digest differs (the files changed meanwhile) or that does not
    /// load is replaced by `ruleset`, so that every worker decides alike.
    package static func workerRulesets(_ ruleset: Ruleset, loadingAgain path: String, count: Int) -> [Ruleset] {
        [ruleset]
            + (1..<max(1, min(count, defaultChunkSize))).map { _ in
                guard let copy = RulesetLoader.load(path: path).ruleset, copy.digest == ruleset.digest else {
                    return ruleset
                }
                return copy
            }
    }

    /// The ruleset of each worker, for making one decoder per worker.
    package var workerRulesets: [Ruleset] { engines.map(\.ruleset) }

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
    /// with `decoders[w % decoders.count]`: one decoder per worker, made from
    /// `workerRulesets[w]`, keeps the workers from sharing its tables.
    @discardableResult
    package func run<Source: BatchRecordSource, Decoder: BatchLeadDecoder, Sink: BatchSink, Observer: BatchObserver>(
        source: inout Source, decoders: [Decoder], sink: inout Sink, observer: inout Observer
    ) throws(BatchOutputError) -> BatchSummary {
        precondition(!decoders.isEmpty, "a batch needs a decoder")
        while true {
            chunk.removeAll()
            source.read(into: &chunk, limit: chunkSize)
            if chunk.isEmpty { break }
            prepareChunk(decoders: decoders)
            routeChunk(observer: &observer)
            writeChunk()
            for index in writers.indices where writers[index].count > 0 {
                try writers[index].withBytes { bytes throws(BatchOutputError) in try sink.write(bytes) }
            }
            observer.chunkWritten(summary: summary, bytesConsumed: source.bytesConsumed)
        }
        return summary
    }

    /// Stage 1, parallel: decode and prepare each record.
    private func prepareChunk<Decoder: BatchLeadDecoder>(decoders: [Decoder]) {
        let count = chunk.count
        outcomes.removeAll(keepingCapacity: true)
        outcomes.append(contentsOf: repeatElement(.pending, count: count))
        let chunk = self.chunk
        let engines = self.engines
        let now = self.now
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            ParallelWork.run(workers: jobs, count: count) { worker, range in
                let engine = engines[worker]
                let decoder = decoders[worker % decoders.count]
                for index in range {
                    switch decoder.decode(chunk[index], line: chunk.records[index].line) {
                    case .success(let lead): outcomes[index] = .prepared(engine.prepare(lead: lead, now: now))
                    case .failure(let error): outcomes[index] = .bad(error)
                    }
                }
            }
        }
    }

    /// Stage 2, sequential: route in input order with the routing state.
    /// Each lead is routed with the engine of the worker that prepared it
    /// (and will write it), so that its decision holds that worker's strings.
    private func routeChunk<Observer: BatchObserver>(observer: inout Observer) {
        let workers = ParallelWork.workers(jobs, count: outcomes.count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            for worker in 0..<workers {
                let router = engines[worker]
                for index in ParallelWork.slice(worker, of: workers, count: outcomes.count) {
                    // Moved out and back in, not copied: a copy would retain
                    // (and its end release) every string and array of the lead.
                    switch (outcomes.baseAddress! + index).move() {
                    case .prepared(let prepared):
                        let decision = router.route(prepared, state: state)
                        summary.add(decision)
                        (outcomes.baseAddress! + index).initialize(to: .decided(decision))
                    case .bad(let error):
                        summary.addBadRecord()
                        observer.badRecord(line: chunk.records[index].line, error: error)
                        (outcomes.baseAddress! + index).initialize(to: .bad(error))
                    case let other:
                        (outcomes.baseAddress! + index).initialize(to: other)
                    }
                }
            }
        }
    }

    /// Stage 3, parallel: each worker writes the lines of its slice into its
    /// own buffer, and frees its outcomes as it goes (on its own core,
    /// rather than all on the calling thread before the next chunk).
    private func writeChunk() {
        let chunk = self.chunk
        let count = chunk.count
        let workers = ParallelWork.workers(jobs, count: count)
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            writers.withUnsafeMutableBufferPointer { writers in
                headers.withUnsafeMutableBufferPointer { headers in
                    for index in workers..<writers.count { writers[index].reset() }
                    ParallelWork.run(workers: workers, count: count) { worker, range in
                        writers[worker].reset()
                        for index in range {
                            let outcome = (outcomes.baseAddress! + index).move()
                            (outcomes.baseAddress! + index).initialize(to: .pending)
                            switch outcome {
                            case .decided(let decision):
                                DecisionWriter.write(decision, to: &writers[worker], header: &headers[worker])
                            case .bad(let error):
                                DecisionWriter.writeBadInput(
                                    leadID: error.leadID, line: chunk.records[index].line, path: error.path,
                                    message: error.message, to: &writers[worker])
                            case .pending, .prepared:
                                continue
                            }
                            writers[worker].newline()
                        }
                    }
                }
            }
        }
    }
}
