/// The ruleset digest (rules.md "The decision"): `sha256:` and the hex
/// SHA-256 of, for every file loaded in byte order of the paths relative to
/// `--rules`, the relative path, a NUL byte, the decimal byte length, a NUL
/// byte and the file's bytes.
enum RulesetDigest {
    static func digest(of files: [(relativePath: String, bytes: [UInt8])]) -> String {
        var hasher = SHA256()
        let ordered = files.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
        for file in ordered {
            hasher.update(file.relativePath.utf8)
            hasher.update(CollectionOfOne(0))
            hasher.update(String(file.bytes.count).utf8)
            hasher.update(CollectionOfOne(0))
            hasher.update(file.bytes)
        }
        return "sha256:" + SHA256.hex(hasher.finish())
    }
}
