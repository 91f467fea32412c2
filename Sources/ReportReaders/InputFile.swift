#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import ReportModel

/// Reads an input file whole, with the system's own words for why it could not.
public enum InputFile {
    /// Reads the file, refusing one larger than `limit` bytes before reading it.
    public static func read(_ path: String, limit: Int = ReportMarkdownReader.maximumSize) throws(DiagnosticError) -> [UInt8] {
        let at = SourceLocation(file: path, line: 1, column: 1)
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw DiagnosticError([Diagnostic(.error, "cannot read the file: it is a folder; name a report file", at: at)])
        }
        if status.st_size > limit {
            throw DiagnosticError([
                Diagnostic(.error, "the file is \(Int(status.st_size) >> 20) MiB; Imprint reads files up to \(limit >> 20) MiB", at: at)
            ])
        }
        guard let file = fopen(path, "rb") else {
            throw DiagnosticError([Diagnostic(.error, "cannot read the file: \(String(cString: strerror(errno)))", at: at)])
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        if status.st_size > 0 { bytes.reserveCapacity(Int(status.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<count])
            if count < buffer.count {
                if ferror(file) != 0 {
                    throw DiagnosticError([Diagnostic(.error, "cannot read the file: \(String(cString: strerror(errno)))", at: at)])
                }
                return bytes
            }
        }
    }
}
