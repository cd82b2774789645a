import Testing

@testable import BatonYAML

/// The first scalar value of a document: the root scalar, the first item of
/// a root list, or the value of the first key of a root mapping (nested ones
/// followed down).
private func firstValue(_ node: YAMLNode) -> YAMLNode {
    switch node.kind {
    case .scalar: return node
    case .sequence(let items): return items.first.map(firstValue) ?? node
    case .mapping(let pairs): return pairs.first.map { firstValue($0.value) } ?? node
    }
}

/// Renders where a scalar's text was written: runs of characters written at
/// consecutive columns of one line, as `"text"@line:column`, then `end@line:column`.
/// Also checks that every byte of a character maps to the same place.
private func offsetMap(_ yaml: String) throws -> String {
    let file = try readYAML(yaml)
    let node = firstValue(try #require(file.documents.first))
    let text = try #require(node.scalar).text
    let offsets = try #require(node.scalarSourceOffsets(in: file))
    #expect(offsets.count == text.utf8.count + 1)
    var locator = YAMLMarkLocator(bytes: Array(yaml.utf8))
    var runs: [String] = []
    var run = ""
    var runStart: YAMLMark?
    var previous: YAMLMark?
    var byteIndex = 0
    for scalar in text.unicodeScalars {
        let width = String(scalar).utf8.count
        let mark = locator.mark(atOffset: offsets[byteIndex])
        for index in byteIndex..<byteIndex + width {
            #expect(offsets[index] == offsets[byteIndex])
        }
        byteIndex += width
        if let previous, let start = runStart, mark.line == previous.line, mark.column == previous.column + 1 {
            _ = start
        } else {
            if let start = runStart { runs.append("\"\(run)\"@\(start)") }
            run = ""
            runStart = mark
        }
        switch scalar {
        case "\n": run += "\\n"
        case "\t": run += "\\t"
        case "\"": run += "\\\""
        case "\\": run += "\\\\"
        default: run.unicodeScalars.append(scalar)
        }
        previous = mark
    }
    if let start = runStart { runs.append("\"\(run)\"@\(start)") }
    runs.append("end@\(locator.mark(atOffset: offsets[text.utf8.count]))")
    return runs.joined(separator: " ")
}

@Suite struct YAMLSourceOffsetsTests {
    static let cases: [(String, String, String)] = [
        ("plain, one line", "k: lead.é >= 1\n", "\"lead.é >= 1\"@1:4 end@1:15"),
        ("plain, folded", "k: a b\n  c\n\n  d\n", "\"a b \"@1:4 \"c\"@2:3 \"\\n\"@3:1 \"d\"@4:3 end@4:4"),
        ("plain, non-ASCII folded", "k: ü\n  é\n", "\"ü \"@1:4 \"é\"@2:3 end@2:4"),
        ("plain, in a flow list", "[a b, c]\n", "\"a b\"@1:2 end@1:5"),
        ("plain, glued to its anchor", "k: &a:b\n", "\":b\"@1:6 end@1:8"),
        ("plain, after anchor and tag", "k: &x !!str  yes\n", "\"yes\"@1:14 end@1:17"),
        ("single-quoted", "k: 'it''s é\n  next'\n", "\"it'\"@1:5 \"s é \"@1:9 \"next\"@2:3 end@2:7"),
        ("single-quoted, empty lines", "k: ' a\n\n\n  b '\n", "\" a\"@1:5 \"\\n\"@2:1 \"\\n\"@3:1 \"b \"@4:3 end@4:5"),
        (
            "double-quoted, escapes", "k: \"a\\tb\\u00e9\\x41\\\"\\\\ z\"\n",
            "\"a\\t\"@1:5 \"bé\"@1:8 \"A\"@1:15 \"\\\"\"@1:19 \"\\\\\"@1:21 \" z\"@1:23 end@1:25"
        ),
        ("double-quoted, 32-bit escape", "k: \"\\U0001F600!\"\n", "\"😀\"@1:5 \"!\"@1:15 end@1:16"),
        (
            "double-quoted, escaped break and folding", "k: \"ab \\\n   cd\n\n  e  \n  f\"\n",
            "\"ab \"@1:5 \"cd\"@2:4 \"\\n\"@3:1 \"e\"@4:3 \" \"@4:6 \"f\"@5:3 end@5:4"
        ),
        ("double-quoted, CRLF folding", "k: \"x\r\n  y\"\r\n", "\"x \"@1:5 \"y\"@2:3 end@2:4"),
        ("double-quoted, after anchor", "k: &x \"é\"\n", "\"é\"@1:8 end@1:9"),
        ("double-quoted, expression", "when: \"lead.employes >= 1\"\n", "\"lead.employes >= 1\"@1:8 end@1:26"),
        (
            "literal", "k: |\n  one é\n    two\n\n  three\n",
            "\"one é\\n\"@2:3 \"  two\\n\"@3:3 \"\\n\"@4:1 \"three\\n\"@5:3 end@6:1"
        ),
        ("literal, strip", "k: |-\n  a\n  b\n\n", "\"a\\n\"@2:3 \"b\"@3:3 end@3:4"),
        ("literal, CRLF", "k: |\r\n  a\r\n", "\"a\\n\"@2:3 end@3:1"),
        ("literal, comment in header", "k: | # note\n  x\n", "\"x\\n\"@2:3 end@3:1"),
        ("literal, explicit indentation under a parent", "outer:\n  k: |1\n    x\n", "\" x\\n\"@3:4 end@4:1"),
        (
            "folded, keep and explicit indentation", "k: >+2\n   a\n  b\n  c\n\n  d\n\nz: 1\n",
            "\" a\\n\"@2:3 \"b \"@3:3 \"c\"@4:3 \"\\n\"@5:1 \"d\\n\"@6:3 \"\\n\"@7:1 end@8:1"
        ),
        ("folded, non-ASCII", "k: >\n  ça va\n  bien\n", "\"ça va \"@2:3 \"bien\\n\"@3:3 end@4:1"),
        ("folded, in a list", "- >-\n  a\n  b\n- c\n", "\"a \"@2:3 \"b\"@3:3 end@3:4"),
        ("empty quoted", "k: \"\"\n", "end@1:5"),
    ]

    @Test(arguments: cases)
    func mapsEveryTextByteToWhereItWasWritten(name: String, yaml: String, expected: String) throws {
        #expect(try offsetMap(yaml) == expected, "\(name)")
    }

    @Test func returnsNilForCollectionsAndForeignNodes() throws {
        let file = try readYAML("k: [1]\n")
        let root = try #require(file.documents.first)
        #expect(root.scalarSourceOffsets(in: file) == nil)
        let other = try readYAML("a: \"x\"\n")
        let foreign = firstValue(try #require(other.documents.first))
        #expect(foreign.scalarSourceOffsets(in: file) == nil)
    }

    @Test func aliasCopiesMapToTheAnchoredText() throws {
        let file = try readYAML("a: &e \"x > 1\"\nb: *e\n")
        guard case .mapping(let pairs) = try #require(file.documents.first).kind else { return }
        #expect(pairs[1].value.scalarSourceOffsets(in: file) == [7, 8, 9, 10, 11, 12])
    }
}
