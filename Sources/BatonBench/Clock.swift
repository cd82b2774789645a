#if canImport(Glibc)
    import Glibc
#endif

/// Monotonic time in nanoseconds, for timing passes.
enum Clock {
    static func nanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    /// Runs `body` `passes` times and returns the median duration in nanoseconds.
    static func median(passes: Int, _ body: () -> Void) -> Double {
        var samples: [UInt64] = []
        for _ in 0..<passes {
            let start = nanoseconds()
            body()
            samples.append(nanoseconds() - start)
        }
        samples.sort()
        return Double(samples[samples.count / 2])
    }
}
