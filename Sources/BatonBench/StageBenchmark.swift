import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// Times the stages of a whole decision apart, on one core, over the first
/// `leadCount` leads of the batch file: reading (NDJSON line to the typed
/// lead), evaluating (`Engine.prepare` and `Engine.route` with routing
/// state), writing (the decision JSON) and freeing (the leads and decisions
/// released). Each stage runs over all the leads before the next begins, so
/// a figure is that stage's alone; their sum is a little below what the
/// pipeline takes, which interleaves them and hands slices between stages.
struct StageBenchmark {
    struct Figure {
        var leads: Int
        var readNanoseconds: Double
        var evaluateNanoseconds: Double
        var writeNanoseconds: Double
        var freeNanoseconds: Double

        var totalNanoseconds: Double { readNanoseconds + evaluateNanoseconds + writeNanoseconds + freeNanoseconds }
    }

    static let leadCount = 10_000

    let ruleset: Ruleset
    let leadsPath: String
    let passes: Int

    func run() throws -> Figure {
        let lines = try Self.lines(of: leadsPath, count: Self.leadCount)
        let now = try Timestamp(rfc3339: "2026-11-25T12:00:00Z")
        let decoder = NDJSONLeadDecoder(schema: ruleset.schema)
        let engine = Engine(ruleset: ruleset)
        var samples: [[Double]] = Array(repeating: [], count: 4)
        var writer = JSONWriter(reservingCapacity: 1 << 20)
        var header = DecisionWriter.HeaderCache()
        for _ in 0..<passes {
            var leads: [RecordValue] = []
            leads.reserveCapacity(lines.count)
            var decisions: [Decision] = []
            decisions.reserveCapacity(lines.count)
            let state = RoutingState()

            var start = Clock.nanoseconds()
            for (index, line) in lines.enumerated() {
                let decoded = line.withUnsafeBufferPointer { decoder.decode($0, line: index + 1) }
                guard case .success(let lead) = decoded else {
                    throw Workload.Failure(description: "\(leadsPath):\(index + 1): the lead does not decode")
                }
                leads.append(lead)
            }
            samples[0].append(Double(Clock.nanoseconds() - start))

            start = Clock.nanoseconds()
            for lead in leads { decisions.append(engine.route(engine.prepare(lead: lead, now: now), state: state)) }
            samples[1].append(Double(Clock.nanoseconds() - start))

            start = Clock.nanoseconds()
            var bytes = 0
            for decision in decisions {
                DecisionWriter.write(decision, to: &writer, header: &header)
                writer.newline()
                // As the pipeline does: a buffer of a slice's lines, emptied once written out.
                if writer.count > 1 << 19 {
                    bytes += writer.count
                    writer.reset()
                }
            }
            bytes += writer.count
            writer.reset()
            samples[2].append(Double(Clock.nanoseconds() - start))
            blackHole(bytes)

            start = Clock.nanoseconds()
            leads = []
            decisions = []
            samples[3].append(Double(Clock.nanoseconds() - start))
        }
        let perLead = samples.map { Clock.middle(of: $0) / Double(lines.count) }
        return Figure(
            leads: lines.count, readNanoseconds: perLead[0], evaluateNanoseconds: perLead[1],
            writeNanoseconds: perLead[2], freeNanoseconds: perLead[3])
    }

    /// The first `count` non-blank lines of a file, each as its bytes.
    private static func lines(of path: String, count: Int) throws -> [[UInt8]] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Workload.Failure(description: "cannot read \(path)") }
        defer { close(descriptor) }
        var reader = LineReader(fileDescriptor: descriptor)
        var lines: [[UInt8]] = []
        while lines.count < count, let line = reader.nextLine() {
            if !line.isEmpty { lines.append(Array(line)) }
        }
        guard !lines.isEmpty else { throw Workload.Failure(description: "\(path) holds no leads") }
        return lines
    }
}
