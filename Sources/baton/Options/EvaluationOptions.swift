import ArgumentParser
import BatonLang

#if canImport(Glibc)
    import Glibc
#endif

/// `--rules PATH` (default: `BATON_RULES`), shared by every command that loads rules.
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "A ruleset file or directory (default: the BATON_RULES environment variable).")
    var rules: String?

    /// The ruleset path, or a usage error when neither the option nor the variable is set.
    func path() throws -> String {
        if let rules { return rules }
        if let fromEnvironment = getenv("BATON_RULES"), fromEnvironment.pointee != 0 {
            return String(cString: fromEnvironment)
        }
        throw ValidationError("no ruleset: pass --rules PATH or set BATON_RULES")
    }
}

/// `--now TIMESTAMP` (RFC 3339; default: the clock, read once and truncated to seconds).
struct NowOption: ParsableArguments {
    @Option(name: .long, help: "The evaluation time, RFC 3339 (default: the clock).")
    var now: String?

    func timestamp() throws -> Timestamp {
        guard let now else { return Self.clock() }
        do {
            return try Timestamp(rfc3339: now)
        } catch {
            throw ValidationError("--now: \(error.description): \"\(now)\"")
        }
    }

    static func clock() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(seconds: Int64(spec.tv_sec))
    }
}

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
