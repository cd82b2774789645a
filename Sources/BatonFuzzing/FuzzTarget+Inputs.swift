#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FuzzTarget {
    /// The committed inputs of this target: seeds in `Fuzz/Corpus/TARGET`
    /// and findings kept as regression inputs in `Fuzz/Regressions/TARGET`,
    /// as sorted paths (hidden files such as `.gitkeep` left out).
    public func committedInputs() -> [String] {
        var paths: [String] = []
        for kind in ["Corpus", "Regressions"] {
            let folder = "\(ExampleRuleset.repositoryRoot)/Fuzz/\(kind)/\(rawValue)"
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if !name.hasPrefix(".") { paths.append(folder + "/" + name) }
            }
        }
        return paths.sorted()
    }

    /// The bytes of a file, or nil when it cannot be read.
    public static func bytes(at path: String) -> [UInt8]? { FileSystem.read(path) }
}
