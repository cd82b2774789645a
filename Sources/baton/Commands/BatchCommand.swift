import ArgumentParser
import BatonLang
import BatonRules
import BatonStore

#if canImport(Glibc)
    import Glibc
#endif

/// `baton batch`: many leads in, one decision line per record out, in input order.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Evaluate many leads (NDJSON or CSV) into one decision line each, in input order.",
        discussion: """
            Writes NDJSON: for every input record (an NDJSON line, blank ones included, or a CSV
            data row) the decision JSON that `baton eval` writes, or the bad-input error object
            with the record's "line", in input order. A bad record's message also goes to stderr;
            the run goes on and exits 1 at the end. Leads are evaluated on all cores (--jobs);
            routing state (round robin positions, open assignments) is carried from lead to lead
            in input order, so the output does not depend on --jobs, and --state keeps it in an
            SQLite file from one run to the next (saved once, at the end of a run that finished).

            CSV input has a header row; each column fills the lead field it names, or the field
            --columns maps it to, and cells are read as the schema declares that field (an empty
            cell is an absent field). Columns that name no field are ignored.

            On a terminal, stderr shows a progress bar and, at the end, a summary.

            Examples:
              baton batch --rules Rules/example --now 2026-11-25T12:00:00Z --input leads.ndjson --output decisions.ndjson
              baton batch --rules Rules/example --input-format csv --columns "Email=email,Company Name=company" --input export.csv
              baton batch --rules Rules/example --state routing.sqlite < leads.ndjson > decisions.ndjson
            """
    )

    @OptionGroup var rulesOption: RulesOption
    @OptionGroup var nowOption: NowOption

    @Option(name: .long, help: "The leads: a file, or - for stdin.")
    var input: String = "-"

    @Option(name: .long, help: "Where the decisions go: a file (replaced), or - for stdout.")
    var output: String = "-"

    @Option(name: .customLong("input-format"), help: "ndjson or csv.")
    var inputFormat: BatchInputFormat = .ndjson

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CSV headers that stand for lead fields: HEADER=FIELD pairs separated by commas.",
            valueName: "MAP"))
    var columns: String?

    @Option(name: .long, help: "Leads evaluated at once (default: all cores).")
    var jobs: Int?

    @Option(name: .long, help: "An SQLite file keeping routing state across runs (created when missing).")
    var state: String?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if columns != nil, inputFormat != .csv { throw ValidationError("--columns applies to --input-format csv only") }
        _ = try columnMap()
    }

    func run() throws {
        let now = try nowOption.timestamp()
        let rulesPath = try rulesOption.path()
        // One copy of the ruleset per worker, loaded at once: see `BatchPipeline.init(rulesets:…)`.
        let rulesets = try BatchPipeline.loadWorkerRulesets(
            path: rulesPath, count: jobs ?? BatchPipeline.availableCores
        ) { () throws(any Error) in try RulesetLoading.load(rulesPath) }
        let source = try InputFile.open(input)
        defer { source.close() }
        let destination = try openOutput()
        defer { if destination != 1 { close(destination) } }
        let store: RoutingStateStore?
        let routingState: RoutingState
        do {
            store = try state.map { try RoutingStateStore(path: $0) }
            routingState = try store?.load() ?? RoutingState()
        } catch {
            throw Self.cannotStart("\(error)")
        }

        let pipeline = BatchPipeline(rulesets: rulesets, now: now, state: routingState)
        var observer = BatchConsoleObserver(inputSize: source.size)
        var sink = FileDescriptorSink(fileDescriptor: destination)
        let reader = LineReader(fileDescriptor: source.fileDescriptor)
        do {
            switch inputFormat {
            case .ndjson:
                var records = NDJSONRecordSource(reader: reader)
                let decoders = pipeline.makePerWorker { NDJSONLeadDecoder(schema: $0.schema) }
                try pipeline.run(source: &records, decoders: decoders, sink: &sink, observer: &observer)
            case .csv:
                var records = try csvRecords(reader)
                let decoders = try pipeline.makePerWorker {
                    try csvDecoder(header: records.header, schema: $0.schema)
                }
                try pipeline.run(source: &records, decoders: decoders, sink: &sink, observer: &observer)
            }
        } catch let error as BatchOutputError {
            throw Self.cannotStart("cannot write \(output == "-" ? "stdout" : output): \(error.message)")
        }
        do {
            try store?.save(pipeline.state)
        } catch {
            throw Self.cannotStart("\(error)")
        }
        observer.finish(pipeline.summary)
        if pipeline.summary.errors > 0 { throw ExitStatus.findings }
    }

    private func csvRecords(_ reader: LineReader) throws -> CSVRecordSource {
        do {
            return try CSVRecordSource(reader: reader)
        } catch {
            throw Self.cannotStart("\(input == "-" ? "stdin" : input):\(error.line):\(error.column): \(error.message)")
        }
    }

    private func csvDecoder(header: CSVRecord, schema: Schema) throws -> CSVLeadDecoder {
        do {
            return try CSVLeadDecoder(header: header, columns: try columnMap(), schema: schema)
        } catch let error as BatchSetupError {
            throw Self.cannotStart(error.message)
        }
    }

    private func columnMap() throws -> CSVColumnMap {
        guard let columns else { return CSVColumnMap() }
        do {
            return try CSVColumnMap(parsing: columns)
        } catch {
            throw ValidationError(error.message)
        }
    }

    private func openOutput() throws -> Int32 {
        guard output != "-" else { return 1 }
        let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            Console.error("error: cannot write \(output): \(String(cString: strerror(errno)))\n")
            throw ExitStatus.cannotStart
        }
        return descriptor
    }

    /// Prints why the run cannot go on; the exit status to throw (2).
    private static func cannotStart(_ message: String) -> ExitCode {
        Console.error("error: \(message)\n")
        return ExitStatus.cannotStart
    }
}

/// `--input-format ndjson|csv`.
enum BatchInputFormat: String, ExpressibleByArgument, CaseIterable {
    case ndjson, csv
}
