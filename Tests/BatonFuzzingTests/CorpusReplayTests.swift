import BatonFuzzing
import Testing

/// Every committed fuzz input (seeds in `Fuzz/Corpus/TARGET`, findings in
/// `Fuzz/Regressions/TARGET`) through the same entry point as the libFuzzer
/// executables, without the sanitizers: the corpora are regression tests.
@Suite struct CorpusReplayTests {
    @Test(arguments: FuzzTarget.allCases)
    func everyCommittedInputHoldsTheInvariants(target: FuzzTarget) throws {
        let paths = target.committedInputs()
        #expect(paths.count >= 5, "the \(target.rawValue) corpus is nearly empty")
        for path in paths {
            let bytes = try #require(FuzzTarget.bytes(at: path), "cannot read \(path)")
            #expect(target.run(bytes) == [], "\(path)")
        }
    }
}
