import Testing

@testable import BatonLang

/// A map made from a shared shape (`MapValue(shape:values:)`, the engine's
/// `score.components`) must read, compare and write as the map of the same
/// entries built key by key.
@Suite struct MapValueTests {
    @Test(arguments: [
        [String](),
        ["fit"],
        ["fit", "intent", "engagement"],
        ["é", "naïve", "日本"],
        ["", "a"],
    ])
    func shapedMapAgreesWithEntries(keys: [String]) {
        let shape = MapValue(keys.map { ($0, Value.null) })
        let values: [Value] = keys.indices.map { $0 % 2 == 0 ? .double(Double($0) + 0.5) : .null }
        let shaped = MapValue(shape: shape, values: values)
        let built = MapValue(Array(zip(keys, values)))
        #expect(shaped.keys == built.keys)
        #expect(shaped.count == built.count)
        for key in keys + ["missing", "FIT"] {
            switch (shaped[key], built[key]) {
            case (nil, nil): break
            case (let a?, let b?): #expect(a.deepEquals(b), "key \(key)")
            default: Issue.record("key \(key): present in one map only")
            }
        }
        #expect(Value.map(shaped).deepEquals(.map(built)))
        #expect(shaped.entries.map(\.key) == built.entries.map(\.key))
    }

    @Test func laterDuplicateReplacesValueButKeepsFirstPosition() {
        let map = MapValue([("b", .int(1)), ("a", .null), ("b", .int(2))])
        #expect(map.keys == ["b", "a"])
        #expect(map.count == 2)
        #expect(map["b"]?.deepEquals(.int(2)) == true)
        #expect(map["a"]?.isNull == true)
        #expect(map["c"] == nil)
    }
}
