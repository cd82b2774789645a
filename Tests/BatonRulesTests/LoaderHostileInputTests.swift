import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// Rule files are hand-edited: whatever they hold, the loader answers with
/// diagnostics at positions, never a crash or a hang.
@Suite struct LoaderHostileInputTests {
    static let head = """
        ruleset: hostile
        schema: { lead: { id: string!, employees: int } }
        queues: [{ id: inbox }]
        routing: { fallback: { queue: inbox } }

        """

    @Test func invalidUTF8IsAnErrorAtItsPosition() throws {
        let folder = try LoaderFixtures.temporary([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var bytes = Array((Self.head + "tables:\n  t: [caf").utf8)
        bytes += [0xC3, 0x28] + Array("]\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/rules.yaml"))
        let result = RulesetLoader.load(path: folder)
        #expect(result.ruleset == nil)
        #expect(result.diagnostics.map { "\($0.line):\($0.column) \($0.code)" } == ["6:10 yaml-invalid-utf8"])
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let (result, lines) = try LoaderFixtures.loadText(Self.head + "tables:\n  t: \(deep)\n")
        #expect(result.ruleset == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("[yaml-too-deep]") == true)
    }

    @Test func aliasBombIsRefused() throws {
        var yaml = Self.head + "tables:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            let previous = "*a\(level - 1)"
            yaml += "  a\(level): &a\(level) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]\n"
        }
        let (result, lines) = try LoaderFixtures.loadText(yaml)
        #expect(result.ruleset == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix("[yaml-alias-limit]") == true)
    }

    @Test func aVeryLongExpressionIsAParseErrorNotAHang() throws {
        let long = Array(repeating: "lead.employees", count: 6_000).joined(separator: " + ")
        let (result, lines) = try LoaderFixtures.loadText(
            Self.head
                + "scoring:\n  components:\n    fit:\n      rules:\n        - { id: a, points: \"\(long)\" }\n  grades: [{ grade: A }]\n"
        )
        #expect(result.ruleset == nil)
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("9:65565: error: expression is too long: 101997 bytes") == true)
    }

    @Test func aLargeTableLoadsQuickly() throws {
        let entries = (0..<10_000).map { "  k\($0): v\($0)" }.joined(separator: "\n")
        let start = ContinuousClock.now
        let (result, lines) = try LoaderFixtures.loadText(
            Self.head + "tables:\n big:\n" + entries.replacingOccurrences(of: "  k", with: "   k") + "\n"
                + "accounts: { table: big, match: lead.id }\n")
        #expect(lines == [])
        #expect(result.ruleset?.tables.first?.type == .map(.string))
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    /// Mutated copies of a valid ruleset (bytes dropped, doubled or replaced):
    /// every one loads or fails with diagnostics, and a ruleset exactly when there is no error.
    @Test func mutatedRulesetsNeverCrash() throws {
        let original = Array(
            (Self.head
                + """
                owners: [{ id: ana, backup: inbox, out_of_office: [{ from: 2026-11-20, to: 2026-11-30 }] }]
                teams: [{ id: t, members: [ana], strategy: weighted, weights: { ana: 1 } }]
                tables: { regions: { US: NA }, free: [gmail.com] }
                scoring:
                  components:
                    fit:
                      max: 50
                      rules:
                        - { id: big, when: lead.employees >= 1000, points: 20, reason: "Big {{ lead.employees }}" }
                  grades: [{ grade: A, min: 10 }, { grade: B }]
                handoff:
                  when: score.total >= 5 && tables.regions["US"] == "NA" && "x" in tables.free
                  context: { size: lead.employees }
                  next_steps: [{ say: "Hi {{ lead.id }}" }]
                """).utf8)
        let folder = try LoaderFixtures.temporary([:])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/rules.yaml"
        var generator = SplitMix(seed: 0xBA70)
        let replacements = Array(":{}[]-#&*!|>'\"\n ,?%@`\\".utf8) + [0xFF, 0xC3]
        for _ in 0..<100 {
            var bytes = original
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let index = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes.remove(at: index)
                case 1: bytes.insert(bytes[index], at: index)
                default: bytes[index] = replacements[Int(generator.next() % UInt64(replacements.count))]
                }
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = RulesetLoader.load(path: path)
            let hasError = result.diagnostics.contains { $0.severity == .error }
            #expect((result.ruleset == nil) == hasError)
            for diagnostic in result.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.column >= 1)
                _ = diagnostic.rendered(color: true)
            }
        }
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
