/// The floor: E1–E7 and the 20-rule pass written by hand in Swift over a
/// typed lead, timed beside the engine so that the gap to it is known.

/// A benchmark lead as a plain Swift struct (every field is present in the workload).
struct NativeLead {
    var email: String
    var country: String
    var state: String
    var industry: String
    var employees: Int64
    var annualRevenue: Double
    var leadSource: String
    var lifecycleStage: String
    var title: String
    var events: [NativeEvent]
}

struct NativeEvent {
    var type: String
    var url: String
    var daysAgo: Int64
}

/// The hand-written expressions, each returning what the engine must return.
enum HandWritten {
    static let industries: Set<String> = ["software", "fintech", "healthcare", "saas", "security"]
    static let countries: Set<String> = ["US", "CA", "GB", "DE"]
    static let states: Set<String> = ["CA", "NY", "TX", "WA", "MA"]

    static func e1(_ lead: NativeLead) -> Bool { lead.employees >= 1000 }

    static func e2(_ lead: NativeLead) -> Bool { industries.contains(lead.industry) }

    static func e3(_ lead: NativeLead) -> Bool {
        lead.employees >= 200 && lead.annualRevenue > 5_000_000 && countries.contains(lead.country)
    }

    static func e4(_ lead: NativeLead) -> Bool {
        TextBytes.lowercasedContains(lead.title, "vp") || TextBytes.lowercasedHasPrefix(lead.title, "head")
    }

    static func e5(_ lead: NativeLead) -> Double {
        Double(lead.employees) / 100 * 2.5 + (lead.annualRevenue > 1_000_000 ? 10 : 0)
    }

    static func e6(_ lead: NativeLead) -> Bool {
        var count = 0
        for event in lead.events where event.type == "page_view" && TextBytes.contains(event.url, "/pricing") {
            count += 1
        }
        return count >= 2
    }

    /// E7 and E7x20 both: the sum of the points of the 20 conditions that hold
    /// (points in workload order), written out as straight-line code.
    static func e7(_ lead: NativeLead, points p: [Int64]) -> Int64 {
        var total: Int64 = 0
        if lead.employees >= 1000 { total += p[0] }
        if lead.employees >= 200 && lead.employees < 1000 { total += p[1] }
        if lead.annualRevenue > 50_000_000 { total += p[2] }
        if lead.annualRevenue > 5_000_000 { total += p[3] }
        if industries.contains(lead.industry) { total += p[4] }
        if countries.contains(lead.country) { total += p[5] }
        if lead.leadSource == "referral" { total += p[6] }
        if lead.leadSource == "event" || lead.leadSource == "partner" { total += p[7] }
        if lead.lifecycleStage == "mql" || lead.lifecycleStage == "sql" { total += p[8] }
        if lead.lifecycleStage == "customer" { total += p[9] }
        if TextBytes.lowercasedContains(lead.title, "vp") { total += p[10] }
        if TextBytes.lowercasedHasPrefix(lead.title, "head") { total += p[11] }
        if TextBytes.contains(lead.title, "Director") { total += p[12] }
        if TextBytes.hasSuffix(lead.email, ".edu") { total += p[13] }
        if TextBytes.hasSuffix(lead.email, "@gmail.com") { total += p[14] }
        if states.contains(lead.state) { total += p[15] }
        if lead.events.contains(where: { $0.type == "form_submit" }) { total += p[16] }
        if e6(lead) { total += p[17] }
        if lead.events.contains(where: { $0.type == "webinar_attended" && $0.daysAgo <= 30 }) { total += p[18] }
        var recent = 0
        for event in lead.events where event.daysAgo <= 7 { recent += 1 }
        if recent >= 5 { total += p[19] }
        return total
    }
}
