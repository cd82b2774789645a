import Testing

@testable import BatonYAML

/// The value of key `k` in a one-line document `k: <value>`.
private func valueNode(_ value: String) throws -> YAMLNode {
    let file = try readYAML("k: " + value + "\n")
    let pairs = try #require(file.documents.first).expectMapping(what: "a mapping", in: file.path)
    return try #require(pairs.first).value
}

private func describe(_ error: YAMLDecodingError) -> String {
    "\(error.path):\(error.mark.line):\(error.mark.column): \(error.message) [\(error.code)]"
}

@Suite struct YAMLDecodingTests {
    static let kinds: [(String, String)] = [
        ("text", "a string"), ("'12'", "a string"), ("12", "a number"), ("1.5", "a number"), ("true", "a boolean"),
        ("~", "null"), ("", "null"), ("[1]", "a list"), ("{a: 1}", "a mapping"), ("|\n  x", "a string"),
    ]

    @Test(arguments: kinds)
    func describesKinds(value: String, expected: String) throws {
        #expect(try valueNode(value).describeKind == expected)
    }

    static let shapeErrors: [(String, String, String)] = [
        ("mapping", "rules", "test.yaml:1:4: expected the routing section as a mapping, got a string [wrong-kind]"),
        ("sequence", "text", "test.yaml:1:4: expected a list of rules, got a string [wrong-kind]"),
        ("sequence", "{a: 1}", "test.yaml:1:4: expected a list of rules, got a mapping [wrong-kind]"),
        ("scalar", "[x]", "test.yaml:1:4: expected an expression, got a list [wrong-kind]"),
        ("string", "12", "test.yaml:1:4: expected an owner id, got a number [wrong-kind]"),
        ("string", "~", "test.yaml:1:4: expected an owner id, got null [wrong-kind]"),
        ("int", "\"12\"", "test.yaml:1:4: expected a whole number of points, got a string [wrong-kind]"),
        (
            "int", "2.5",
            "test.yaml:1:4: expected a whole number of points, got 2.5, which is not a whole number [wrong-kind]"
        ),
        (
            "int", "1e30",
            "test.yaml:1:4: expected a whole number of points, got 1e30, which is not a whole number [wrong-kind]"
        ),
        ("number", "yes", "test.yaml:1:4: expected a weight, got a string [wrong-kind]"),
        ("bool", "yes", "test.yaml:1:4: expected true or false, got a string [wrong-kind]"),
        ("bool", "[]", "test.yaml:1:4: expected true or false, got a list [wrong-kind]"),
    ]

    @Test(arguments: shapeErrors)
    func wrongShapesAreErrorsAtTheNode(expectation: String, value: String, expected: String) throws {
        let node = try valueNode(value)
        let path = "test.yaml"
        do {
            switch expectation {
            case "mapping": _ = try node.expectMapping(what: "the routing section as a mapping", in: path)
            case "sequence": _ = try node.expectSequence(what: "a list of rules", in: path)
            case "scalar": _ = try node.expectScalar(what: "an expression", in: path)
            case "string": _ = try node.expectString(what: "an owner id", in: path)
            case "int": _ = try node.expectInt(what: "a whole number of points", in: path)
            case "number": _ = try node.expectNumber(what: "a weight", in: path)
            default: _ = try node.expectBool(what: "true or false", in: path)
            }
            Issue.record("no error for \(value)")
        } catch {
            #expect(describe(error) == expected)
        }
    }

    @Test func rightShapesDecode() throws {
        let path = "test.yaml"
        #expect(try valueNode("{a: 1}").expectMapping(what: "m", in: path).map(\.keyText) == ["a"])
        #expect(try valueNode("[1, 2]").expectSequence(what: "l", in: path).count == 2)
        #expect(try valueNode("10").expectScalar(what: "e", in: path).text == "10")
        #expect(try valueNode("NO").expectString(what: "s", in: path) == "NO")
        #expect(try valueNode("0x10").expectInt(what: "i", in: path) == 16)
        #expect(try valueNode("3.0").expectInt(what: "i", in: path) == 3)
        #expect(try valueNode("7").expectNumber(what: "n", in: path) == 7)
        #expect(try valueNode("-.5").expectNumber(what: "n", in: path) == -0.5)
        #expect(try valueNode("False").expectBool(what: "b", in: path) == false)
    }

    static let suggestions: [(String, [String], String?)] = [
        ("employes", ["employees", "country"], "employees"),
        ("nmae", ["name", "when"], "name"),
        ("Owner", ["owners", "owner"], "owner"),
        ("id", ["ids", "if"], "ids"),
        ("rules", ["routing", "scoring"], nil),
        ("x", ["owner"], nil),
        ("", ["a"], nil),
        ("wehn", ["when", "then"], "when"),
        ("scorng", ["scoring", "routing"], "scoring"),
        (String(repeating: "a", count: 65), [String(repeating: "a", count: 64)], nil),
    ]

    @Test(arguments: suggestions)
    func suggestsTheClosestKey(word: String, candidates: [String], expected: String?) {
        #expect(closestMatch(to: word, among: candidates) == expected)
    }
}
