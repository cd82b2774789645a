import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// The files `../shared/bench/baton_workload.py DIR` writes, read and typed.
struct Workload {
    var schema: Schema
    /// The leads as the engine reads them.
    var leads: [RecordValue]
    /// The same leads as plain Swift structs, for the hand-written floor.
    var nativeLeads: [NativeLead]
    /// E1…E7 in Baton syntax, by id.
    var expressions: [(id: String, source: String)]
    /// The 20 rules of E7: points and condition.
    var rules: [(points: Int64, condition: String)]
    /// The expected result of each expression on each lead.
    var reference: [String: [Value]]
    /// The raw NDJSON lines, for measuring reading.
    var leadLines: [[UInt8]]

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func load(directory: String) throws -> Workload {
        let schema = try loadSchema(directory + "/schema.yaml")
        let decoder = TypedJSONDecoder(schema: schema, root: "lead")
        var leads: [RecordValue] = []
        var lines: [[UInt8]] = []
        for line in try readFile(directory + "/leads.ndjson").split(separator: UInt8(ascii: "\n")) {
            switch decoder.decode(line) {
            case .success(let lead):
                leads.append(lead)
                lines.append(Array(line))
            case .failure(let error):
                throw Failure(description: "leads.ndjson: \(error.message)")
            }
        }
        guard case .map(let expressionFile) = try decodeDynamicJSON(try readFile(directory + "/expressions.json"))
        else { throw Failure(description: "expressions.json: expected an object") }
        var expressions: [(String, String)] = []
        for id in ["E1", "E2", "E3", "E4", "E5", "E6", "E7"] {
            guard case .string(let source)? = expressionFile[id] else {
                throw Failure(description: "expressions.json: missing \(id)")
            }
            expressions.append((id, source))
        }
        var rules: [(Int64, String)] = []
        if case .list(let entries)? = expressionFile["rules"] {
            for entry in entries {
                guard case .list(let pair) = entry, pair.count == 2, case .int(let points) = pair[0],
                    case .string(let condition) = pair[1]
                else { throw Failure(description: "expressions.json: a rule is not [points, condition]") }
                rules.append((points, condition))
            }
        }
        guard case .map(let referenceFile) = try decodeDynamicJSON(try readFile(directory + "/reference.json"))
        else { throw Failure(description: "reference.json: expected an object") }
        var reference: [String: [Value]] = [:]
        for (id, value) in referenceFile.entries {
            guard case .list(let results) = value, results.count == leads.count else {
                throw Failure(description: "reference.json: \(id) does not hold one result per lead")
            }
            reference[id] = results
        }
        return Workload(
            schema: schema, leads: leads, nativeLeads: try leads.map(NativeLead.init(record:)),
            expressions: expressions, rules: rules, reference: reference, leadLines: lines)
    }

    /// Reads the workload's `schema:` through the ruleset loader, so that the
    /// benchmark types leads exactly as a ruleset would.
    private static func loadSchema(_ path: String) throws -> Schema {
        let schemaText = String(decoding: try readFile(path), as: UTF8.self)
        let directory = "/tmp/baton-bench-\(getpid())"
        mkdir(directory, 0o700)
        defer {
            unlink(directory + "/ruleset.yaml")
            rmdir(directory)
        }
        let rulesetText = """
            ruleset: bench
            \(schemaText)
            queues: [{ id: unassigned }]
            routing: { fallback: { queue: unassigned } }

            """
        try writeFile(directory + "/ruleset.yaml", Array(rulesetText.utf8))
        let result = RulesetLoader.load(path: directory)
        guard let ruleset = result.ruleset else {
            let messages = result.diagnostics.map { $0.rendered(color: false) }.joined(separator: "\n")
            throw Failure(description: "schema.yaml does not load:\n\(messages)")
        }
        return ruleset.schema
    }
}

func readFile(_ path: String) throws -> [UInt8] {
    guard let handle = fopen(path, "rb") else { throw Workload.Failure(description: "cannot read \(path)") }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var block = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&block, 1, block.count, handle)
        if count == 0 { break }
        bytes.append(contentsOf: block[0..<count])
    }
    return bytes
}

func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    guard let handle = fopen(path, "wb") else { throw Workload.Failure(description: "cannot write \(path)") }
    defer { fclose(handle) }
    guard fwrite(bytes, 1, bytes.count, handle) == bytes.count else {
        throw Workload.Failure(description: "cannot write \(path)")
    }
}

extension NativeLead {
    /// Copies a typed lead into the plain struct; every field is present in the workload.
    init(record: RecordValue) throws {
        func string(_ name: String) throws -> String {
            guard case .string(let value)? = record[name] else { throw Workload.Failure(description: "lead.\(name)") }
            return value
        }
        guard case .int(let employees)? = record["employees"], case .double(let revenue)? = record["annual_revenue"],
            case .list(let events)? = record["events"]
        else { throw Workload.Failure(description: "lead: employees, annual_revenue or events missing") }
        self.init(
            email: try string("email"), country: try string("country"), state: try string("state"),
            industry: try string("industry"), employees: employees, annualRevenue: revenue,
            leadSource: try string("lead_source"), lifecycleStage: try string("lifecycle_stage"),
            title: try string("title"),
            events: try events.map { event in
                guard case .record(let fields) = event, case .string(let type)? = fields["type"],
                    case .string(let url)? = fields["url"], case .int(let daysAgo)? = fields["days_ago"]
                else { throw Workload.Failure(description: "lead.events: an event is incomplete") }
                return NativeEvent(type: type, url: url, daysAgo: daysAgo)
            })
    }
}
