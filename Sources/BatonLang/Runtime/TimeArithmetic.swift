/// Timestamp and duration arithmetic with range checks (years 0001–9999, as
/// in CEL; durations within Int64 nanoseconds).
enum TimeArithmetic {
    /// 0001-01-01T00:00:00Z.
    static let minimumSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z.
    static let maximumSeconds: Int64 = 253_402_300_799
    static let nanosecondsPerSecond = TimeDuration.nanosecondsPerSecond

    static func add(_ timestamp: Timestamp, _ duration: TimeDuration) -> Value {
        guard let sum = sum(timestamp, duration) else { return .error(EvalError("timestamp out of range")) }
        return .timestamp(sum)
    }

    /// `timestamp + duration`, or nil when out of range; without a `Value`
    /// for the field tests that compare it in place (`e.at >= now - 7d`).
    @inline(__always)
    static func sum(_ timestamp: Timestamp, _ duration: TimeDuration) -> Timestamp? {
        let wholeSeconds = duration.nanoseconds / nanosecondsPerSecond
        var nanos = Int64(timestamp.nanos) + duration.nanoseconds % nanosecondsPerSecond
        // `now` is set by callers and may be anything: never trap on overflow.
        var (seconds, overflow) = timestamp.seconds.addingReportingOverflow(wholeSeconds)
        guard !overflow, seconds > Int64.min, seconds < Int64.max else { return nil }
        if nanos < 0 {
            nanos += nanosecondsPerSecond
            seconds -= 1
        } else if nanos >= nanosecondsPerSecond {
            nanos -= nanosecondsPerSecond
            seconds += 1
        }
        guard seconds >= minimumSeconds, seconds <= maximumSeconds else { return nil }
        return Timestamp(seconds: seconds, nanos: Int32(nanos))
    }

    static func difference(_ a: Timestamp, _ b: Timestamp) -> Value {
        guard let elapsed = elapsed(from: b, to: a) else { return .error(EvalError("duration out of range")) }
        return .duration(elapsed)
    }

    /// `end - start`, or nil when it overflows a duration; without a `Value`
    /// for the field tests that compare it in place (`now - e.at <= 30d`).
    @inline(__always)
    static func elapsed(from start: Timestamp, to end: Timestamp) -> TimeDuration? {
        let (seconds, overflow) = end.seconds.subtractingReportingOverflow(start.seconds)
        let nanos = Int64(end.nanos) - Int64(start.nanos)
        let (scaled, overflow2) = seconds.multipliedReportingOverflow(by: nanosecondsPerSecond)
        let (total, overflow3) = scaled.addingReportingOverflow(nanos)
        guard !overflow, !overflow2, !overflow3 else { return nil }
        return TimeDuration(nanoseconds: total)
    }

    static func scale(_ duration: TimeDuration, by factor: Double) -> Value {
        let nanoseconds = (Double(duration.nanoseconds) * factor).rounded()
        guard nanoseconds.isFinite, nanoseconds >= -9.223_372_036_854_775e18, nanoseconds <= 9.223_372_036_854_775e18
        else { return .error(EvalError("duration out of range")) }
        return .duration(TimeDuration(nanoseconds: Int64(nanoseconds)))
    }

    /// `now - timestamp` in seconds, as a double.
    static func secondsSince(_ timestamp: Timestamp, now: Timestamp) -> Double {
        (Double(now.seconds) - Double(timestamp.seconds)) + Double(Int64(now.nanos) - Int64(timestamp.nanos)) / 1e9
    }
}
