import BatonLang

#if canImport(Glibc)
    import Glibc
#endif

/// The benchmark executable: `swift run -c release BatonBench --workload DIR [--json] [--passes N]`.
///
/// DIR holds the files `../shared/bench/baton_workload.py DIR` writes.
@main
struct BatonBench {
    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var workloadDirectory: String?
        var json = false
        var passes = 7
        var only: String?
        while !arguments.isEmpty {
            let argument = arguments.removeFirst()
            switch argument {
            case "--workload" where !arguments.isEmpty: workloadDirectory = arguments.removeFirst()
            case "--json": json = true
            case "--only" where !arguments.isEmpty: only = arguments.removeFirst()
            case "--passes" where !arguments.isEmpty: passes = max(5, Int(arguments.removeFirst()) ?? 7)
            default:
                fail("usage: BatonBench --workload DIR [--json] [--passes N (>= 5)] [--only ID]\n  unknown argument: \(argument)")
            }
        }
        guard let workloadDirectory else {
            fail("usage: BatonBench --workload DIR [--json] [--passes N (>= 5)] [--only E1|...|E7x20]")
        }
        do {
            let workload = try Workload.load(directory: workloadDirectory)
            let figures = try ExpressionBenchmark(workload: workload, passes: passes, only: only).run()
            print(json ? BenchReport.json(figures) : BenchReport.table(figures, leads: workload.leads.count, passes: passes))
        } catch {
            fail("BatonBench: \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        let bytes = Array((message + "\n").utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(1)
    }
}
