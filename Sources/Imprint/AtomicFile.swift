#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File output on which a failed or killed build never leaves half a file, nor a
/// temporary one: every output is first written in full to an anonymous file in its
/// folder (Linux `O_TMPFILE`: it has no name, so a killed process leaves nothing behind);
/// only when all are complete is each given a name and renamed over its destination.
public enum AtomicFile {
    public struct IOError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A file written in full but not yet in place: `commit` puts it there, `discard`
    /// removes it.
    struct Pending: Sendable {
        var descriptor: Int32
        /// The name it has, when the system could not make it anonymous.
        var temporaryName: String?
        var path: String
    }

    /// Writes every file, or none.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(IOError) {
        var pending: [Pending] = []
        for file in files {
            do {
                pending.append(try prepare(file.bytes, at: file.path))
            } catch {
                discard(pending)
                throw error
            }
        }
        try commit(pending)
    }

    /// Puts every prepared file in place, in order, and closes them all, whatever happens.
    static func commit(_ files: [Pending]) throws(IOError) {
        var files = files
        defer { discard(files) }
        for index in files.indices {
            let name = try name(files[index])
            files[index].temporaryName = name
            guard rename(name, files[index].path) == 0 else {
                throw IOError(description: "cannot write \(files[index].path): \(String(cString: strerror(errno)))")
            }
            files[index].temporaryName = nil
        }
    }

    /// Closes prepared files without putting them in place: anonymous ones vanish with
    /// the descriptor, named ones are removed.
    static func discard(_ files: [Pending]) {
        for file in files {
            close(file.descriptor)
            if let name = file.temporaryName { unlink(name) }
        }
    }

    /// Creates `path` and its parents, like `mkdir -p`; returns the folders it created,
    /// outermost first.
    @discardableResult
    public static func createDirectory(_ path: String) throws(IOError) -> [String] {
        var current = path.hasPrefix("/") ? "" : "."
        var created: [String] = []
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                created.append(current)
            } else if errno != EEXIST {
                throw IOError(description: "cannot create the folder \(current): \(String(cString: strerror(errno)))")
            }
        }
        return created
    }

    /// Removes folders `createDirectory` created, innermost first, as long as they are empty.
    static func removeEmptyDirectories(_ created: [String]) {
        for folder in created.reversed() where rmdir(folder) != 0 { return }
    }

    #if os(Linux)
        /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Swift does not import;
        /// the value is the generic one (x86-64, ARM64 and most others).
        private static let oTmpFile: Int32 = 0o20_000_000 | O_DIRECTORY
    #endif

    private static func folder(of path: String) -> String {
        path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
    }

    /// Writes `bytes` in full to a file without a name in the folder of `path`, which must
    /// exist (or, where the system cannot make one, to a named temporary file there).
    static func prepare(_ bytes: [UInt8], at path: String) throws(IOError) -> Pending {
        let file = try create(besides: path)
        do throws(IOError) {
            try bytes.withUnsafeBytes { bytes in Result { () throws(IOError) in try append(bytes, to: file) } }.get()
            try finish(file)
        } catch {
            discard([file])
            throw error
        }
        return file
    }

    /// A new file without a name in the folder of `path` (or, where the system cannot make
    /// one, a named temporary file there), to `append` to and `finish`.
    static func create(besides path: String) throws(IOError) -> Pending {
        let directory = folder(of: path)
        #if os(Linux)
            let anonymous = open(directory, oTmpFile | O_WRONLY, 0o644)
        #else
            let anonymous: Int32 = -1
        #endif
        if anonymous >= 0 { return Pending(descriptor: anonymous, temporaryName: nil, path: path) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw IOError(description: "cannot write in \(directory): \(String(cString: strerror(errno)))")
        }
        return Pending(
            descriptor: descriptor,
            temporaryName: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self), path: path)
    }

    /// Writes all of `bytes` at the end of a file `create` made.
    static func append(_ bytes: UnsafeRawBufferPointer, to file: Pending) throws(IOError) {
        var written = 0
        while written < bytes.count {
            let result = write(file.descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    /// Makes a file `create` made complete on disk, ready for `commit`.
    static func finish(_ file: Pending) throws(IOError) {
        fchmod(file.descriptor, 0o644)
        guard fsync(file.descriptor) == 0 else {
            throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// A name for a finished file: its temporary name, or, for an anonymous one, a new
    /// hidden name linked to it (the moment before the rename is all it is ever visible).
    private static func name(_ file: Pending) throws(IOError) -> String {
        if let name = file.temporaryName { return name }
        let base = file.path.split(separator: "/").last.map(String.init) ?? file.path
        let name = "\(folder(of: file.path))/.\(base).\(getpid()).tmp"
        unlink(name)
        guard linkat(AT_FDCWD, "/proc/self/fd/\(file.descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0 else {
            throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
        return name
    }
}
