import Testing

@testable import BatonRules

/// The JSON strings the decision writer copies for enum values, instead of
/// escaping their raw values: they must say the same.
@Suite struct DecisionWriterQuotedTests {
    @Test(arguments: AssigneeKind.allCases)
    func assigneeKindIsItsRawValueQuoted(kind: AssigneeKind) {
        #expect(DecisionWriter.quoted(kind).description == "\"\(kind.rawValue)\"")
    }

    @Test(arguments: HandoffStatus.allCases)
    func handoffStatusIsItsRawValueQuoted(status: HandoffStatus) {
        #expect(DecisionWriter.quoted(status).description == "\"\(status.rawValue)\"")
    }
}
