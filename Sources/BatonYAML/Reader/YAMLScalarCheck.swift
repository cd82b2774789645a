/// The reader's checks on tags and on integers too large for Int64.
enum YAMLScalarCheck {
    static func check(_ scalar: YAMLScalar, path: String, at mark: YAMLMark) throws(YAMLError) {
        switch scalar.tag {
        case nil:
            guard scalar.style == .plain else { return }
            if YAMLCoreSchema.resolvePlain(scalar.text) == .integerOutOfRange {
                throw integerOutOfRange(scalar, path: path, at: mark)
            }
        case YAMLTag.nonSpecific, YAMLTag.string:
            return
        case YAMLTag.int, YAMLTag.float, YAMLTag.bool, YAMLTag.null:
            let resolution = YAMLCoreSchema.resolvePlain(scalar.text)
            if resolution == .integerOutOfRange {
                throw integerOutOfRange(scalar, path: path, at: mark)
            }
            let fits: Bool
            switch (scalar.tag, resolution.value) {
            case (YAMLTag.int, .int), (YAMLTag.float, .int), (YAMLTag.float, .double), (YAMLTag.bool, .bool),
                (YAMLTag.null, .null):
                fits = true
            default:
                fits = false
            }
            if !fits {
                throw YAMLError(
                    path: path, mark: mark,
                    message: "\(YAMLMappingContent.display(scalar.text)) is not a valid \(shortTag(scalar.tag ?? ""))",
                    code: "yaml-tag")
            }
        case let tag?:
            throw unsupportedTag(tag, path: path, at: mark)
        }
    }

    static func checkCollectionTag(
        _ tag: String?, expected: String, path: String, at mark: YAMLMark
    ) throws(YAMLError) {
        guard let tag, tag != YAMLTag.nonSpecific, tag != expected else { return }
        throw unsupportedTag(tag, path: path, at: mark)
    }

    private static func unsupportedTag(_ tag: String, path: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            path: path, mark: mark,
            message: "unsupported tag \(shortTag(tag)) "
                + "(only !!str, !!int, !!float, !!bool, !!null, !!seq, !!map and ! are allowed where they fit)",
            code: "yaml-tag")
    }

    private static func integerOutOfRange(_ scalar: YAMLScalar, path: String, at mark: YAMLMark) -> YAMLError {
        YAMLError(
            path: path, mark: mark,
            message: "integer out of range: \(scalar.text) does not fit in 64 bits",
            code: "yaml-integer-range")
    }

    /// `tag:yaml.org,2002:int` as `!!int`.
    static func shortTag(_ tag: String) -> String {
        let prefix = "tag:yaml.org,2002:"
        return tag.hasPrefix(prefix) ? "!!" + tag.dropFirst(prefix.count) : tag
    }
}
