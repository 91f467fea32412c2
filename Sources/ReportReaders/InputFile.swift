#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ReportModel

/// Reads an input file whole, with the system's own words for why it could not.
public enum InputFile {
    /// Reads the file, which must be a regular file (not a device, FIFO or socket) of at
    /// most `limit` bytes. The bound holds for what is read, whatever the file's size said
    /// when it was opened; opening never waits (a FIFO without a writer is refused, not
    /// waited on).
    public static func read(_ path: String, limit: Int = ReportMarkdownReader.maximumSize) throws(DiagnosticError) -> [UInt8] {
        let at = SourceLocation(file: path, line: 1, column: 1)
        let (descriptor, size) = try open(path)
        defer { close(descriptor) }
        if size > limit {
            throw DiagnosticError([
                Diagnostic(.error, .fileUnreadable, "the file is larger than \(limit >> 20) MiB; Imprint reads files up to \(limit >> 20) MiB", at: at)
            ])
        }
        return try readAll(descriptor, limit: limit, expected: size, at: at)
    }

    /// Opens the file for reading, when it is a regular file (not a folder, device, FIFO or
    /// socket), without ever waiting (a FIFO without a writer is refused, not waited on):
    /// its descriptor, which reads block as usual and the caller closes, and its size.
    public static func open(_ path: String) throws(DiagnosticError) -> (descriptor: Int32, size: Int) {
        let at = SourceLocation(file: path, line: 1, column: 1)
        func failure(_ message: String) -> DiagnosticError { DiagnosticError([Diagnostic(.error, .fileUnreadable, message, at: at)]) }
        let descriptor = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { throw failure("cannot read the file: \(String(cString: strerror(errno)))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let problem = failure("cannot read the file: \(String(cString: strerror(errno)))")
            close(descriptor)
            throw problem
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            close(descriptor)
            throw failure("cannot read the file: it is a folder; name a report file")
        default:
            close(descriptor)
            throw failure("cannot read the file: it is not a regular file (a device, FIFO or socket)")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return (descriptor, Int(status.st_size))
    }

    /// Reads standard input to its end (a pipe, a file, a terminal), at most `limit` bytes;
    /// diagnostics name it `name`.
    public static func readStandardInput(as name: String, limit: Int = ReportMarkdownReader.maximumSize) throws(DiagnosticError) -> [UInt8] {
        try readAll(STDIN_FILENO, limit: limit, expected: 0, at: SourceLocation(file: name, line: 1, column: 1))
    }

    private static func readAll(_ descriptor: Int32, limit: Int, expected: Int, at: SourceLocation) throws(DiagnosticError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DiagnosticError([Diagnostic(.error, .fileUnreadable, "cannot read the file: \(String(cString: strerror(errno)))", at: at)])
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
            if bytes.count > limit {
                throw DiagnosticError([
                    Diagnostic(.error, .fileTooLarge, "the file is larger than \(limit >> 20) MiB; Imprint reads files up to \(limit >> 20) MiB", at: at)
                ])
            }
        }
    }
}
