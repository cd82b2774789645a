import BatonLang

/// The `scoring:` section: components in declared order, then grades.
public struct Scoring: Sendable {
    public var components: [ScoreComponent]
    /// In declared order: strictly decreasing `min`, the last without one.
    public var grades: [Grade]

    public init(components: [ScoreComponent], grades: [Grade]) {
        self.components = components
        self.grades = grades
    }
}

/// A named part of the score: sums its rules' contributions, then clamps.
public struct ScoreComponent: Sendable {
    public var name: String
    public var min: Double?
    public var max: Double?
    /// Applies to `eventRules` only.
    public var decay: Decay?
    public var rules: [ScoringRule]
    /// Per-event rules: evaluated once per element of `lead.events`, with `event` bound.
    public var eventRules: [ScoringRule]

    public init(
        name: String, min: Double?, max: Double?, decay: Decay?, rules: [ScoringRule], eventRules: [ScoringRule]
    ) {
        self.name = name
        self.min = min
        self.max = max
        self.decay = decay
        self.rules = rules
        self.eventRules = eventRules
    }
}

/// How an event's points fade with its age.
public enum Decay: Sendable, Hashable {
    /// Points × 0.5^(age / halfLife).
    case halfLife(TimeDuration)
    /// Full points when age ≤ window, none outside it.
    case window(TimeDuration)
}

/// `points:`: a number, or an expression of type int or double.
public enum Points: Sendable {
    case constant(Double)
    case expression(RuleExpression)
}

/// One scoring rule (or per-event rule).
public struct ScoringRule: Sendable {
    public var id: String
    /// Nil: the rule always applies.
    public var when: RuleExpression?
    public var points: Points
    public var reason: RuleTemplate?
    /// Event rules only: at most this many matching events count, the most recent ones.
    public var limit: Int?
    public var location: SourceLocation

    public init(
        id: String, when: RuleExpression?, points: Points, reason: RuleTemplate?, limit: Int?, location: SourceLocation
    ) {
        self.id = id
        self.when = when
        self.points = points
        self.reason = reason
        self.limit = limit
        self.location = location
    }
}

/// A grade and the total (in hundredths) it needs; the last grade has no minimum.
public struct Grade: Sendable, Hashable {
    public var grade: String
    public var minimum: ScorePoints?

    public init(grade: String, minimum: ScorePoints?) {
        self.grade = grade
        self.minimum = minimum
    }
}

/// A score amount in exact hundredths (rules.md "Arithmetic of scores").
public struct ScorePoints: Sendable, Hashable, Comparable {
    public var hundredths: Int64

    public init(hundredths: Int64) { self.hundredths = hundredths }

    public static func < (a: ScorePoints, b: ScorePoints) -> Bool { a.hundredths < b.hundredths }
    public static func + (a: ScorePoints, b: ScorePoints) -> ScorePoints {
        ScorePoints(hundredths: a.hundredths &+ b.hundredths)
    }

    /// The value as a double (`45`, `92.5`), as routing and handoff see it.
    public var doubleValue: Double { Double(hundredths) / 100 }
}
