import ReportModel
import ReportReaders

/// Reads a report file with the reader its extension calls for.
public enum ReportLoader {
    /// `.json` files are read as the report model (`imprint model`); everything else as
    /// Report Markdown.
    public static func load(_ path: String) throws(DiagnosticError) -> ReadResult {
        if path.lowercased().hasSuffix(".json") {
            return try ReportJSONReader.read(InputFile.read(path), file: path)
        }
        return try ReportMarkdownReader.read(fileAt: path)
    }
}
