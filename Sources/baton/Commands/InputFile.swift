#if canImport(Glibc)
    import Glibc
#endif

/// An input named on the command line, opened for reading: a file, or `-`
/// for stdin. Folders and unreadable files stop the run (exit 2).
struct InputFile {
    let fileDescriptor: Int32
    /// The size in bytes when the input is a regular file (for progress), else nil.
    let size: Int?

    static func open(_ path: String) throws -> InputFile {
        let descriptor: Int32 = path == "-" ? 0 : Glibc.open(path, O_RDONLY)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else {
            if descriptor > 0 { Glibc.close(descriptor) }
            Console.error("error: cannot read \(path)\n")
            throw ExitStatus.cannotStart
        }
        let isRegular = status.st_mode & S_IFMT == S_IFREG
        return InputFile(fileDescriptor: descriptor, size: isRegular ? Int(status.st_size) : nil)
    }

    /// Closes the file (never stdin).
    func close() {
        if fileDescriptor != 0 { Glibc.close(fileDescriptor) }
    }
}
