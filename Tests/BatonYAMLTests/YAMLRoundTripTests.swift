import Testing

@testable import BatonYAML

/// A ruleset-like document with every scalar style, anchors, flow and block
/// collections, comments, CRLF-free non-ASCII text.
let mixedDocument = """
    ruleset: démo   # a comment
    schema:
      employees: int
      country: "string"
    scoring:
      - id: big
        when: lead.employees >= 500 &&
          lead.country in ["FR", 'DE']
        points: &ten 10
      - id: quoted
        when: "lead.name.startsWith(\\"Dr\\") \\
          || lead.title == 'Ünïcode'"
        points: *ten
      - id: block
        when: |
          lead.source == "web"
            && lead.score > 3
        note: >-
          folded text
          on lines

          with a gap
      - {id: flow, when: 'it''s ok', points: -1.5}
    empty:
    tilde: ~

    """

/// Every scalar of a tree, in document order.
func allScalars(_ node: YAMLNode) -> [YAMLNode] {
    switch node.kind {
    case .scalar: return [node]
    case .sequence(let items): return items.flatMap(allScalars)
    case .mapping(let pairs): return pairs.flatMap { allScalars($0.key) + allScalars($0.value) }
    }
}

@Suite struct YAMLRoundTripTests {
    @Test func everyScalarOfAMixedDocumentMapsBackToItsCharacters() throws {
        let file = try readYAML(mixedDocument)
        let source = Array(mixedDocument.utf8)
        let scalars = allScalars(try #require(file.documents.first))
        #expect(scalars.count == 36)
        for node in scalars {
            let scalar = try #require(node.scalar)
            let offsets = try #require(node.scalarSourceOffsets(in: file), "no offsets for \(scalar.text)")
            let text = Array(scalar.text.utf8)
            #expect(offsets.count == text.count + 1)
            for (index, byte) in text.enumerated() where scalar.style == .plain || scalar.style == .literal {
                // Plain and literal text is copied, except folded line breaks.
                if byte != UInt8(ascii: " "), byte != UInt8(ascii: "\n") {
                    #expect(source[offsets[index]] == byte || byte & 0x80 != 0, "\(scalar.text) byte \(index)")
                }
            }
            #expect(offsets.allSatisfy { $0 >= node.start.offset && $0 <= node.end.offset })
        }
    }

    @Test func blockDocumentReadsAsLibyamlSaysAndMapsBack() throws {
        let file = try readYAML(blockDocument)
        let root = try #require(file.documents.first)
        #expect(
            dump(root)
                == "{\"a\": \"  kept\n x\n\n\", \"b\": \"one\n two\n\nthree\", \"c\": \" y\n\", \"d\": \"é \tA é  \", \"e\": \" a\nb \", \"f\": \"\", \"g\": \"plain more  text\nend\"}"
        )
        for node in allScalars(root) {
            #expect(node.scalarSourceOffsets(in: file) != nil, "\(String(describing: node.scalar))")
        }
    }

    @Test func truncatedInputNeverCrashes() {
        let bytes = Array(mixedDocument.utf8)
        var read = 0
        for length in 0...bytes.count {
            let prefix = Array(bytes[0..<length])
            guard let file = try? YAMLReader.read(path: "cut.yaml", bytes: prefix) else { continue }
            read += 1
            for document in file.documents {
                for node in allScalars(document) {
                    #expect(node.scalarSourceOffsets(in: file) != nil, "length \(length): \(node.scalar?.text ?? "")")
                }
            }
        }
        #expect(read > 0)
    }
}

/// A small deterministic generator (SplitMix64), so failures repeat.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

/// Block and quoted scalars with every header and folding case.
let blockDocument = #"""
    a: |+2
        kept
       x

    b: >-
      one
       two

      three
    c: |1
      y
    d: "é \
       \t\x41
      \u00e9  "
    e: '
      a

      b '
    f: >
    g: plain
      more  text

      end

    """#

@Suite struct YAMLMutationTests {
    static let iterations = 300

    @Test(arguments: [mixedDocument, blockDocument])
    func mutatedInputGivesTreesOrErrorsNeverCrashes(document: String) {
        var generator = SeededGenerator(state: 77)
        let original = Array(document.utf8)
        let alphabet = Array("\"'\\|>-+:#&*!{}[], \n\n\n   \t\rxé01".utf8) + [0xFF, 0xC3]
        var failedOffsets = 0
        for _ in 0..<Self.iterations {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                bytes.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)], at: position)
            }
            guard let file = try? YAMLReader.read(path: "mutated.yaml", bytes: bytes) else { continue }
            for document in file.documents {
                for node in allScalars(document) where node.scalarSourceOffsets(in: file) == nil {
                    failedOffsets += 1
                    let from = max(0, node.start.offset - 20)
                    let upTo = min(bytes.count, node.end.offset + 5)
                    let context = String(decoding: bytes[from..<upTo], as: UTF8.self).debugDescription
                    Issue.record("no offsets for \(String(describing: node.scalar)) in \(context)")
                }
            }
        }
        #expect(failedOffsets == 0)
    }
}
