import ReportModel
import SharedWriting
import XMLSupport

/// The product record of the report's digital editions for retailers and libraries: an
/// ONIX 3.0 message (reference tags), one `Product` per edition built with it (the e-book,
/// the PDF, the Word document), made through libxml2. Each product carries its identifier
/// (its ISBN, or Imprint's identifier of the edition), its form, the title, contributors,
/// language, keywords, the series as a collection with its ISSN and part number, the
/// publisher and date, the description, its accessibility as ONIX codes (list 196: what
/// the book has, and its conformance when it meets it), and the other editions as
/// alternative formats.
public struct ONIXWriter: EditionWriter {
    /// The digital editions a product record describes.
    public enum Form: String, Sendable, CaseIterable {
        case epub, pdf, docx

        /// ONIX list 175's code for the file format.
        var formatDetail: String {
            switch self {
            case .epub: "E101"
            case .pdf: "E107"
            case .docx: "E104"
            }
        }
    }

    public struct Options: Sendable {
        /// The editions built with the record, in this order; none describes the e-book and the PDF.
        public var forms: [Form]
        /// Whether the PDF is tagged as PDF/UA-1 (the default standard).
        public var pdfIsUniversallyAccessible: Bool
        /// The moment the record is sent (`SourceDate`).
        public var modified: Int
        /// The desk's style sheets the e-book carries (`AccessibilityClaim`).
        public var deskStyleSheets: [String]

        public init(forms: [Form], pdfIsUniversallyAccessible: Bool, modified: Int, deskStyleSheets: [String] = []) {
            self.forms = forms
            self.pdfIsUniversallyAccessible = pdfIsUniversallyAccessible
            self.modified = modified
            self.deskStyleSheets = deskStyleSheets
        }
    }

    public static let namespace = "http://ns.editeur.org/onix/3.0/reference"

    let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// The record; an error when the report names no publisher, whom ONIX requires (a
    /// retailer takes no product without one).
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        guard Self.nonEmpty(manuscript.report.metadata.publisher?.name) != nil else {
            throw DiagnosticError(
                error: .valueMissing,
                "an ONIX record names the publisher, and the report names none: add 'publisher:' to its front matter or to the desk's imprint.yml")
        }
        let document = make(manuscript)
        document.serialized().withUnsafeBytes(sink)
        return document.diagnostics
    }

    /// The message as a tree.
    func make(_ manuscript: Manuscript) -> XMLDocument {
        let report = manuscript.report
        let metadata = report.metadata
        let document = XMLDocument(rootName: "ONIXMessage", namespace: Self.namespace)
        let message = document.root
        message.setAttribute("release", "3.0")
        let header = message.element("Header")
        header.element("Sender").element("SenderName", text: metadata.publisher?.name ?? "")
        let sent = BuildMoment(seconds: options.modified).iso8601.filter { $0 != "-" && $0 != ":" }
        header.element("SentDateTime", text: sent)
        let forms = options.forms.isEmpty ? [.epub, .pdf] : options.forms
        for form in forms {
            ProductRecord(form: form, manuscript: manuscript, options: options, others: forms.filter { $0 != form })
                .write(into: message.element("Product"))
        }
        return document
    }

    static func nonEmpty(_ text: String?) -> String? {
        text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
    }
}
