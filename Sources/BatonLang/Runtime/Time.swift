/// A point in time, UTC: seconds since 1970-01-01T00:00:00Z and nanoseconds.
public struct Timestamp: Sendable, Hashable, Comparable {
    public var seconds: Int64
    /// 0 ..< 1_000_000_000.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32 = 0) {
        self.seconds = seconds
        self.nanos = nanos
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        (a.seconds, a.nanos) < (b.seconds, b.nanos)
    }
}

/// A signed length of time in nanoseconds (about ±292 years).
///
/// Named `TimeDuration` so as not to shadow the standard library's `Duration`.
public struct TimeDuration: Sendable, Hashable, Comparable {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    public init(seconds: Int64) { self.nanoseconds = seconds * 1_000_000_000 }

    public static func < (a: TimeDuration, b: TimeDuration) -> Bool { a.nanoseconds < b.nanoseconds }

    public static let nanosecondsPerSecond: Int64 = 1_000_000_000
}
