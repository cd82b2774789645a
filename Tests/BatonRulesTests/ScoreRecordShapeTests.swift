import BatonLang
import Testing

@testable import BatonRules

/// The `score.components` map that routing and handoff read: built per lead
/// from the shape's keys, it must hold what a map of the components built
/// entry by entry holds (a later duplicate name replaces the first's points).
@Suite struct ScoreRecordShapeTests {
    @Test(arguments: [
        [String](),
        ["fit"],
        ["fit", "engagement"],
        ["fit", "engagement", "fit"],
        ["é", "naïve", ""],
    ])
    func componentsMapAgreesWithEntries(names: [String]) throws {
        let shape = ScoreRecordShape(schema: EngineFixture().schema, components: names)
        let components = names.enumerated().map { index, name in
            ComponentScore(name: name, points: ScorePoints(hundredths: Int64(index * 150 - 100)))
        }
        let score = shape.value(total: ScorePoints(hundredths: 0), grade: nil, components: components)
        guard case .record(let record) = score, case .map(let map)? = record["components"] else {
            Issue.record("no components map")
            return
        }
        let expected = MapValue(components.map { ($0.name, Value.double($0.points.doubleValue)) })
        #expect(map.keys == expected.keys)
        for key in expected.keys + ["missing"] {
            switch (map[key], expected[key]) {
            case (nil, nil): break
            case (.double(let a)?, .double(let b)?): #expect(a == b, "key \(key)")
            default:
                Issue.record("key \(key): \(String(describing: map[key])) is not \(String(describing: expected[key]))")
            }
        }
    }
}
