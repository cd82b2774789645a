import Testing

@testable import BatonYAML

@Suite struct YAMLReaderTests {
    static let trees: [(String, String)] = [
        (
            "a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~, e: true}\n",
            "{\"a\": 1, \"b\": [\"x\", \"y\", \"z\"], \"c\": {\"d\": null, \"e\": true}}"
        ),
        ("- 1\n- - 2\n  - 3\n- k: v\n", "[1, [2, 3], {\"k\": \"v\"}]"),
        ("plain text", "\"plain text\""),
        ("", "no documents"),
        ("# only a comment\n", "no documents"),
        ("key:\n", "{\"key\": null}"),
        ("a: {'<<': 1}\n", "{\"a\": {\"<<\": 1}}"),
        ("country: NO\nok: yes\nwhen: off\n", "{\"country\": \"NO\", \"ok\": \"yes\", \"when\": \"off\"}"),
        (
            "a: !!str 12\nb: !!int \"12\"\nc: !!float 1\nd: ! 12\n",
            "{\"a\": \"12\", \"b\": 12, \"c\": 1.0d, \"d\": \"12\"}"
        ),
    ]

    @Test(arguments: trees)
    func readsTrees(text: String, expected: String) throws {
        let file = try readYAML(text)
        #expect((file.documents.first.map(dump) ?? "no documents") == expected)
    }

    @Test func readsSeveralDocuments() throws {
        let file = try readYAML("a: 1\n---\n- 2\n...\n--- x\n")
        #expect(file.documents.map(dump) == ["{\"a\": 1}", "[2]", "\"x\""])
    }

    @Test func marksAreUTF8OffsetsAndScalarColumns() throws {
        let text = "é: ü\nb: [x, 日本]\n"
        let file = try readYAML(text)
        guard case .mapping(let pairs) = try #require(root(file)).kind else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs[0].value.start == YAMLMark(offset: 4, line: 1, column: 4))
        #expect(pairs[0].value.end == YAMLMark(offset: 6, line: 1, column: 5))
        #expect(pairs[1].key.start == YAMLMark(offset: 7, line: 2, column: 1))
        guard case .sequence(let items) = pairs[1].value.kind else {
            Issue.record("not a list")
            return
        }
        #expect(items[1].start == YAMLMark(offset: 14, line: 2, column: 8))
        #expect(items[1].end == YAMLMark(offset: 20, line: 2, column: 10))
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[items[1].start.offset..<items[1].end.offset], as: UTF8.self) == "日本")
    }

    @Test func byteOrderMarkAndCarriageReturnsKeepOffsetsInTheFile() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nbé: xy\r\n".utf8)
        let file = try YAMLReader.read(path: "bom.yaml", bytes: bytes)
        guard case .mapping(let pairs) = try #require(root(file)).kind else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs[0].key.start.offset == 3)
        #expect(pairs[1].value.start == YAMLMark(offset: 14, line: 2, column: 5))
    }

    @Test func scalarStartSkipsAnchorAndTag() throws {
        let file = try readYAML("a: &x !!str  foo\nb: &y\n  bar\n")
        guard case .mapping(let pairs) = try #require(root(file)).kind else {
            Issue.record("not a mapping")
            return
        }
        #expect(pairs[0].value.start == YAMLMark(offset: 13, line: 1, column: 14))
        #expect(pairs[1].value.start == YAMLMark(offset: 25, line: 3, column: 3))
    }

    @Test func aliasesCopyTheAnchoredNode() throws {
        let file = try readYAML("base: &b {x: 1, y: [2]}\ncopy: *b\nname: &n hi\nagain: *n\n")
        let tree = try #require(root(file))
        #expect(
            dump(tree)
                == "{\"base\": {\"x\": 1, \"y\": [2]}, \"copy\": {\"x\": 1, \"y\": [2]}, \"name\": \"hi\", \"again\": \"hi\"}"
        )
        guard case .mapping(let pairs) = tree.kind else { return }
        #expect(pairs[1].value == pairs[0].value)
        #expect(pairs[3].value.start.line == 3)
    }

    @Test func mergeKeysAddPairsTheMappingDoesNotSet() throws {
        let text = """
            defaults: &d {weight: 1, cap: 10}
            other: &o {cap: 20, floor: 0}
            rule:
              name: r
              <<: [*d, *o]
              weight: 5

            """
        let file = try readYAML(text)
        #expect(
            dump(try #require(root(file)))
                == "{\"defaults\": {\"weight\": 1, \"cap\": 10}, \"other\": {\"cap\": 20, \"floor\": 0}, \"rule\": {\"name\": \"r\", \"cap\": 10, \"floor\": 0, \"weight\": 5}}"
        )
    }

    static let badInput: [(String, String)] = [
        (
            String(repeating: "k", count: 70) + ": 1\n" + String(repeating: "k", count: 70) + ": 2\n",
            "2:1: duplicate key \"" + String(repeating: "k", count: 57)
                + "...\": first at line 1, again at line 2 [yaml-duplicate-key]"
        ),
        ("a: &k x\n*k : 1\nx: 2\n", "3:1: duplicate key \"x\": first at line 1, again at line 3 [yaml-duplicate-key]"),
        ("a: 1\nb: 2\na: 3\n", "3:1: duplicate key \"a\": first at line 1, again at line 3 [yaml-duplicate-key]"),
        (
            "x:\n  1: a\n  \"k\": b\n  k: c\n",
            "4:3: duplicate key \"k\": first at line 3, again at line 4 [yaml-duplicate-key]"
        ),
        ("{a: 1, a: 2}", "1:8: duplicate key \"a\": first at line 1, again at line 1 [yaml-duplicate-key]"),
        (
            "a: *nope\n",
            "1:4: unknown alias *nope: no complete anchor &nope before it in this document [yaml-unknown-alias]"
        ),
        (
            "a: &r [*r]\n",
            "1:8: unknown alias *r: no complete anchor &r before it in this document [yaml-unknown-alias]"
        ),
        (
            "a: &x 1\n---\nb: *x\n",
            "3:4: unknown alias *x: no complete anchor &x before it in this document [yaml-unknown-alias]"
        ),
        ("? [a, b]\n: c\n", "1:3: a mapping key must be a scalar, got a list [yaml-complex-key]"),
        ("a:\n  <<: 3\n", "2:7: a merge key << takes a mapping or a list of mappings, got a number [yaml-merge]"),
        (
            "a:\n  <<: [{b: 1}, x]\n",
            "2:16: a merge key << takes a mapping or a list of mappings, got a string [yaml-merge]"
        ),
        (
            "n: 9223372036854775808\n",
            "1:4: integer out of range: 9223372036854775808 does not fit in 64 bits [yaml-integer-range]"
        ),
        (
            "n: 0x1FFFFFFFFFFFFFFFF\n",
            "1:4: integer out of range: 0x1FFFFFFFFFFFFFFFF does not fit in 64 bits [yaml-integer-range]"
        ),
        ("n: !!int abc\n", "1:10: \"abc\" is not a valid !!int [yaml-tag]"),
        (
            "n: !custom x\n",
            "1:12: unsupported tag !custom (only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map and ! are allowed where they fit) [yaml-tag]"
        ),
        (
            "n: !!map [1]\n",
            "1:4: unsupported tag !!map (only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map and ! are allowed where they fit) [yaml-tag]"
        ),
        ("a: b: c\n", "1:5: mapping values are not allowed in this context [yaml-syntax]"),
        (
            "a: 1\nb: [1, 2\n",
            "3:1: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 4) [yaml-syntax]"
        ),
        (
            "é: 'ü\n",
            "2:1: found unexpected end of stream (while scanning a quoted scalar at line 1, column 4) [yaml-syntax]"
        ),
        ("a: 1\n b: 2\n", "2:3: mapping values are not allowed in this context [yaml-syntax]"),
        ("a: \u{1}\n", "1:4: control characters are not allowed [yaml-syntax]"),
    ]

    @Test(arguments: badInput)
    func refusesBadInput(text: String, expected: String) {
        #expect(readError(text) == expected)
    }

    static let invalidUTF8: [([UInt8], String)] = [
        ([UInt8]("a: ".utf8) + [0xFF] + [UInt8]("\n".utf8), "1:4: invalid UTF-8 (byte 0xFF) [yaml-invalid-utf8]"),
        ([UInt8]("é\nb: ".utf8) + [0xC3, 0x28], "2:4: invalid UTF-8 (byte 0xC3) [yaml-invalid-utf8]"),
        ([0xED, 0xA0, 0x80], "1:1: invalid UTF-8 (byte 0xED) [yaml-invalid-utf8]"),
    ]

    @Test(arguments: invalidUTF8)
    func refusesInvalidUTF8(bytes: [UInt8], expected: String) {
        #expect(readError(bytes: bytes) == expected)
    }

    @Test func refusesAFileOverTheSizeLimit() {
        let limits = YAMLLimits(maxBytes: 10)
        #expect(
            readError("a: 12345678\n", limits: limits)
                == "1:1: the file is 12 bytes, more than the limit of 10 [yaml-too-large]")
        #expect(readError("a: 1234\n", limits: limits) == "no error")
    }

    @Test func refusesNestingDeeperThanTheLimit() {
        let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(readError(deepest) == "no error")
        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        #expect(readError(tooDeep) == "1:257: lists and mappings nest deeper than 256 levels [yaml-too-deep]")
        let block = (0..<257).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " 1\n"
        #expect(readError(block) == "257:257: lists and mappings nest deeper than 256 levels [yaml-too-deep]")
    }

    @Test func refusesAnAliasThatNestsTooDeep() {
        let anchored = "a: &x " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let nested = "b: " + String(repeating: "[", count: 60) + "*x" + String(repeating: "]", count: 60) + "\n"
        #expect(readError(anchored + nested) == "2:64: lists and mappings nest deeper than 256 levels [yaml-too-deep]")
    }

    @Test func countsAliasExpansionInNodes() {
        let limits = YAMLLimits(maxAliasExpansion: 3)
        #expect(readError("a: &a [1, 2]\nb: *a\n", limits: limits) == "no error")
        #expect(
            readError("a: &a [1, 2]\nb: *a\nc: *a\n", limits: limits)
                == "3:4: aliases expand to more than 3 nodes [yaml-alias-limit]")
    }

    @Test func refusesAnAliasBombFast() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for index in 1..<names.count {
            let previous = names[index - 1]
            let items = Array(repeating: "*\(previous)", count: 9).joined(separator: ", ")
            lines.append("\(names[index]): &\(names[index]) [\(items)]")
        }
        let clock = ContinuousClock()
        var message = ""
        let elapsed = clock.measure { message = readError(lines.joined(separator: "\n") + "\n") }
        #expect(message == "7:8: aliases expand to more than 1000000 nodes [yaml-alias-limit]")
        #expect(elapsed < .seconds(2))
    }
}

@Suite struct YAMLReaderScaleTests {
    @Test func aLongLineOfManyNodesReadsInLinearTime() throws {
        let items = Array(repeating: "é1", count: 100_000).joined(separator: ", ")
        let clock = ContinuousClock()
        var count = 0
        let elapsed = try clock.measure {
            let file = try readYAML("k: [" + items + "]\n")
            guard case .mapping(let pairs) = try #require(file.documents.first).kind,
                case .sequence(let list) = try #require(pairs.first).value.kind
            else { return }
            count = list.count
            #expect(list.last?.start == YAMLMark(offset: 4 + 99_999 * 5, line: 1, column: 5 + 99_999 * 4))
        }
        #expect(count == 100_000)
        #expect(elapsed < .seconds(5))
    }
}
