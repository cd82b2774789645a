import BatonLang
import Foundation
import Testing

@testable import BatonRules

/// Paths of the fixtures beside this file and of the project's example rulesets.
enum LoaderFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path
    static let directory = testsDirectory + "/Fixtures/load"
    static let projectDirectory = URL(fileURLWithPath: testsDirectory).deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func path(_ name: String) -> String { directory + "/" + name }

    static func load(_ name: String) -> RulesetLoadResult { RulesetLoader.load(path: path(name)) }

    /// Diagnostics as `file:line:column: severity: message [code]`, the file
    /// relative to the fixtures folder.
    static func lines(_ result: RulesetLoadResult) -> [String] {
        result.diagnostics.map { line($0) }
    }

    static func line(_ diagnostic: RuleDiagnostic) -> String {
        let message = diagnostic.message.replacingOccurrences(of: directory + "/", with: "")
        return
            "\(relative(diagnostic.file)):\(diagnostic.line):\(diagnostic.column): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.code)]"
    }

    static func relative(_ file: String) -> String {
        file.hasPrefix(directory + "/") ? String(file.dropFirst(directory.count + 1)) : file
    }

    /// Loads YAML text written to a temporary file; diagnostics as `line:column: severity: message [code]`.
    static func loadText(_ yaml: String) throws -> (result: RulesetLoadResult, lines: [String]) {
        let folder = try temporary(["rules.yaml": yaml])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = RulesetLoader.load(path: folder + "/rules.yaml")
        let lines = result.diagnostics.map {
            "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message.replacingOccurrences(of: folder + "/", with: "")) [\($0.code)]"
        }
        return (result, lines)
    }

    /// A ruleset file written for one test, in a fresh temporary folder.
    static func temporary(_ files: [String: String]) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("baton-load-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files {
            let filePath = folder + "/" + name
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: filePath).deletingLastPathComponent().path,
                withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: filePath))
        }
        return folder
    }
}
