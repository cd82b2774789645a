import Testing

@testable import BatonLang

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Grammar/baton.ebnf: every example written in it parses without diagnostics.
@Suite struct GrammarTests {
    /// The text of every `(* example: … *)` line of the grammar file.
    static func examples() throws -> [String] {
        // Tests/BatonLangTests/GrammarTests.swift -> the package root.
        var root = #filePath
        for _ in 0..<3 {
            guard let slash = root.lastIndex(of: "/") else { break }
            root = String(root[..<slash])
        }
        let grammar = try readFile(root + "/Grammar/baton.ebnf")
        let prefix = "(* example: "
        let suffix = " *)"
        return grammar.split(separator: "\n", omittingEmptySubsequences: true).compactMap { line in
            let trimmed = line.drop(while: { $0 == " " })
            guard trimmed.hasPrefix(prefix), trimmed.hasSuffix(suffix) else { return nil }
            return String(trimmed.dropFirst(prefix.count).dropLast(suffix.count))
        }
    }

    @Test func theGrammarHasExamplesOfEveryConstruct() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 30)
        let all = examples.joined(separator: "\n")
        let constructs = [
            "?", ":", "||", " or ", "&&", " and ", "not ", "!", "==", "!=", "<", "<=", ">", ">=", " in ", "not in",
            "??", "+", "-", "*", "/", "%", ".", "?.", "[", "{", "(", "0x", "_", "e-", ".5", "30d", "12h", "90m",
            "2w", "ms", "r\"", "'''", "\"\"\"", "\\x", "\\u", "\\U", "//", "true", "null",
        ]
        for construct in constructs {
            #expect(all.contains(construct), "no example uses \(construct)")
        }
    }

    @Test func everyExampleParses() throws {
        for example in try Self.examples() {
            let result = Parser.parse(example)
            #expect(result.diagnostics == [], "\(example)")
            #expect(result.expr != nil, "\(example)")
        }
    }
}

/// The contents of a UTF-8 text file, without Foundation.
private func readFile(_ path: String) throws -> String {
    struct CannotRead: Error { let path: String }
    guard let file = fopen(path, "rb") else { throw CannotRead(path: path) }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes.append(contentsOf: buffer[0..<count])
    }
    return String(decoding: bytes, as: UTF8.self)
}
