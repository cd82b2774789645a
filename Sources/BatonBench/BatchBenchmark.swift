import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// Times whole decisions as `baton batch` makes them: the example ruleset on
/// generated leads, through the same library pipeline the command runs
/// (read the NDJSON file, decode, prepare, route with state, write the
/// decision JSON), the output going to a discarding sink. On 1 job and on
/// every core, and the peak resident memory of the batch runs. Also the
/// time to load, check and lint the ruleset, as every `baton` command does
/// first, and the stages of a decision timed apart (``StageBenchmark``).
///
/// The leads are `--leads FILE`, or else 50,000 leads that
/// `Rules/example/generate-leads.py` writes into a temporary folder.
struct BatchBenchmark {
    struct Figure {
        var leads: Int
        var jobs: Int
        /// Pairs of passes (1 job, then every core) the batch figures are the medians of.
        var pairs: Int
        var leadsPerSecondOneJob: Double
        var leadsPerSecondAllJobs: Double
        /// The median of the per-pass ratios of the 1-job time to the all-jobs time.
        var speedUp: Double
        var peakResidentMegabytes: Double
        /// Resident memory when the batch runs started (the expression workload, still held).
        var startResidentMegabytes: Double
        /// Median time to load, check and lint the ruleset (`RulesetLoader.load`).
        var loadMilliseconds: Double
        /// Reading, evaluating, writing and freeing timed apart.
        var stages: StageBenchmark.Figure
    }

    static let generatedCount = 50_000

    let rulesPath: String
    /// The leads file, or nil to generate one.
    let leadsPath: String?
    let passes: Int

    func run() throws -> Figure {
        let loaded = RulesetLoader.load(path: rulesPath)
        guard let ruleset = loaded.ruleset else {
            throw Workload.Failure(description: "the ruleset at \(rulesPath) does not load; run `baton check`")
        }
        let loadNanoseconds = Clock.median(passes: passes) { _ = RulesetLoader.load(path: rulesPath) }
        let generatedFolder = leadsPath == nil ? "/tmp/baton-bench-batch-\(getpid())" : nil
        defer {
            if let generatedFolder {
                unlink(generatedFolder + "/leads.ndjson")
                rmdir(generatedFolder)
            }
        }
        let leads = try leadsPath ?? generateLeads(into: generatedFolder!)
        let now = try Timestamp(rfc3339: "2026-11-25T12:00:00Z")
        // The expression benchmark held its whole workload in memory; from
        // here the peak is the batch's own.
        Self.resetPeakResidentMemory()
        let startResident = Self.statusMegabytes("VmRSS:")
        var count = 0
        let cores = BatchPipeline.availableCores
        // As `baton batch` does: one copy of the ruleset per worker.
        let allRulesets = BatchPipeline.loadWorkerRulesets(path: rulesPath, count: cores) { ruleset }
        // 1 job and every core alternately, so that the speed-up compares
        // passes run at the same moment of a drifting machine; three times
        // as many pairs as other figures have passes, since a pass is short
        // (~0.1 s) and one descheduled moment of either core moves its ratio.
        let pairs = 3 * passes
        let timed = try Clock.pairedMedians(passes: pairs) {
            count = try Self.runOnePass(rulesets: [ruleset], now: now, leads: leads)
        } _: {
            count = try Self.runOnePass(rulesets: allRulesets, now: now, leads: leads)
        }
        let peakResident = Self.statusMegabytes("VmHWM:")
        // After the peak is read: this stage holds all its leads at once.
        let stages = try StageBenchmark(ruleset: ruleset, leadsPath: leads, passes: passes).run()
        return Figure(
            leads: count, jobs: cores, pairs: pairs, leadsPerSecondOneJob: Double(count) / timed.first * 1e9,
            leadsPerSecondAllJobs: Double(count) / timed.second * 1e9, speedUp: timed.ratio,
            peakResidentMegabytes: peakResident, startResidentMegabytes: startResident,
            loadMilliseconds: loadNanoseconds / 1_000_000, stages: stages)
    }

    /// One run of the pipeline over the file; returns the number of records.
    private static func runOnePass(rulesets: [Ruleset], now: Timestamp, leads: String) throws -> Int {
        let descriptor = open(leads, O_RDONLY)
        guard descriptor >= 0 else { throw Workload.Failure(description: "cannot read \(leads)") }
        defer { close(descriptor) }
        let pipeline = BatchPipeline(rulesets: rulesets, now: now, state: RoutingState())
        let decoders = pipeline.makePerWorker { NDJSONLeadDecoder(schema: $0.schema) }
        var source = NDJSONRecordSource(reader: LineReader(fileDescriptor: descriptor))
        var sink = DiscardingSink()
        var observer = SilentBatchObserver()
        let summary = try pipeline.run(source: &source, decoders: decoders, sink: &sink, observer: &observer)
        guard summary.errors == 0 else {
            throw Workload.Failure(description: "\(leads): \(summary.errors) leads could not be evaluated")
        }
        blackHole(sink.byteCount)
        return summary.records
    }

    /// Runs the example's generator (fixed seed) into `folder`; returns the file.
    private func generateLeads(into folder: String) throws -> String {
        mkdir(folder, 0o700)
        let file = folder + "/leads.ndjson"
        let script = rulesPath + "/generate-leads.py"
        let arguments = ["python3", script, "--count", "\(Self.generatedCount)", "--output", file]
        var pid: pid_t = 0
        var argv = arguments.map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        guard posix_spawnp(&pid, "python3", nil, nil, &argv, environ) == 0 else {
            throw Workload.Failure(description: "cannot run python3 \(script); pass --leads FILE")
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard status == 0 else {
            throw Workload.Failure(description: "python3 \(script) failed; pass --leads FILE")
        }
        return file
    }

    /// Makes the kernel forget the peak so far (`VmHWM`): writing 5 to clear_refs does that.
    private static func resetPeakResidentMemory() {
        guard let handle = fopen("/proc/self/clear_refs", "w") else { return }
        fputs("5", handle)
        fclose(handle)
    }

    /// A memory line of /proc/self/status (`VmHWM:` the peak, `VmRSS:` now), in MB (0 where there is none).
    static func statusMegabytes(_ key: String) -> Double {
        guard let status = try? readFile("/proc/self/status") else { return 0 }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix(key) {
            // "VmHWM:\t   28548 kB"
            let fields = line.dropFirst(key.count).split(whereSeparator: { $0 == " " || $0 == "\t" })
            let kilobytes = fields.first.flatMap { Double($0) } ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
