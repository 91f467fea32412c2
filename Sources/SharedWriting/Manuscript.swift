import ReportModel

/// A report ready to be written: the report with what every writer needs to know of the
/// whole of it (`ReportIndex`) and the images it uses, made once per build and handed to
/// every writer, so that no writer walks the whole model again for them and none is
/// handed an index of another report.
public struct Manuscript: Sendable {
    public let report: Report
    public let index: ReportIndex
    /// Every image the report uses (figures, inline images, the cover), in the order they
    /// first appear: the e-book carries them, the build stamp records them.
    public let imagePaths: [String]

    public init(_ report: Report) {
        self.report = report
        index = ReportIndex(report)
        imagePaths = report.imagePaths
    }
}
