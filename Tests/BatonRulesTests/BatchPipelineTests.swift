import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// The batch pipeline of the library: chunking, jobs, order, CSV records.
@Suite struct BatchPipelineTests {
    static let now = try! Timestamp(rfc3339: "2026-11-25T12:00:00Z")

    static func exampleRuleset() throws -> Ruleset {
        try #require(RulesetLoader.load(path: LoaderFixtures.projectDirectory + "/Rules/example").ruleset)
    }

    /// A file holding `text`, opened for reading; the caller closes it.
    static func reader(_ text: String) throws -> (LineReader, Int32) { try reader(Array(text.utf8)) }

    /// A file holding `bytes`, opened for reading; the caller closes it.
    static func reader(_ bytes: [UInt8]) throws -> (LineReader, Int32) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString)").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let descriptor = open(path, O_RDONLY)
        unlink(path)
        return (LineReader(fileDescriptor: descriptor), descriptor)
    }

    static func run(_ text: String, jobs: Int, chunkSize: Int) throws -> (output: String, summary: BatchSummary) {
        let ruleset = try exampleRuleset()
        let (reader, descriptor) = try reader(text)
        defer { close(descriptor) }
        let pipeline = BatchPipeline(
            ruleset: ruleset, now: now, state: RoutingState(), jobs: jobs, chunkSize: chunkSize)
        var source = NDJSONRecordSource(reader: reader)
        var sink = CollectingSink()
        var observer = SilentBatchObserver()
        let summary = try pipeline.run(
            source: &source, decoder: NDJSONLeadDecoder(schema: ruleset.schema), sink: &sink, observer: &observer)
        return (String(decoding: sink.bytes, as: UTF8.self), summary)
    }

    static let leads: String =
        (1...40).map { index in
            let country = ["US", "DE", "JP", "BR", "GB"][index % 5]
            let employees = [5000, 300, 50, 1500][index % 4]
            return #"{"id":"P-\#(index)","country":"\#(country)","employees":\#(employees)}"# + "\n"
        }.joined() + "\n{\"id\":\"bad\",\"employees\":\"x\"}\n"

    @Test(arguments: [(1, 1), (2, 3), (3, 7), (4, 1024), (8, 5)])
    func outputDoesNotDependOnJobsOrChunks(jobs: Int, chunkSize: Int) throws {
        let reference = try Self.run(Self.leads, jobs: 1, chunkSize: 1024)
        let run = try Self.run(Self.leads, jobs: jobs, chunkSize: chunkSize)
        #expect(run.output == reference.output)
        #expect(run.summary.leads == 40)
        #expect(run.summary.errors == 2)
        #expect(run.output.split(separator: "\n").count == 42)
    }

    /// What a run told its observer, and the lines it had written by then.
    final class RunLog {
        var events: [String] = []
        var linesWritten = 0
    }

    struct LoggingSink: BatchSink {
        let log: RunLog
        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError) {
            log.linesWritten += bytes.count { $0 == UInt8(ascii: "\n") }
        }
    }

    struct LoggingObserver: BatchObserver {
        let log: RunLog
        mutating func badRecord(line: Int, error: LeadInputError) { log.events.append("bad \(line)") }
        mutating func chunkWritten(summary: BatchSummary, bytesConsumed: Int) {
            log.events.append("chunk \(summary.records) records, \(log.linesWritten) lines, \(bytesConsumed) bytes")
        }
    }

    /// Each chunk is read while the one before is evaluated: its bad
    /// records and its progress must still come after that one's, with the
    /// bytes of its own records, and once its lines are written.
    @Test(arguments: [1, 2, 3])
    func badRecordsAndProgressComeChunkByChunkInOrder(jobs: Int) throws {
        let lines = Self.leads.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let ruleset = try Self.exampleRuleset()
        let (reader, descriptor) = try Self.reader(Self.leads)
        defer { close(descriptor) }
        let pipeline = BatchPipeline(ruleset: ruleset, now: Self.now, state: RoutingState(), jobs: jobs, chunkSize: 4)
        var source = NDJSONRecordSource(reader: reader)
        let log = RunLog()
        var sink = LoggingSink(log: log)
        var observer = LoggingObserver(log: log)
        try pipeline.run(
            source: &source, decoder: NDJSONLeadDecoder(schema: ruleset.schema), sink: &sink, observer: &observer)
        var expected: [String] = []
        var bytes = 0
        for (index, line) in lines.enumerated() {
            bytes += line.utf8.count + 1
            if line.isEmpty || line.contains("bad") { expected.append("bad \(index + 1)") }
            if (index + 1) % 4 == 0 || index + 1 == lines.count {
                expected.append("chunk \(index + 1) records, \(index + 1) lines, \(bytes) bytes")
            }
        }
        #expect(log.events == expected)
    }

    struct FailingSink: BatchSink {
        mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(BatchOutputError) {
            throw BatchOutputError("disk full")
        }
    }

    /// A run stopped by the sink may leave the next chunk's first slices
    /// prepared: a later run of the same pipeline must not decide with them.
    @Test func aPipelineStoppedByItsSinkRunsAgainAlike() throws {
        let ruleset = try Self.exampleRuleset()
        let decoder = NDJSONLeadDecoder(schema: ruleset.schema)
        let pipeline = BatchPipeline(ruleset: ruleset, now: Self.now, state: RoutingState(), jobs: 2, chunkSize: 8)
        let (failedReader, failedDescriptor) = try Self.reader(Self.leads)
        defer { close(failedDescriptor) }
        var failedSource = NDJSONRecordSource(reader: failedReader)
        var failingSink = FailingSink()
        var observer = SilentBatchObserver()
        #expect(throws: BatchOutputError.self) {
            try pipeline.run(source: &failedSource, decoder: decoder, sink: &failingSink, observer: &observer)
        }
        let otherLeads = Self.leads.replacingOccurrences(of: "P-", with: "Q-")
        let (reader, descriptor) = try Self.reader(otherLeads)
        defer { close(descriptor) }
        var source = NDJSONRecordSource(reader: reader)
        var sink = CollectingSink()
        try pipeline.run(source: &source, decoder: decoder, sink: &sink, observer: &observer)
        let output = String(decoding: sink.bytes, as: UTF8.self)
        #expect(!output.contains("P-"))
        #expect(output.split(separator: "\n").count == 42)
    }

    /// The sink and the observer are used by worker 0 only: it must be the thread that runs the batch.
    @Test func workerZeroRunsOnTheCallingThread() {
        let caller = pthread_self()
        let onCaller = UnsafeMutablePointer<Bool>.allocate(capacity: 4)
        defer { onCaller.deallocate() }
        ParallelWork.run(workers: 4) { worker in onCaller[worker] = pthread_equal(pthread_self(), caller) != 0 }
        #expect(Array(UnsafeBufferPointer(start: onCaller, count: 4)) == [true, false, false, false])
    }

    /// Per-worker objects are made as the workers run, in order: the first
    /// on the calling thread, the others elsewhere (so that their memory
    /// comes from another allocator arena).
    @Test func perWorkerObjectsAreMadeInOrderOnTheWorkersThreads() throws {
        let caller = pthread_self()
        let made = ParallelWork.map(Array(0..<4)) { item in (item, pthread_equal(pthread_self(), caller) != 0) }
        #expect(made.map(\.0) == [0, 1, 2, 3])
        #expect(made.map(\.1) == [true, false, false, false])

        struct Refused: Error, Equatable { let item: Int }
        #expect(throws: Refused(item: 2)) {
            _ = try ParallelWork.map(Array(0..<4)) { item throws(Refused) in
                if item == 2 { throw Refused(item: item) }
                return item
            }
        }

        let ruleset = try Self.exampleRuleset()
        let pipeline = BatchPipeline(ruleset: ruleset, now: Self.now, state: RoutingState(), jobs: 3)
        #expect(pipeline.makePerWorker { $0.digest } == Array(repeating: ruleset.digest, count: 3))
    }

    @Test func summaryTalliesGradesHandoffsAndAssignees() throws {
        let summary = try Self.run(Self.leads, jobs: 2, chunkSize: 4).summary
        #expect(summary.records == 42)
        #expect(summary.gradeOrder == ["A", "B", "C", "D"])
        #expect(summary.grades.values.reduce(0, +) == 40)
        #expect(summary.handoffs.values.reduce(0, +) == 40)
        let owners = summary.top(.owner, count: 10)
        #expect(owners.map(\.leads) == owners.map(\.leads).sorted(by: >))
        let ownerLeads = owners.map(\.leads).reduce(0, +)
        let queueLeads = summary.top(.queue, count: 10).map(\.leads).reduce(0, +)
        #expect(ownerLeads + queueLeads == 40)
    }

    @Test func csvRecordsSpanLinesInsideQuotesAndSkipEmptyLines() throws {
        let (reader, descriptor) = try Self.reader("\u{FEFF}a,b\r\n1,\"x\n\ny\"\n\n2,\"he said \"\"hi\"\"\"\n3,4")
        defer { close(descriptor) }
        var source = try CSVRecordSource(reader: reader)
        #expect(source.header.cells == ["a", "b"])
        var chunk = BatchChunk()
        source.read(into: &chunk, limit: 10)
        #expect(chunk.records.map(\.line) == [2, 6, 7])
        #expect(
            chunk.records.indices.map { String(decoding: chunk[$0], as: UTF8.self) } == [
                "1,\"x\n\ny\"", "2,\"he said \"\"hi\"\"\"", "3,4",
            ])
    }

    /// Rows over the limit, on one line or over several (a quote never
    /// closed), are error records; the rows around them are read as usual.
    @Test func csvRowsLongerThanTheLimitAreErrorRecords() throws {
        let long = String(repeating: "x", count: 40)
        let text = "a,b\n1,2\n3,\(long)\n4,\"\(long.prefix(10))\n\(long)\"\n5,\"6\n7\"\n8,9"
        let (reader, descriptor) = try Self.reader(text)
        defer { close(descriptor) }
        var source = try CSVRecordSource(reader: reader, maximumRecordBytes: 30)
        var chunk = BatchChunk()
        source.read(into: &chunk, limit: 10)
        #expect(chunk.records.map(\.line) == [2, 3, 4, 6, 8])
        #expect(
            chunk.records.indices.map { chunk.rejection(of: $0)?.message }
                == [nil, "lead: row longer than 30 bytes", "lead: row longer than 30 bytes", nil, nil])
        #expect(String(decoding: chunk[3], as: UTF8.self) == "5,\"6\n7\"")
        #expect(String(decoding: chunk[4], as: UTF8.self) == "8,9")
    }

    @Test func csvHeaderLongerThanTheLimitIsAnError() throws {
        let (reader, descriptor) = try Self.reader(String(repeating: "a,", count: 40) + "\n1")
        defer { close(descriptor) }
        #expect(throws: CSVError.self) { try CSVRecordSource(reader: reader, maximumRecordBytes: 30) }
    }

    static let columnMaps: [(String, [String: String]?)] = [
        ("Email=email", ["Email": "email"]),
        (" Company Name = company ,E-mail=email", ["Company Name": "company", "E-mail": "email"]),
        ("Email", nil),
        ("Email=", nil),
        ("a=b=c", nil),
        ("Email=email,Email=first_name", nil),
        ("Email=email,", nil),
    ]

    @Test(arguments: columnMaps)
    func columnMapsParse(text: String, expected: [String: String]?) {
        let parsed = try? CSVColumnMap(parsing: text)
        #expect(parsed?.fieldByHeader == expected)
    }
}
