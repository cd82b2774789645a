import BatonLang
import BatonRules

/// The end-of-run summary of `baton batch` on a terminal:
///
/// ```
/// 10,000 leads in 0.41 s (24,390 leads/s), 2 errors
///   grades      A 1,234 (12%)  B 2,345 (23%)  C 3,000 (30%)  D 3,419 (34%)
///   handoff     handoff 1,234  not_ready 8,000  suppressed 764
///   top owners  ben 345  dev 300  emma 299  grace 120  hiro 100
///   top queues  smb-inbound 3,456  nurture 2,000  sdr-inbound 1,000
/// ```
enum BatchSummaryText {
    static func render(_ summary: BatchSummary, seconds: Double, color: Bool) -> String {
        let bold = { (text: String) in color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
        let red = { (text: String) in color ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
        let rate = seconds > 0 ? Int(Double(summary.records) / seconds) : 0
        let errors = counted(summary.errors, "error")
        var text = bold("\(grouped(summary.records)) leads")
        text += " in \(formatDecimal((seconds * 100).rounded() / 100)) s (\(grouped(rate)) leads/s), "
        text += (summary.errors > 0 ? red(errors) : errors) + "\n"
        guard summary.leads > 0 else { return text }

        let gradeNames = summary.gradeOrder + (summary.grades["none"] != nil ? ["none"] : [])
        let grades = gradeNames.map { grade -> String in
            let count = summary.grades[grade] ?? 0
            return "\(grade) \(grouped(count)) (\(percent(count, of: summary.leads)))"
        }
        text += row("grades", grades, bold)
        let statuses: [HandoffStatus] = [.handoff, .notReady, .suppressed]
        text += row("handoff", statuses.map { "\($0.rawValue) \(grouped(summary.handoffs[$0] ?? 0))" }, bold)
        let owners = summary.top(.owner, count: 5)
        if !owners.isEmpty { text += row("top owners", owners.map { "\($0.id) \(grouped($0.leads))" }, bold) }
        let queues = summary.top(.queue, count: 5)
        if !queues.isEmpty { text += row("top queues", queues.map { "\($0.id) \(grouped($0.leads))" }, bold) }
        return text
    }

    /// `1 error`, `1,234 errors`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(grouped(count)) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `12.3%`.
    private static func percent(_ part: Int, of whole: Int) -> String {
        formatDecimal((Double(part) * 1000 / Double(whole)).rounded() / 10) + "%"
    }

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A label padded to one width, then styled, then the items.
    private static func row(_ label: String, _ items: [String], _ style: (String) -> String) -> String {
        "  " + style(label) + String(repeating: " ", count: max(1, 12 - label.count)) + items.joined(separator: "  ")
            + "\n"
    }
}
