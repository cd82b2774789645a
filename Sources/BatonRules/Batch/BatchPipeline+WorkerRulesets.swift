extension BatchPipeline {
    /// The rulesets for `init(rulesets:…)` on `count` workers: the one
    /// `loadFirst` returns (the caller loads it, and reports its errors),
    /// then the files at `path` loaded again once for each further worker.
    ///
    /// The copies load on other threads while `loadFirst` runs on this one
    /// (`ParallelWork.map`): each load is a few milliseconds of YAML and
    /// compiling, which a short batch on two cores otherwise waited for
    /// twice. A copy whose digest differs (the files changed meanwhile) or
    /// that does not load is replaced by the first, so that every worker
    /// decides alike. If `loadFirst` throws, the copies are waited for and
    /// dropped.
    package static func loadWorkerRulesets<Failure: Error>(
        path: String, count: Int, loadFirst: () throws(Failure) -> Ruleset
    ) throws(Failure) -> [Ruleset] {
        let loaded = try ParallelWork.map(Array(0..<max(1, min(count, defaultChunkSize)))) {
            index throws(Failure) -> Ruleset? in
            index == 0 ? try loadFirst() : RulesetLoader.load(path: path).ruleset
        }
        let first = loaded[0]!
        return [first]
            + loaded.dropFirst().map { copy in copy.flatMap { $0.digest == first.digest ? $0 : nil } ?? first }
    }
}
