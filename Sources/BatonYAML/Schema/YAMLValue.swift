/// A scalar typed by the YAML 1.2 core schema.
public enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
}

/// The tags the reader accepts, expanded as libyaml reports them.
enum YAMLTag {
    static let string = "tag:yaml.org,2002:str"
    static let int = "tag:yaml.org,2002:int"
    static let float = "tag:yaml.org,2002:float"
    static let bool = "tag:yaml.org,2002:bool"
    static let null = "tag:yaml.org,2002:null"
    static let sequence = "tag:yaml.org,2002:seq"
    static let mapping = "tag:yaml.org,2002:map"
    /// The non-specific tag `!`: the scalar is a string.
    static let nonSpecific = "!"
}

extension YAMLScalar {
    /// The scalar typed by the YAML 1.2 core schema.
    ///
    /// Plain scalars resolve to null (`null`, `Null`, `NULL`, `~`, empty),
    /// booleans (`true`/`True`/`TRUE`, `false`/…), integers (decimal, `0o17`,
    /// `0x1F`) and floats (`1.5`, `-2e3`, `.inf`, `.nan`); everything else,
    /// `yes`, `NO`, `off` and dates included, is a string. Quoted and block
    /// scalars are strings. An explicit `!!int`, `!!float`, `!!bool` or
    /// `!!null` tag types the text whatever its style (the reader has checked
    /// that it fits); `!!str` and `!` make a string. An integer too large for
    /// Int64 is refused by the reader (`yaml-integer-range`); a scalar made by
    /// hand with one resolves to a string.
    public var resolved: YAMLValue {
        switch tag {
        case nil:
            return style == .plain ? YAMLCoreSchema.resolvePlain(text).value : .string(text)
        case YAMLTag.int, YAMLTag.bool, YAMLTag.null:
            return YAMLCoreSchema.resolvePlain(text).value
        case YAMLTag.float:
            let value = YAMLCoreSchema.resolvePlain(text).value
            if case .int(let integer) = value { return .double(Double(integer)) }
            return value
        default:
            return .string(text)
        }
    }
}
