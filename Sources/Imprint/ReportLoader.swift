import ReportModel
import ReportReaders

/// Reads a report file with the reader its extension calls for.
public enum ReportLoader {
    /// `.json` files are read as the report model (`imprint model`); everything else as
    /// Report Markdown.
    public static func load(_ path: String, settings: MetadataSettings = .none) throws(DiagnosticError) -> ReadResult {
        try load(path, bytes: InputFile.read(path), referencePath: path, settings: settings)
    }

    /// Reads a report from its bytes, already read from `path`; its images are resolved
    /// beside `referencePath`. `settings` (front-matter values from outside the report)
    /// apply to Report Markdown; a model is built as it is, so overrides are refused.
    static func load(_ path: String, bytes: [UInt8], referencePath: String, settings: MetadataSettings = .none) throws(DiagnosticError) -> ReadResult {
        if path.lowercased().hasSuffix(".json") {
            if let override = settings.overrides.first {
                throw DiagnosticError(
                    error: .overrideOnModel, "-M sets front matter, which a report model has none of: edit the model, or build its Markdown",
                    at: SourceLocation(file: "command line (-M \(override))", line: 1, column: 1))
            }
            return try ReportJSONReader.read(bytes, file: path, reportPath: referencePath, assetFolders: settings.assetFolders)
        }
        return try ReportMarkdownReader.read(bytes, file: path, reportPath: referencePath, settings: settings)
    }
}
