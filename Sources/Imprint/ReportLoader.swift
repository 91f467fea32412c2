import ReportModel
import ReportReaders

/// Reads a report file with the reader its extension calls for.
public enum ReportLoader {
    /// `.json` files are read as the report model (`imprint model`); everything else as
    /// Report Markdown.
    public static func load(_ path: String) throws(DiagnosticError) -> ReadResult {
        if path.lowercased().hasSuffix(".json") {
            let bytes = try readBytes(path)
            return try ReportJSONReader.read(bytes, file: path)
        }
        return try ReportMarkdownReader.read(fileAt: path)
    }

    private static func readBytes(_ path: String) throws(DiagnosticError) -> [UInt8] {
        do {
            return try AtomicFile.read(path)
        } catch {
            throw DiagnosticError([
                Diagnostic(.error, "cannot read the file: \(error)", at: SourceLocation(file: path, line: 1, column: 1))
            ])
        }
    }
}
