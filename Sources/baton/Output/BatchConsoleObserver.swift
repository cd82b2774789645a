import BatonLang
import BatonRules

#if canImport(Glibc)
    import Glibc
#endif

/// The stderr side of `baton batch`: every bad record's message, and on a
/// terminal a progress bar while the batch runs (leads/s, and the ETA when
/// the input's size is known) and a summary at the end. Piped or
/// redirected, stderr gets the messages only.
struct BatchConsoleObserver: BatchObserver {
    private let inputSize: Int?
    private let onTerminal = Console.stderrIsTerminal
    private let color = Console.useColor(fileDescriptor: 2)
    private let started = Self.monotonicNanoseconds()
    private var lastDrawn: UInt64 = 0
    private var barShown = false

    /// Redraws at most this often: a terminal is slower than the batch.
    private static let redrawInterval: UInt64 = 100_000_000

    init(inputSize: Int?) {
        self.inputSize = inputSize
    }

    mutating func badRecord(line: Int, error: LeadInputError) {
        clearBar()
        Console.badInput(line: line, leadID: error.leadID, message: error.message)
    }

    mutating func chunkWritten(summary: BatchSummary, bytesConsumed: Int) {
        guard onTerminal else { return }
        let now = Self.monotonicNanoseconds()
        guard now - lastDrawn >= Self.redrawInterval else { return }
        lastDrawn = now
        Console.error("\r\u{1B}[2K" + progressLine(summary: summary, bytesConsumed: bytesConsumed, now: now))
        barShown = true
    }

    /// Clears the bar and prints the summary (on a terminal only).
    mutating func finish(_ summary: BatchSummary) {
        guard onTerminal else { return }
        clearBar()
        let seconds = Double(Self.monotonicNanoseconds() - started) / 1e9
        Console.error(BatchSummaryText.render(summary, seconds: seconds, color: color))
    }

    private mutating func clearBar() {
        guard barShown else { return }
        Console.error("\r\u{1B}[2K")
        barShown = false
    }

    private func progressLine(summary: BatchSummary, bytesConsumed: Int, now: UInt64) -> String {
        let seconds = max(Double(now - started) / 1e9, 1e-9)
        let rate = Double(summary.records) / seconds
        var line = ""
        if let inputSize, inputSize > 0 {
            let fraction = min(1, Double(bytesConsumed) / Double(inputSize))
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            line += (color ? "\u{1B}[36m" + bar + "\u{1B}[0m" : bar) + " \(Int(fraction * 100))%  "
            let remaining = fraction > 0 ? seconds * (1 - fraction) / fraction : 0
            line += "\(BatchSummaryText.grouped(summary.records)) leads  \(BatchSummaryText.grouped(Int(rate))) leads/s"
            line += "  ETA \(Self.clock(remaining))"
        } else {
            line += "\(BatchSummaryText.grouped(summary.records)) leads  \(BatchSummaryText.grouped(Int(rate))) leads/s"
        }
        if summary.errors > 0 { line += "  " + BatchSummaryText.counted(summary.errors, "error") }
        return line
    }

    /// `0:07`, `12:30`, `1:02:03`.
    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, rest) = (total / 3600, total / 60 % 60, total % 60)
        let twoDigits = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(rest))" : "\(minutes):\(twoDigits(rest))"
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }
}
