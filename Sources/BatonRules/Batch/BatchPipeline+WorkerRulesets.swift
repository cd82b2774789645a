import Dispatch

extension BatchPipeline {
    /// The rulesets for `init(rulesets:…)` on `count` workers: the one
    /// `loadFirst` returns (the caller loads it, and reports its errors),
    /// then the files at `path` loaded again once for each further worker.
    ///
    /// The copies load on other threads while `loadFirst` runs: each load
    /// is a few milliseconds of YAML and compiling, which a short batch on
    /// two cores otherwise waited for twice. A copy whose digest differs
    /// (the files changed meanwhile) or that does not load is replaced by
    /// the first, so that every worker decides alike. If `loadFirst`
    /// throws, the copies are waited for and dropped.
    package static func loadWorkerRulesets<Failure: Error>(
        path: String, count: Int, loadFirst: () throws(Failure) -> Ruleset
    ) throws(Failure) -> [Ruleset] {
        let copyCount = max(1, min(count, defaultChunkSize)) - 1
        let copies = LoadedCopies(count: copyCount)
        let group = DispatchGroup()
        for index in 0..<copyCount {
            DispatchQueue.global().async(group: group) {
                copies.set(RulesetLoader.load(path: path).ruleset, at: index)
            }
        }
        defer { group.wait() }
        let first = try loadFirst()
        group.wait()
        return [first] + copies.all.map { copy in copy.flatMap { $0.digest == first.digest ? $0 : nil } ?? first }
    }

    /// The copies as their threads finish them; read after they all have.
    private final class LoadedCopies: @unchecked Sendable {
        private var rulesets: [Ruleset?]
        private let lock = DispatchQueue(label: "baton.worker-rulesets")

        init(count: Int) {
            rulesets = Array(repeating: nil, count: count)
        }

        func set(_ ruleset: Ruleset?, at index: Int) {
            lock.sync { rulesets[index] = ruleset }
        }

        var all: [Ruleset?] { lock.sync { rulesets } }
    }
}
