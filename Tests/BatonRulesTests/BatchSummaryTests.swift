import BatonLang
import Testing

@testable import BatonRules

/// The tally of a batch: assignees counted the same whether few (compared
/// one by one) or many (indexed by key).
@Suite struct BatchSummaryTests {
    static func decision(kind: AssigneeKind, id: String) -> Decision {
        Decision(
            leadID: nil, rulesetName: "r", rulesetVersion: nil, rulesetDigest: "d",
            evaluatedAt: Timestamp(seconds: 0),
            score: ScoreResult(total: ScorePoints(hundredths: 0), grade: "A", components: [], contributions: []),
            route: RouteResult(assignee: Assignee(kind: kind, id: id), rule: nil, reason: nil, path: []),
            handoff: HandoffResult(status: .notReady, context: []), warnings: [])
    }

    @Test(arguments: [1, 5, 32, 33, 34, 100])
    func assigneesAreTalliedWhateverTheirNumber(distinct: Int) {
        var summary = BatchSummary(gradeOrder: ["A"])
        var expected: [BatchSummary.AssigneeKey: Int] = [:]
        // Lead i goes to assignee i*i mod distinct (uneven counts); owners
        // and queues may share an id and are still told apart.
        for lead in 0..<(distinct * 7) {
            let number = (lead * lead) % distinct
            let kind: AssigneeKind = number % 3 == 0 ? .queue : .owner
            let id = "id-\(number % 2 == 0 ? number : number - 1)"
            summary.add(Self.decision(kind: kind, id: id))
            expected[BatchSummary.AssigneeKey(kind: kind, id: id), default: 0] += 1
        }
        #expect(summary.assignees == expected)
        #expect(summary.leads == distinct * 7)
        let owners = summary.top(.owner, count: 1000)
        let expectedOwners = expected.filter { $0.key.kind == .owner }
            .map { (id: $0.key.id, leads: $0.value) }
            .sorted { $0.leads != $1.leads ? $0.leads > $1.leads : $0.id < $1.id }
        #expect(owners.map(\.id) == expectedOwners.map(\.id))
        #expect(owners.map(\.leads) == expectedOwners.map(\.leads))
    }
}
