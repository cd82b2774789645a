import BatonLang

extension ImpactReport {
    /// The report for people: what was compared, how many leads changed in
    /// each way, the grade matrix, routing rules that gained or lost leads,
    /// and examples; columns aligned.
    public func text() -> String {
        var text = "base: \(Self.describe(base))\n"
        text += "new:  \(Self.describe(new))\n"
        text += "\(Self.plural(leads, "lead")) evaluated under both at \(now.rfc3339)"
        if badLeads > 0 { text += "; \(Self.plural(badLeads, "line")) could not be evaluated" }
        text += "\n\n"
        text += changesSection()
        text += "\n" + gradeMatrixSection()
        if hasChanges {
            text += "\n" + routingRulesSection()
            text += "\n" + examplesSection()
        }
        if !badLeadExamples.isEmpty {
            text += "\nCould not be evaluated\n"
            for bad in badLeadExamples {
                text += "  line \(bad.line)" + (bad.leadID.map { " (\($0))" } ?? "") + ": \(bad.message)\n"
            }
            if badLeads > badLeadExamples.count { text += "  … and \(badLeads - badLeadExamples.count) more\n" }
        }
        return text
    }

    static let changeTitles: [ChangeKind: String] = [
        .grade: "grade", .handoff: "handoff status", .assignee: "assignee", .total: "total score",
    ]

    private func changesSection() -> String {
        guard hasChanges else {
            return "No lead changes grade, handoff status, assignee or total score.\n"
        }
        var rows = [["Leads that change", "leads", "share"]]
        for kind in ChangeKind.allCases {
            rows.append([
                "  " + (Self.changeTitles[kind] ?? kind.rawValue), String(count(kind)),
                Self.share(count(kind), of: leads),
            ])
        }
        return Self.table(rows, rightAligned: [1, 2])
    }

    private func gradeMatrixSection() -> String {
        let grades = matrixGrades
        guard !grades.isEmpty, leads > 0 else { return "" }
        var rows = [[""] + grades.map { $0 ?? "none" }]
        for from in grades {
            var row = ["  " + (from ?? "none")]
            for to in grades {
                let leadsMoved = gradeMoves[GradeMove(from: from, to: to)] ?? 0
                row.append(leadsMoved == 0 ? "." : String(leadsMoved))
            }
            rows.append(row)
        }
        return "Grade moves (rows: base, columns: new)\n" + Self.table(rows, rightAligned: Set(1..<(grades.count + 1)))
    }

    private func routingRulesSection() -> String {
        let shifted = shiftedRoutingRules
        guard !shifted.isEmpty else { return "No routing rule gains or loses a lead.\n" }
        var rows = [["Routing rules", "base", "new", "gained", "lost"]]
        for (rule, tally) in shifted {
            rows.append([
                "  " + (rule ?? "(no rule: fallback)"), String(tally.base), String(tally.new),
                tally.gained == 0 ? "0" : "+\(tally.gained)", tally.lost == 0 ? "0" : "-\(tally.lost)",
            ])
        }
        return Self.table(rows, rightAligned: [1, 2, 3, 4])
    }

    private func examplesSection() -> String {
        var rows = [["Examples", ""]]
        for kind in ChangeKind.allCases {
            guard let examples = self.examples[kind], !examples.isEmpty else { continue }
            let shown = examples.map { example in
                "\(example.leadID ?? "line \(example.line)") \(example.base) → \(example.new)"
            }
            rows.append(["  " + (Self.changeTitles[kind] ?? kind.rawValue), shown.joined(separator: "; ")])
        }
        return Self.table(rows, rightAligned: [])
    }

    static func describe(_ identity: RulesetIdentity) -> String {
        var text = identity.name
        if let version = identity.version { text += " \(version)" }
        return text + " (\(identity.digest.prefix(19)))"
    }

    static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? "1 \(noun)" : "\(count) \(noun)s" }

    /// `12.5%`: a share with one decimal (`0%` of nothing).
    static func share(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "0%" }
        let tenths = (part * 1000 + whole / 2) / whole
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(tenths % 10)%"
    }

    /// Rows as columns padded to the widest cell (counted in Unicode scalars),
    /// separated by two spaces; trailing spaces dropped.
    static func table(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        var widths: [Int] = []
        for row in rows {
            for (index, cell) in row.enumerated() {
                let width = cell.unicodeScalars.count
                if index < widths.count { widths[index] = max(widths[index], width) } else { widths.append(width) }
            }
        }
        var text = ""
        for row in rows {
            var line = ""
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.unicodeScalars.count)
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : cell + padding
            }
            while line.hasSuffix(" ") { line.removeLast() }
            text += line + "\n"
        }
        return text
    }
}
