import ReportModel

/// What writing any part of a report needs to know about the whole of it: the words of
/// cross-references, every id, the notes by label. Made once per report, so that writing
/// a report split into many documents stays linear in its size.
public struct ReportIndex: Sendable {
    let referenceLabels: [String: String]
    let identifiers: Set<String>
    let footnotes: [String: Footnote]

    public init(_ report: Report) {
        referenceLabels = report.referenceLabels
        identifiers = report.identifiers
        footnotes = report.footnotesByLabel
    }
}
