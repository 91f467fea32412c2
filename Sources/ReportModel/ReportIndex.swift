/// What writing any part of a report needs to know about the whole of it: the words of
/// cross-references, every id, the notes by label.
///
/// Made once per build and handed to every writer: each used to work it out for itself,
/// and on a large report the walks over the whole model, again and again, were a tenth of
/// the build. A writer given none makes its own. It must be made from the report written.
public struct ReportIndex: Sendable {
    /// See `Report.referenceLabels`: for the ids that cross-references without words of
    /// their own point to, the only ones the writers look up.
    public let referenceLabels: [String: String]
    /// See `Report.identifiers`.
    public let identifiers: Set<String>
    /// See `Report.footnotesByLabel`.
    public let footnotes: [String: Footnote]

    public init(_ report: Report) {
        var wordless: Set<String> = []
        report.forEachInline { inline in
            if case .crossReference(let reference) = inline, reference.content.isEmpty { wordless.insert(reference.target) }
        }
        referenceLabels = report.referenceLabels(only: wordless)
        identifiers = report.identifiers
        footnotes = report.footnotesByLabel
    }
}
