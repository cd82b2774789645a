/// Why a lead (or any record read by ``TypedJSONDecoder``) is bad input:
/// the field path and the full message, as the decision's error object
/// carries them.
///
/// `path` is `lead.employees`, `message` is
/// `lead.employees: expected int, got string "many"`.
public struct LeadInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The stable code of the decision's error object.
    public static let code = "bad-input"

    /// Where: `lead`, `lead.employees`, `lead.events[3].at`, `lead.attributes["utm source"]`.
    public let path: String
    /// The full message, starting with the path.
    public let message: String
    /// The lead's `id` when it could be read as a string, for the error
    /// object's `lead_id`.
    public let leadID: String?

    /// An error at `path`; `message` is the full text, path included.
    public init(path: String, message: String, leadID: String? = nil) {
        self.path = path
        self.message = message
        self.leadID = leadID
    }

    public var description: String { message }
}

/// Bounds on one record read from untrusted JSON, each reported as an
/// error at the field path when exceeded.
public struct LeadLimits: Sendable, Hashable {
    /// The longest string, in UTF-8 bytes (keys included).
    public var maxStringBytes: Int
    /// The most elements of a list, or members of a map or object.
    public var maxListElements: Int
    /// The deepest nesting of objects and arrays, the record itself included.
    /// Readers recurse once per level, so values above 256 count as 256.
    public var maxDepth: Int {
        get { storedMaxDepth }
        set { storedMaxDepth = min(max(newValue, 1), 256) }
    }
    private var storedMaxDepth = 64

    /// Limits with the defaults: 1 MiB strings, 100,000 elements, 64 levels.
    public init(maxStringBytes: Int = 1 << 20, maxListElements: Int = 100_000, maxDepth: Int = 64) {
        self.maxStringBytes = maxStringBytes
        self.maxListElements = maxListElements
        self.maxDepth = maxDepth
    }
}
