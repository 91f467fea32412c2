import Foundation
import ReportModel

/// Reads a report from the JSON that `imprint model` writes, and checks what the Markdown
/// reader would have checked: ids valid and unique, every cross-reference and footnote
/// reference resolved.
public enum ReportJSONReader {
    public static func read(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> ReadResult {
        let at = SourceLocation(file: file, line: 1, column: 1)
        let report: Report
        do {
            report = try JSONDecoder().decode(Report.self, from: Data(bytes))
        } catch {
            throw DiagnosticError([Diagnostic(.error, "not a report model in JSON: \(describe(error))", at: at)])
        }
        let log = DiagnosticLog()
        var seen: Set<String> = []
        for id in report.identifierList {
            if !Identifiers.isValid(id) { log.error("'\(id)' is not a valid id", at: at) }
            if !seen.insert(id).inserted { log.error("the id '\(id)' is used twice", at: at) }
        }
        let labels = Set(report.footnotes.map(\.label))
        for inline in report.allInlines {
            switch inline {
            case .crossReference(let reference) where !seen.contains(reference.target):
                log.error("the cross-reference '#\(reference.target)' points to nothing in the report", at: at)
            case .footnoteReference(let label) where !labels.contains(label):
                log.error("the footnote reference '[^\(label)]' has no footnote", at: at)
            default: break
            }
        }
        let reachable = report.reachableFootnoteLabels
        for footnote in report.footnotes where !reachable.contains(footnote.label) {
            log.warning("the footnote [^\(footnote.label)] is never referenced, so it appears in no edition", at: at)
        }
        if report.metadata.title.isEmpty { log.error("the report has no title", at: at) }
        guard !log.hasErrors else { throw log.failure() }
        return ReadResult(report: report, warnings: log.diagnostics)
    }

    /// Decoding errors with the path to the value that failed.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "" : "at \(path): ")\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
