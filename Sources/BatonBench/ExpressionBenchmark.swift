import BatonLang

/// Times E1–E7 and the 20-rule pass in the engine and hand-written, checks
/// every engine result against the workload's reference.
struct ExpressionBenchmark {
    struct Figure {
        var id: String
        var engineNanoseconds: Double
        var handwrittenNanoseconds: Double
        /// The median of the per-pass ratios engine / hand-written (the
        /// two timed alternately), not the ratio of the medians.
        var ratio: Double
        var compileMicroseconds: Double
    }

    let workload: Workload
    let passes: Int
    /// When set, only this expression is measured (for profiling).
    var only: String?

    var environment: Environment {
        Environment(schema: workload.schema, variables: [Variable("lead", .record("lead"))])
    }

    func run() throws -> [Figure] {
        var figures: [Figure] = []
        let points = workload.rules.map(\.points)
        for (id, source) in workload.expressions where only == nil || only == id {
            let program = try compile(source, id: id)
            try check(program, id: id)
            let timed = time(program, handwritten: id, points: points)
            figures.append(
                Figure(
                    id: id, engineNanoseconds: timed.engine, handwrittenNanoseconds: timed.handwritten,
                    ratio: timed.ratio, compileMicroseconds: compileTime(source)))
        }
        if only == nil || only == "E7x20" { figures.append(try twentyRules(points: points)) }
        return figures
    }

    private func compile(_ source: String, id: String) throws -> Program {
        let compilation = environment.compile(source)
        guard let program = compilation.program else {
            throw Workload.Failure(description: "\(id) does not compile: \(compilation.diagnostics)")
        }
        return program
    }

    /// Median microseconds to parse, check and compile `source`.
    private func compileTime(_ source: String) -> Double {
        let environment = self.environment
        let repeats = 200
        let nanoseconds = Clock.median(passes: passes) {
            for _ in 0..<repeats { _ = environment.compile(source) }
        }
        return nanoseconds / Double(repeats) / 1000
    }

    /// Median nanoseconds per lead over all leads of `program` and of the
    /// hand-written expression `id`, timed alternately, and their ratio.
    private func time(_ program: Program, handwritten id: String, points: [Int64]) -> (
        engine: Double, handwritten: Double, ratio: Double
    ) {
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        let slot = environment.slot(of: "lead")!
        let leads = workload.leads.map { Value.record($0) }
        var sink = 0
        let timed = Clock.pairedMedians(passes: passes) {
            // Lent in place, not copied (retained) out of the array.
            leads.withUnsafeBufferPointer { leads in
                for lead in leads.baseAddress!..<leads.baseAddress! + leads.count {
                    if case .bool(true) = program.evaluate(activation, bindingValueAt: lead, toSlot: slot) {
                        sink &+= 1
                    }
                }
            }
        } _: {
            handwrittenPass(id: id, points: points)
        }
        blackHole(sink)
        let count = Double(leads.count)
        return (timed.first / count, timed.second / count, timed.ratio)
    }

    private func check(_ program: Program, id: String) throws {
        guard let expected = workload.reference[id] else { return }
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        let slot = environment.slot(of: "lead")!
        for (index, lead) in workload.leads.enumerated() {
            activation.bind(.record(lead), toSlot: slot)
            let got = program.evaluate(activation)
            guard sameResult(got, expected[index]) else {
                throw Workload.Failure(description: "\(id) on lead \(index): got \(got), expected \(expected[index])")
            }
        }
    }

    /// One pass of the hand-written expression `id` over all leads. The
    /// expression is picked once per pass, outside the loop over the leads:
    /// a `switch` on the id per lead added its string comparisons to the floor.
    private func handwrittenPass(id: String, points: [Int64]) {
        let leads = workload.nativeLeads
        let sum: Double =
            switch id {
            case "E1": Self.sum(leads) { HandWritten.e1($0) ? 1 : 0 }
            case "E2": Self.sum(leads) { HandWritten.e2($0) ? 1 : 0 }
            case "E3": Self.sum(leads) { HandWritten.e3($0) ? 1 : 0 }
            case "E4": Self.sum(leads) { HandWritten.e4($0) ? 1 : 0 }
            case "E5": Self.sum(leads) { HandWritten.e5($0) }
            case "E6": Self.sum(leads) { HandWritten.e6($0) ? 1 : 0 }
            default: Self.sum(leads) { Double(HandWritten.e7($0, points: points)) }
            }
        blackHole(sum)
    }

    /// The sum of `evaluate` over `leads`, with `evaluate` inlined in the
    /// loop. Not inlined itself, and given its result to `blackHole`: inlined,
    /// the optimiser moved the loop over the leads out of the timed region.
    @inline(never)
    private static func sum(_ leads: [NativeLead], _ evaluate: (NativeLead) -> Double) -> Double {
        var sum = 0.0
        for lead in leads { sum += evaluate(lead) }
        return sum
    }

    /// E7x20: the 20 conditions compiled separately, evaluated one after
    /// another, points summed here; checked against E7's reference.
    private func twentyRules(points: [Int64]) throws -> Figure {
        let programs = try workload.rules.enumerated().map {
            try compile($0.element.condition, id: "rule \($0.offset + 1)")
        }
        let activation = Activation(environment: environment, now: Timestamp(seconds: 0))
        let slot = environment.slot(of: "lead")!
        let leads = workload.leads.map { Value.record($0) }
        func score(_ lead: UnsafePointer<Value>) -> Int64 {
            activation.withBinding(valueAt: lead, toSlot: slot) {
                var total: Int64 = 0
                for index in programs.indices {
                    if case .bool(true) = programs[index].evaluate(activation) { total += points[index] }
                }
                return total
            }
        }
        if let expected = workload.reference["E7"] {
            try leads.withUnsafeBufferPointer { leads in
                for index in leads.indices {
                    let got = score(leads.baseAddress! + index)
                    guard sameResult(.int(got), expected[index]) else {
                        throw Workload.Failure(
                            description: "E7x20 on lead \(index): got \(got), expected \(expected[index])")
                    }
                }
            }
        }
        var sink: Int64 = 0
        let timed = Clock.pairedMedians(passes: passes) {
            leads.withUnsafeBufferPointer { leads in
                for lead in leads.baseAddress!..<leads.baseAddress! + leads.count { sink &+= score(lead) }
            }
        } _: {
            handwrittenPass(id: "E7", points: points)
        }
        blackHole(sink)
        let compileMicroseconds =
            Clock.median(passes: passes) {
                for rule in workload.rules { _ = environment.compile(rule.condition) }
            } / 1000
        let count = Double(workload.leads.count)
        return Figure(
            id: "E7x20", engineNanoseconds: timed.first / count, handwrittenNanoseconds: timed.second / count,
            ratio: timed.ratio, compileMicroseconds: compileMicroseconds)
    }

    /// Numbers compare by value (the reference writes 12.0 for some ints).
    private func sameResult(_ got: Value, _ expected: Value) -> Bool {
        switch (got, expected) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.double(let a), .double(let b)): return a == b || abs(a - b) <= 1e-9 * max(abs(a), abs(b))
        default: return false
        }
    }
}

/// Keeps a result alive so the optimiser cannot drop the work that made it.
@inline(never)
func blackHole<T>(_ value: T) {
    withExtendedLifetime(value) {}
}
