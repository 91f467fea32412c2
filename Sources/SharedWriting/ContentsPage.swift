import ReportModel

/// Whether an edition that lays out pages gives the report a contents page: as the front
/// matter's `toc` says, and by default (`toc: auto`) when the report has enough top-level
/// sections to need one. A short report gets none, rather than a page of three lines.
public enum ContentsPage {
    /// The top-level sections from which `toc: auto` gives a contents page.
    public static let autoSections = 4

    public static func isWanted(for report: Report) -> Bool {
        guard !report.sections.isEmpty else { return false }
        return report.metadata.toc ?? (report.sections.count >= autoSections)
    }
}
