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
        var samples: [Double] = []
        for _ in 0..<passes {
            let start = nanoseconds()
            body()
            samples.append(Double(nanoseconds() - start))
        }
        return middle(of: samples)
    }

    /// Times `first` and `second` alternately, `passes` times each: the
    /// median nanoseconds of each, and the median of the per-pass ratios
    /// `first / second`. Alternated because these machines drift (2× within
    /// minutes): timed one after the other, a ratio compared two moments.
    static func pairedMedians(passes: Int, _ first: () throws -> Void, _ second: () throws -> Void) rethrows -> (
        first: Double, second: Double, ratio: Double
    ) {
        var firstSamples: [Double] = []
        var secondSamples: [Double] = []
        var ratios: [Double] = []
        for _ in 0..<passes {
            let start = nanoseconds()
            try first()
            let middle = nanoseconds()
            try second()
            let end = nanoseconds()
            firstSamples.append(Double(middle - start))
            secondSamples.append(Double(end - middle))
            ratios.append(Double(middle - start) / Double(max(1, end - middle)))
        }
        return (middle(of: firstSamples), middle(of: secondSamples), middle(of: ratios))
    }

    /// The median of `samples`.
    static func middle(of samples: [Double]) -> Double {
        let sorted = samples.sorted()
        return sorted[sorted.count / 2]
    }
}
