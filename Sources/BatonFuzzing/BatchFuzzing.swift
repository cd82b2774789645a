import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Fuzz target (f): a whole `baton batch` run on the example ruleset, as the
/// command makes it: the input file read in blocks by the record source
/// (NDJSON lines, or CSV rows that quoted cells continue over several lines,
/// with a small row limit so that over-long rows are reached), decoded,
/// evaluated and written by the pipeline. The first byte chooses the format
/// (low bit: CSV) and the chunk size; the rest is the file. The run must
/// write one JSON object per record, in input order, the same on 1 job and
/// on 2.
enum BatchFuzzing {
    /// The CSV row limit of the runs: small, so that short inputs reach it.
    static let maximumCSVRowBytes = 200

    static func run(_ bytes: [UInt8], _ checks: inout FuzzChecks) {
        guard let control = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        let csv = control & 1 == 1
        let chunkSize = Int(control >> 1 & 7) + 1
        FileSystem.withTemporaryFolder(holding: [("input", input)]) { folder in
            guard let one = batch(folder + "/input", csv: csv, jobs: 1, chunkSize: chunkSize, &checks) else { return }
            let two = batch(folder + "/input", csv: csv, jobs: 2, chunkSize: chunkSize, &checks)
            checks.expect(two?.output == one.output, "1 job and 2 jobs write different lines")
            var lines = one.output.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            checks.expect(lines.last?.isEmpty ?? true, "the output does not end with a line break")
            if lines.last?.isEmpty == true { lines.removeLast() }
            checks.expect(lines.count == one.records, "\(one.records) records in, \(lines.count) lines out")
            for (index, line) in lines.enumerated() {
                checks.expect(
                    line.first == UInt8(ascii: "{") && FuzzValues.isJSON(Array(line)),
                    "output line \(index + 1) is not a JSON object: \(String(decoding: line, as: UTF8.self))")
            }
        }
    }

    /// The output and record count of one run over the file at `path`;
    /// nil when the run cannot start (a CSV header that is not valid, or
    /// that names no column the schema has), as the command would stop.
    private static func batch(
        _ path: String, csv: Bool, jobs: Int, chunkSize: Int, _ checks: inout FuzzChecks
    ) -> (output: [UInt8], records: Int)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            checks.expect(false, "cannot open the input file")
            return nil
        }
        defer { close(descriptor) }
        let ruleset = ExampleRuleset.shared.ruleset
        let pipeline = BatchPipeline(
            ruleset: ruleset, now: ExampleRuleset.now, state: RoutingState(), jobs: jobs, chunkSize: chunkSize)
        var sink = CollectingSink()
        var observer = SilentBatchObserver()
        let reader = LineReader(fileDescriptor: descriptor)
        do {
            if csv {
                var source = try CSVRecordSource(reader: reader, maximumRecordBytes: maximumCSVRowBytes)
                let decoder = try CSVLeadDecoder(header: source.header, columns: CSVColumnMap(), schema: ruleset.schema)
                let summary = try pipeline.run(source: &source, decoder: decoder, sink: &sink, observer: &observer)
                return (sink.bytes, summary.records)
            }
            var source = NDJSONRecordSource(reader: reader)
            let decoder = NDJSONLeadDecoder(schema: ruleset.schema)
            let summary = try pipeline.run(source: &source, decoder: decoder, sink: &sink, observer: &observer)
            return (sink.bytes, summary.records)
        } catch is CSVError {
            return nil
        } catch is BatchSetupError {
            return nil
        } catch {
            checks.expect(false, "the batch failed: \(error)")
            return nil
        }
    }
}
