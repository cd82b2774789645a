import Testing

@testable import BatonRules

/// `BatchPipeline.loadWorkerRulesets`: one ruleset per worker, loaded at once.
@Suite struct WorkerRulesetsTests {
    static let examplePath = LoaderFixtures.projectDirectory + "/Rules/example"

    struct Refused: Error {}

    @Test(arguments: [1, 2, 3])
    func oneCopyPerWorkerWithTheFirstsDigest(count: Int) throws {
        let first = try BatchPipelineTests.exampleRuleset()
        let rulesets = BatchPipeline.loadWorkerRulesets(path: Self.examplePath, count: count) { first }
        #expect(rulesets.count == count)
        #expect(rulesets.allSatisfy { $0.digest == first.digest })
    }

    /// The point of the copies: no object of one is another's (its strings'
    /// reference counts would pass between the cores). Seen on the digest,
    /// a string long enough to be on the heap.
    @Test func copiesShareNoStorageWithTheFirst() throws {
        let first = try BatchPipelineTests.exampleRuleset()
        let rulesets = BatchPipeline.loadWorkerRulesets(path: Self.examplePath, count: 3) { first }
        let addresses = rulesets.map { ruleset in
            ruleset.digest.utf8.withContiguousStorageIfAvailable { UInt(bitPattern: $0.baseAddress) }
        }
        #expect(addresses.allSatisfy { $0 != nil })
        #expect(Set(addresses).count == 3)
    }

    @Test func copiesThatDoNotLoadAreReplacedByTheFirst() throws {
        let first = try BatchPipelineTests.exampleRuleset()
        let rulesets = BatchPipeline.loadWorkerRulesets(path: Self.examplePath + "/no-such-folder", count: 3) {
            first
        }
        #expect(rulesets.count == 3)
        #expect(rulesets.allSatisfy { $0.digest == first.digest })
    }

    @Test func anErrorLoadingTheFirstIsThrown() {
        #expect(throws: Refused.self) {
            try BatchPipeline.loadWorkerRulesets(path: Self.examplePath, count: 2) { () throws(Refused) in
                throw Refused()
            }
        }
    }
}
