import BatonLang

/// A person who can be assigned leads.
public struct Owner: Sendable {
    public var id: String
    public var name: String?
    public var email: String?
    /// `available: false` is a manual switch that makes the owner unavailable.
    public var available: Bool
    public var outOfOffice: [DateRange]
    /// An owner, team or queue id that takes the lead when this owner is unavailable.
    public var backup: String?
    /// Maximum open assignments (needs routing state).
    public var capacity: Int?
    public var location: SourceLocation

    public init(
        id: String, name: String?, email: String?, available: Bool, outOfOffice: [DateRange],
        backup: String?, capacity: Int?, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.available = available
        self.outOfOffice = outOfOffice
        self.backup = backup
        self.capacity = capacity
        self.location = location
    }
}

/// An inclusive range of UTC dates, as days since 1970-01-01.
public struct DateRange: Sendable, Hashable {
    public var fromDay: Int64
    public var toDay: Int64

    public init(fromDay: Int64, toDay: Int64) {
        self.fromDay = fromDay
        self.toDay = toDay
    }

    public func contains(day: Int64) -> Bool { fromDay <= day && day <= toDay }
}

/// How a team picks among its available members.
public enum TeamStrategy: String, Sendable, Hashable, CaseIterable {
    case roundRobin = "round_robin"
    case balanced
    case weighted
    case hash
}

/// A group of owners that shares leads by a strategy.
public struct Team: Sendable {
    public var id: String
    /// Owner ids, in listed order.
    public var members: [String]
    public var strategy: TeamStrategy
    /// For `weighted`: a positive weight per member.
    public var weights: [String: Int]
    /// Takes the lead when no member is available.
    public var backup: String?
    public var location: SourceLocation

    public init(
        id: String, members: [String], strategy: TeamStrategy, weights: [String: Int], backup: String?,
        location: SourceLocation
    ) {
        self.id = id
        self.members = members
        self.strategy = strategy
        self.weights = weights
        self.backup = backup
        self.location = location
    }
}

/// A shared inbox of leads; always available.
public struct Queue: Sendable {
    public var id: String
    public var name: String?
    public var location: SourceLocation

    public init(id: String, name: String?, location: SourceLocation) {
        self.id = id
        self.name = name
        self.location = location
    }
}
