import BatonLang

/// Hears of a batch as it goes, in input order, from the thread that runs it:
/// the bad records of each chunk once it is evaluated, then progress once
/// its lines are written.
package protocol BatchObserver {
    /// A record starting on input `line` was bad input; its error object is in the output.
    mutating func badRecord(line: Int, error: LeadInputError)
    /// A chunk was written: the tally so far and the input bytes consumed.
    mutating func chunkWritten(summary: BatchSummary, bytesConsumed: Int)
}

/// Hears nothing: for callers that only want the output and the summary.
package struct SilentBatchObserver: BatchObserver {
    package init() {}
    package mutating func badRecord(line: Int, error: LeadInputError) {}
    package mutating func chunkWritten(summary: BatchSummary, bytesConsumed: Int) {}
}
