/// Collects a decision's warnings: one per section, rule and code; an event
/// rule's later failures add their event index to the first warning.
struct WarningList {
    private(set) var warnings: [DecisionWarning] = []

    mutating func add(_ section: WarningSection, rule: String?, event: Int? = nil, code: String, message: String) {
        // Warnings of one rule are adjacent in evaluation order, so search back
        // only through the current section.
        var index = warnings.count - 1
        while index >= 0, warnings[index].section == section {
            if warnings[index].rule == rule, warnings[index].code == code {
                if let event {
                    if warnings[index].events == nil { warnings[index].events = [] }
                    if warnings[index].events?.last != event { warnings[index].events?.append(event) }
                }
                return
            }
            index -= 1
        }
        warnings.append(
            DecisionWarning(section: section, rule: rule, events: event.map { [$0] }, code: code, message: message))
    }
}
