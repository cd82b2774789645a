import Testing

@testable import BatonYAML

@Suite struct YAMLCoreSchemaTests {
    static let plainScalars: [(String, YAMLValue)] = [
        ("", .null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string("nULL")),
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)), ("tRUE", .string("tRUE")),
        ("yes", .string("yes")), ("NO", .string("NO")), ("no", .string("no")), ("on", .string("on")),
        ("off", .string("off")), ("y", .string("y")),
        ("0", .int(0)), ("42", .int(42)), ("-17", .int(-17)), ("+5", .int(5)), ("007", .int(7)),
        ("0o17", .int(15)), ("0x1F", .int(31)), ("0xff", .int(255)), ("0o8", .string("0o8")), ("0x", .string("0x")),
        ("-0x1F", .string("-0x1F")), ("1_000", .string("1_000")), ("0b101", .string("0b101")),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("1.5", .double(1.5)), ("-2.25", .double(-2.25)), (".5", .double(0.5)), ("1.", .double(1)),
        ("+1e3", .double(1000)), ("2E-2", .double(0.02)), ("1.5e+2", .double(150)), ("1e", .string("1e")),
        (".", .string(".")), ("-", .string("-")), ("1.2.3", .string("1.2.3")), ("e3", .string("e3")),
        (".inf", .double(.infinity)), ("-.Inf", .double(-.infinity)), ("+.INF", .double(.infinity)),
        ("inf", .string("inf")), ("2026-11-25", .string("2026-11-25")), ("12:30", .string("12:30")),
        ("lead.employees >= 10", .string("lead.employees >= 10")),
        // Near the words: one byte more, less or other.
        ("nulls", .string("nulls")), ("Nul", .string("Nul")), ("falsey", .string("falsey")),
        ("-.infinity", .string("-.infinity")), ("~~", .string("~~")), ("+.inF", .string("+.inF")),
    ]

    @Test(arguments: plainScalars)
    func resolvesPlainScalars(text: String, expected: YAMLValue) {
        #expect(YAMLScalar(text: text, style: .plain).resolved == expected)
    }

    @Test func resolvesNaN() {
        for text in [".nan", ".NaN", ".NAN"] {
            guard case .double(let value) = YAMLScalar(text: text, style: .plain).resolved else {
                Issue.record("\(text) is not a double")
                continue
            }
            #expect(value.isNaN)
        }
    }

    @Test(arguments: [YAMLScalarStyle.singleQuoted, .doubleQuoted, .literal, .folded])
    func quotedAndBlockScalarsAreStrings(style: YAMLScalarStyle) {
        for text in ["true", "12", "~", ""] {
            #expect(YAMLScalar(text: text, style: style).resolved == .string(text))
        }
    }

    static let taggedScalars: [(String, YAMLValue)] = [
        ("k: !!str 12", .string("12")), ("k: !!str", .string("")), ("k: ! true", .string("true")),
        ("k: !!int '12'", .int(12)), ("k: !!float 3", .double(3)), ("k: !!bool \"false\"", .bool(false)),
        ("k: !!null ''", .null),
    ]

    @Test(arguments: taggedScalars)
    func explicitTagsType(yaml: String, expected: YAMLValue) throws {
        let file = try readYAML(yaml)
        let pairs = try #require(file.documents.first).expectMapping(what: "a mapping", in: file.path)
        #expect(pairs.first?.value.scalar?.resolved == expected)
    }

    @Test func readScalarsKeepStyleAndText() throws {
        let file = try readYAML("a: 'x'\nb: \"y\"\nc: |\n  z\nd: >\n  w\ne: v\n")
        let pairs = try #require(file.documents.first).expectMapping(what: "a mapping", in: file.path)
        #expect(
            pairs.compactMap(\.value.scalar) == [
                YAMLScalar(text: "x", style: .singleQuoted), YAMLScalar(text: "y", style: .doubleQuoted),
                YAMLScalar(text: "z\n", style: .literal), YAMLScalar(text: "w\n", style: .folded),
                YAMLScalar(text: "v", style: .plain),
            ])
    }
}
