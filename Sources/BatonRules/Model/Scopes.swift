import BatonLang

/// The compile environments of a ruleset, one per set of names in scope
/// (language.md "Names in scope"). Each is a prefix-free, independent
/// environment; the engine keeps one `Activation` per scope.
public struct RuleScopes: Sendable {
    /// `accounts.match`: `lead`, `tables`, `now`.
    public var accountMatch: Environment
    /// Scoring rules and their reasons: `lead`, `account`, `tables`, `now`.
    public var scoring: Environment
    /// Per-event scoring rules: the scoring names plus `event`.
    public var event: Environment
    /// Routing, suppression, handoff, context, next steps: the scoring names plus `score`.
    public var decision: Environment

    public init(accountMatch: Environment, scoring: Environment, event: Environment, decision: Environment) {
        self.accountMatch = accountMatch
        self.scoring = scoring
        self.event = event
        self.decision = decision
    }
}
