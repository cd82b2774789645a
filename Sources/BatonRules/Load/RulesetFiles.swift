import Foundation

/// The file system as the loader needs it: what a path is, a file's bytes,
/// the YAML files of a folder, and path arithmetic on `/`-separated paths.
enum RulesetFiles {
    enum Kind { case file, directory, missing }

    struct ReadFailure: Error { var reason: String }

    static func kind(of path: String) -> Kind {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        return isDirectory.boolValue ? .directory : .file
    }

    /// The bytes of a file; a file larger than `limit` is refused before it is read.
    static func read(_ path: String, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        switch kind(of: path) {
        case .missing: return .failure(ReadFailure(reason: "no such file"))
        case .directory: return .failure(ReadFailure(reason: "it is a directory"))
        case .file: break
        }
        // A rule file names its CSV files: a device (`/dev/zero`, `/dev/stdin`)
        // would be read without end, so only regular files are read.
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return .failure(ReadFailure(reason: "it is not a regular file"))
        }
        if status.st_size > limit {
            return .failure(ReadFailure(reason: "it is \(status.st_size) bytes, more than the limit of \(limit)"))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(ReadFailure(reason: "it cannot be read"))
        }
        return .success([UInt8](data))
    }

    /// The `*.yaml` and `*.yml` files directly inside a folder, in byte order
    /// of their names (folders such as `tests/` are not included).
    static func yamlFiles(in directory: String) -> Result<[String], ReadFailure> {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return .failure(ReadFailure(reason: "the folder cannot be read"))
        }
        let yamlNames = names.filter { name in
            (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && kind(of: join(directory, name)) == .file
        }
        return .success(yamlNames.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// The folder part of a path (`""` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path == "/" ? "/" : String(path[..<slash]).isEmpty ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `base/name`, with `./` prefixes of `name` dropped; an absolute `name` stays as is.
    static func join(_ base: String, _ name: String) -> String {
        if name.hasPrefix("/") { return name }
        var relative = Substring(name)
        while relative.hasPrefix("./") { relative = relative.dropFirst(2) }
        if base.isEmpty || base == "." { return String(relative) }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }
}
