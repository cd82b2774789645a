import Foundation
import Testing

/// Every command has `--help` with an example, and the example files it names exist.
@Suite struct HelpTests {
    @Test(arguments: ["", "check", "eval", "explain", "expr", "test", "diff"])
    func helpExamplesNameFilesThatExist(command: String) throws {
        let arguments = (command.isEmpty ? [] : [command]) + ["--help"]
        let result = try BatonProcess.run(arguments)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example"))
        let paths = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == ")" })
            .filter { $0.hasPrefix("Rules/") }
        for path in paths {
            let url = BatonProcess.packageRoot.appendingPathComponent(String(path))
            #expect(FileManager.default.fileExists(atPath: url.path), "\(command) --help names \(path)")
        }
    }
}
