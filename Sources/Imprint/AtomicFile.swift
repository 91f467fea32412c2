#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// File I/O on which a failed build can never leave half a file: every output is written
/// to a temporary file beside its destination, then renamed over it in one step.
public enum AtomicFile {
    public struct IOError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Writes every file, or none: all are written to temporary files first; only when all
    /// of them are complete are they renamed into place.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(IOError) {
        var temporaries: [(temporary: String, path: String)] = []
        do {
            for file in files {
                let temporary = try writeTemporary(file.bytes, besides: file.path)
                temporaries.append((temporary, file.path))
            }
        } catch {
            for entry in temporaries { unlink(entry.temporary) }
            throw error
        }
        for (index, entry) in temporaries.enumerated() where rename(entry.temporary, entry.path) != 0 {
            let reason = String(cString: strerror(errno))
            for rest in temporaries[index...] { unlink(rest.temporary) }
            throw IOError(description: "cannot write \(entry.path): \(reason)")
        }
    }

    /// Creates `path` and its parents, like `mkdir -p`.
    public static func createDirectory(_ path: String) throws(IOError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw IOError(description: "cannot create the folder \(current): \(String(cString: strerror(errno)))")
            }
        }
    }

    private static func writeTemporary(_ bytes: [UInt8], besides path: String) throws(IOError) -> String {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw IOError(description: "cannot write in \(directory): \(String(cString: strerror(errno)))")
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw IOError(description: "cannot write \(path): \(reason)")
            }
            written += result
        }
        fchmod(descriptor, 0o644)
        guard fsync(descriptor) == 0, close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOError(description: "cannot write \(path): \(reason)")
        }
        return temporary
    }
}
