import ReportModel

/// A report ready to be written: the report with what every writer needs to know of the
/// whole of it (`ReportIndex`), the images it uses and the words of its language (`Words`),
/// made once per build and handed to every writer, so that no writer walks the whole
/// model again for them and none is handed an index of another report.
public struct Manuscript: Sendable {
    public let report: Report
    public let index: ReportIndex
    /// Every image the report uses (figures, inline images, the cover), in the order they
    /// first appear: the editions that show images carry them.
    public let imagePaths: [String]
    /// The images' files by those paths, each read once, when the reader checked it: the
    /// bytes the e-book, the Word edition and the XHTML edition's folder carry (empty
    /// where the report came without files, as in the writers' tests).
    public let images: [String: ImageFile]
    /// The words Imprint writes itself, in the report's language.
    public let words: Words
    /// What each cross-reference without words of its own reads (`Report.referenceLabels`).
    public let referenceLabels: [String: String]

    /// `words`: the report's language's (`words(for:)`) unless a desk gives its own.
    /// The report's text is set in the language's quotation marks (`QuotationMarks`).
    public init(_ report: Report, words: Words? = nil, images: [String: ImageFile] = [:]) {
        let words = words ?? Self.words(for: report.metadata)
        self.words = words
        let report = QuotationMarks(words).applied(to: report)
        self.report = report
        index = ReportIndex(report)
        imagePaths = report.imagePaths
        self.images = images
        referenceLabels = report.referenceLabels(only: index.wordlessTargets, words: words)
    }

    /// The shipped words of a report's language, the yardstick's terms in
    /// `yardstick-language`'s where the report names one.
    public static func words(for metadata: Metadata) -> Words {
        Words(language: metadata.lang).takingTerms(for: metadata) { Words(language: $0) }
    }
}
