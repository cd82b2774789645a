/// Bounds on the values evaluation builds, so that a rule cannot exhaust
/// memory however its operators are combined (README "Limits").
extension Value {
    /// The longest string `+` and `join` build, in UTF-8 bytes: 16 MiB.
    public static let maximumStringBytes = 16 << 20
    /// The longest list `+` builds: 1,000,000 elements.
    public static let maximumListElements = 1_000_000
}
