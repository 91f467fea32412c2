import ReportModel
import ReportReaders

/// Reads a report file with the reader its extension calls for.
public enum ReportLoader {
    /// `.json` files are read as the report model (`imprint model`); everything else as
    /// Report Markdown.
    public static func load(_ path: String) throws(DiagnosticError) -> ReadResult {
        try load(path, bytes: InputFile.read(path), referencePath: path)
    }

    /// Reads a report from its bytes, already read from `path`; its images are resolved
    /// beside `referencePath`.
    static func load(_ path: String, bytes: [UInt8], referencePath: String) throws(DiagnosticError) -> ReadResult {
        if path.lowercased().hasSuffix(".json") {
            return try ReportJSONReader.read(bytes, file: path, reportPath: referencePath)
        }
        return try ReportMarkdownReader.read(bytes, file: path, reportPath: referencePath)
    }
}
