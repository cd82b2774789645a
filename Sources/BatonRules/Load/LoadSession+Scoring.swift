import BatonLang

extension LoadSession {
    /// Reads `scoring:`: components (rules, per-event rules, clamps, decay) and grades.
    mutating func loadScoring(_ node: RuleNode?, scopes: RuleScopes, schema: Schema) -> Scoring {
        guard let node, !node.isNull,
            let fields = fields(node, path: "scoring", allowed: ["components", "grades"], required: ["grades"])
        else { return Scoring(components: [], grades: []) }
        var components: [ScoreComponent] = []
        if let componentsNode = fields["components"], !componentsNode.isNull {
            if case .mapping(let entries) = componentsNode.content {
                for entry in entries {
                    if let component = loadComponent(entry, scopes: scopes, schema: schema) {
                        components.append(component)
                    }
                }
            } else {
                error(
                    RuleDiagnosticCode.wrongType,
                    "scoring.components: expected a mapping of component name to component, got \(componentsNode.described)",
                    at: componentsNode)
            }
        }
        let grades = fields["grades"].map { loadGrades($0) } ?? []
        return Scoring(components: components, grades: grades)
    }

    private mutating func loadComponent(_ entry: RuleEntry, scopes: RuleScopes, schema: Schema) -> ScoreComponent? {
        let path = "scoring.components.\(entry.key)"
        guard let fields = fields(entry.value, path: path, allowed: ["min", "max", "decay", "rules", "events"]) else {
            return nil
        }
        let minimum = fields["min"].flatMap { number($0, path: fields.path("min")) }
        let maximum = fields["max"].flatMap { number($0, path: fields.path("max")) }
        if let minimum, let maximum, minimum > maximum, let maxNode = fields["max"] {
            error(
                RuleDiagnosticCode.invalidValue,
                "\(path): max (\(formatDecimal(maximum))) is below min (\(formatDecimal(minimum)))", at: maxNode)
        }
        let decay = fields["decay"].flatMap { loadDecay($0, path: fields.path("decay")) }
        var rules: [ScoringRule] = []
        if let rulesNode = fields["rules"], let elements = sequence(rulesNode, path: fields.path("rules")) {
            for (index, element) in elements.enumerated() {
                if let rule = loadScoringRule(
                    element, path: "\(path).rules[\(index)]", environment: scopes.scoring, isEvent: false)
                {
                    rules.append(rule)
                }
            }
        }
        var eventRules: [ScoringRule] = []
        if let eventsNode = fields["events"], let elements = sequence(eventsNode, path: fields.path("events")) {
            if !elements.isEmpty, let keyEntry = fields.keys["events"] { checkEventSchema(schema, at: keyEntry) }
            for (index, element) in elements.enumerated() {
                if let rule = loadScoringRule(
                    element, path: "\(path).events[\(index)]", environment: scopes.event, isEvent: true)
                {
                    eventRules.append(rule)
                }
            }
        }
        return ScoreComponent(
            name: entry.key, min: minimum, max: maximum, decay: decay, rules: rules, eventRules: eventRules)
    }

    /// Per-event rules need `lead.events` declared as a list of records with a timestamp `at`.
    private mutating func checkEventSchema(_ schema: Schema, at entry: RuleEntry) {
        guard case .record(let name) = Self.eventType(in: schema), let event = schema[name] else {
            error(
                RuleDiagnosticCode.invalidValue, "per-event rules need 'events: list<RECORD>' declared in schema.lead",
                at: entry.keyNode, file: entry.file)
            return
        }
        guard let slot = event.slot(of: "at"), event.fields[slot].type == .timestamp else {
            error(
                RuleDiagnosticCode.invalidValue,
                "per-event rules need the \(name) record to declare 'at: timestamp' (for decay and limit)",
                at: entry.keyNode, file: entry.file)
            return
        }
    }

    private mutating func loadDecay(_ node: RuleNode, path: String) -> Decay? {
        guard let fields = fields(node, path: path, allowed: ["half_life", "window"]) else { return nil }
        switch (fields["half_life"], fields["window"]) {
        case (let halfLife?, nil):
            return positiveDuration(halfLife, path: fields.path("half_life")).map { .halfLife($0) }
        case (nil, let window?):
            return positiveDuration(window, path: fields.path("window")).map { .window($0) }
        case (_?, let window?):
            error(RuleDiagnosticCode.invalidValue, "\(path): give either half_life or window, not both", at: window)
            return nil
        case (nil, nil):
            error(RuleDiagnosticCode.missingKey, "\(path): missing 'half_life' or 'window'", at: node)
            return nil
        }
    }

    private mutating func positiveDuration(_ node: RuleNode, path: String) -> TimeDuration? {
        guard let text = string(node, path: path) else { return nil }
        let duration: TimeDuration
        do {
            duration = try TimeDuration(parsing: text)
        } catch {
            self.error(
                RuleDiagnosticCode.invalidValue, "\(path): '\(text)' is not a duration; write it as 30d, 12h or 90m",
                at: node)
            return nil
        }
        guard duration.nanoseconds > 0 else {
            error(RuleDiagnosticCode.invalidValue, "\(path): the duration must be positive", at: node)
            return nil
        }
        return duration
    }

    private mutating func loadScoringRule(_ node: RuleNode, path: String, environment: Environment, isEvent: Bool)
        -> ScoringRule?
    {
        let allowed = isEvent ? ["id", "when", "points", "reason", "limit"] : ["id", "when", "points", "reason"]
        guard let fields = fields(node, path: path, allowed: allowed, required: ["id", "points"]) else { return nil }
        let id = fields["id"].flatMap { uniqueId($0, path: fields.path("id"), in: .scoringRules) }
        let when = fields["when"].map {
            expression($0, path: fields.path("when"), in: environment, expecting: .condition)
        }
        let points = fields["points"].flatMap { loadPoints($0, path: fields.path("points"), environment: environment) }
        let reason = fields["reason"].map { template($0, path: fields.path("reason"), in: environment) }
        var limit: Int?
        if let limitNode = fields["limit"], let value = integer(limitNode, path: fields.path("limit")) {
            if value >= 1 {
                limit = value
            } else {
                error(
                    RuleDiagnosticCode.invalidValue, "\(fields.path("limit")): must be at least 1, got \(value)",
                    at: limitNode)
            }
        }
        // A part that did not compile has been reported; the rule is dropped.
        guard let id, let points, when.map({ $0 != nil }) ?? true, reason.map({ $0 != nil }) ?? true,
            fields["limit"] == nil || limit != nil
        else { return nil }
        return ScoringRule(
            id: id, when: when ?? nil, points: points, reason: reason ?? nil, limit: limit,
            location: sourceLocation(of: node))
    }

    /// `points:` is a number, or an expression of type int or double.
    private mutating func loadPoints(_ node: RuleNode, path: String, environment: Environment) -> Points? {
        if let scalar = node.scalar, scalar.tag == nil {
            switch scalar.resolved {
            case .int(let value): return .constant(Double(value))
            case .double(let value) where value.isFinite: return .constant(value)
            default: break
            }
        }
        return expression(node, path: path, in: environment, expecting: .number).map { .expression($0) }
    }

    /// Grades: strictly decreasing `min`, the last without one.
    private mutating func loadGrades(_ node: RuleNode) -> [Grade] {
        guard let elements = sequence(node, path: "scoring.grades") else { return [] }
        if elements.isEmpty {
            error(RuleDiagnosticCode.invalidValue, "scoring.grades: at least one grade is needed", at: node)
            return []
        }
        var grades: [Grade] = []
        var names: Set<String> = []
        var previous: (name: String, minimum: ScorePoints)?
        for (index, element) in elements.enumerated() {
            let path = "scoring.grades[\(index)]"
            let isLast = index == elements.count - 1
            guard let fields = fields(element, path: path, allowed: ["grade", "min"], required: ["grade"]),
                let gradeNode = fields["grade"], let name = identifier(gradeNode, path: fields.path("grade"))
            else { continue }
            if !names.insert(name).inserted {
                error(RuleDiagnosticCode.gradeOrder, "\(path): grade '\(name)' is listed twice", at: gradeNode)
            }
            var minimum: ScorePoints?
            if let minNode = fields["min"] {
                if isLast {
                    error(
                        RuleDiagnosticCode.gradeOrder,
                        "\(path): the last grade ('\(name)') must omit min: it takes every total below the others",
                        at: minNode)
                } else if let value = scorePoints(minNode, path: fields.path("min")) {
                    minimum = value
                    if let previous, value >= previous.minimum {
                        error(
                            RuleDiagnosticCode.gradeOrder,
                            "\(path): grades must have strictly decreasing min: '\(name)' (\(formatDecimal(value.doubleValue))) is not below '\(previous.name)' (\(formatDecimal(previous.minimum.doubleValue)))",
                            at: minNode)
                    }
                    previous = (name, value)
                }
            } else if !isLast {
                error(
                    RuleDiagnosticCode.gradeOrder,
                    "\(path): grade '\(name)' needs a min (only the last grade omits it)", at: element)
            }
            grades.append(Grade(grade: name, minimum: minimum))
        }
        return grades
    }

    /// A number as exact hundredths, from the digits as written.
    private mutating func scorePoints(_ node: RuleNode, path: String) -> ScorePoints? {
        guard let scalar = node.scalar else {
            error(RuleDiagnosticCode.wrongType, "\(path): expected a number, got \(node.described)", at: node)
            return nil
        }
        switch scalar.resolved {
        case .int(let value):
            let (hundredths, overflow) = value.multipliedReportingOverflow(by: 100)
            if !overflow { return ScorePoints(hundredths: hundredths) }
        case .double:
            if let points = ScorePoints(decimalText: scalar.text) { return points }
            error(
                RuleDiagnosticCode.invalidValue, "\(path): \(scalar.text) is not a whole number of hundredths", at: node
            )
            return nil
        default:
            break
        }
        error(RuleDiagnosticCode.wrongType, "\(path): expected a number, got \(node.described)", at: node)
        return nil
    }
}

extension ScorePoints {
    /// Exact hundredths of a decimal written as `[-+]digits[.digits][e[-+]digits]`;
    /// nil when it is not a whole number of hundredths or is out of range.
    init?(decimalText text: String) {
        var scalars = Substring(text).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        var digits: [Int64] = []
        var exponent = 0
        var seenPoint = false
        while let scalar = scalars.first, scalar != "e", scalar != "E" {
            scalars = scalars.dropFirst()
            if scalar == "." {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if ("0"..."9").contains(scalar) {
                digits.append(Int64(scalar.value) - 48)
                if seenPoint { exponent -= 1 }
            } else {
                return nil
            }
        }
        if scalars.first != nil {
            scalars = scalars.dropFirst()
            guard let written = Int(String(Substring(scalars))), abs(written) < 1000 else { return nil }
            exponent += written
        }
        guard !digits.isEmpty else { return nil }
        // value = digits × 10^exponent; hundredths = digits × 10^(exponent + 2).
        var shift = exponent + 2
        while shift < 0 {
            guard digits.last == 0 else { return nil }
            digits.removeLast()
            shift += 1
            if digits.isEmpty { digits = [0] }
        }
        var value: Int64 = 0
        for digit in digits + [Int64](repeating: 0, count: min(shift, 40)) {
            let (scaled, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = scaled.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        self.init(hundredths: negative ? -value : value)
    }
}
