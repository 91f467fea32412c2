/// What writing any part of a report needs to know about the whole of it: the targets of
/// cross-references without words, every id, the notes by label.
///
/// Made once per build and handed to every writer, so that no writer walks the whole model
/// again for it. A writer given none makes its own. It must be made from the report
/// written.
public struct ReportIndex: Sendable {
    /// The ids that cross-references without words of their own point to: the only ones
    /// whose labels the writers look up (`Manuscript.referenceLabels`).
    public let wordlessTargets: Set<String>
    /// See `Report.identifiers`.
    public let identifiers: Set<String>
    /// See `Report.footnotesByLabel`.
    public let footnotes: [String: Footnote]
    /// Whether a risk register of the report draws a risk matrix (a risk with both a
    /// likelihood and an impact): the likelihood terms are then explained beside it.
    public let hasRiskMatrix: Bool

    public init(_ report: Report) {
        var wordless: Set<String> = []
        report.forEachInline { inline in
            if case .crossReference(let reference) = inline, reference.content.isEmpty { wordless.insert(reference.target) }
        }
        wordlessTargets = wordless
        identifiers = report.identifiers
        footnotes = report.footnotesByLabel
        var matrix = false
        report.forEachBlock { block in
            if !matrix, case .risks(let risks) = block { matrix = risks.contains { $0.likelihood != nil && $0.impact != nil } }
        }
        hasRiskMatrix = matrix
    }
}
