import ReportModel
import SharedWriting
import XMLSupport

/// Writes a report as one polyglot XHTML5 document (well-formed XML that HTML parsers read
/// the same way), built as a libxml2 tree: the print edition's input, and the base of the
/// e-book's content documents.
public struct XHTMLWriter: EditionWriter {
    public static let namespace = "http://www.w3.org/1999/xhtml"

    /// A style sheet for `<head>`: embedded, or linked by a relative URL.
    public enum StyleSheet: Sendable, Equatable {
        case embedded(String)
        case linked(String)
    }

    public struct Options: Sendable {
        /// Style sheets for `<head>`, in cascade order (ours first, the user's last).
        public var stylesheets: [StyleSheet]
        /// Put before every relative image path, so that images resolve from where the
        /// XHTML is written (for example `../Samples/` for a report in `Samples/`).
        public var resourcePrefix: String
        /// Put in `<meta name="generator">`.
        public var generator: String
        /// For print: a name is never broken at its own hyphen ("Kim Jong-un"), by a word
        /// joiner (U+2060, which text extraction drops) after the hyphen of a word that
        /// starts with a capital.
        public var keepsNamesWhole: Bool
        /// Images found elsewhere than at `resourcePrefix` + their path (for print, those of
        /// the desk's asset folders), by the path written in the report: their URLs.
        public var resourceURLs: [String: String]
        /// For WeasyPrint, which cannot shape an SVG's text: the risk matrix's labels, when
        /// they need shaping (Arabic, Hebrew, an Indic script), drawn as outlines
        /// (`SVGOutlines`).
        public var outlinesShapedSVGText: Bool

        public init(
            stylesheets: [StyleSheet] = [], resourcePrefix: String = "", generator: String = "Imprint", keepsNamesWhole: Bool = false,
            resourceURLs: [String: String] = [:], outlinesShapedSVGText: Bool = false
        ) {
            self.outlinesShapedSVGText = outlinesShapedSVGText
            self.stylesheets = stylesheets
            self.resourcePrefix = resourcePrefix
            self.generator = generator
            self.keepsNamesWhole = keepsNamesWhole
            self.resourceURLs = resourceURLs
        }
    }

    public var options: Options

    /// The line of an embedded style sheet's `<style>` text that its first line is on:
    /// what an engine's line numbers are counted from.
    public static let embeddedStyleFirstLine = 2

    /// Why a style sheet cannot be embedded in polyglot XHTML, or `nil` when it can: it must
    /// not end the CDATA section (`]]>`) or, for HTML parsers, the `style` element.
    public static func embeddingProblem(in css: String) -> String? {
        if css.contains("]]>") { return "it contains ']]>'" }
        if css.lowercased().contains("</style") { return "it contains '</style'" }
        return nil
    }

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The document handed to `sink` piece by piece, and any warnings from the XML layer.
    /// The entries of the contents, the lead's blocks and the sections are serialised as
    /// they are built, each freed before the next (see `XMLDocument.serialize(_:streaming:to:)`):
    /// the same bytes as `makeDocument(_:)` serialised, without ever holding the whole
    /// tree or its bytes.
    public func write(_ manuscript: Manuscript, to sink: @escaping (UnsafeRawBufferPointer) -> Void) -> [Diagnostic] {
        let report = manuscript.report
        let (document, frame, context) = makeFrame(manuscript)
        var streams: [XMLDocument.Stream] = []
        if let contents = frame.contents {
            streams.append(
                XMLDocument.Stream(into: contents, adding: report.sections) { TableOfContentsWriter.writeEntry($0, words: manuscript.words, into: contents) })
        }
        if let lead = frame.lead {
            streams.append(XMLDocument.Stream(into: lead, adding: report.lead) { context.write($0, into: lead) })
        }
        streams.append(XMLDocument.Stream(into: frame.main, adding: report.sections) { context.write($0, into: frame.main) })
        document.serialize(.polyglotHTML, streaming: streams, to: sink)
        return document.diagnostics
    }

    public func makeDocument(_ report: Report) -> XMLDocument {
        let manuscript = Manuscript(report)
        let report = manuscript.report
        let (document, frame, context) = makeFrame(manuscript)
        if let lead = frame.lead {
            for block in report.lead { context.write(block, into: lead) }
        }
        for section in report.sections {
            if let contents = frame.contents { TableOfContentsWriter.writeEntry(section, words: manuscript.words, into: contents) }
            context.write(section, into: frame.main)
        }
        return document
    }

    /// Where the parts built a piece at a time go: the list of contents and the lead
    /// (none when the report has no sections, or no lead), and `main` for the sections.
    private struct Frame {
        var contents: XMLElement?
        var lead: XMLElement?
        var main: XMLElement
    }

    /// The document without the entries of the contents, the lead's blocks or the
    /// sections; where they go; and the context to write them with.
    private func makeFrame(_ manuscript: Manuscript) -> (document: XMLDocument, frame: Frame, context: XHTMLContext) {
        let report = manuscript.report
        let document = XMLDocument(rootName: "html", namespace: XHTMLWriter.namespace, doctype: "html")
        let html = document.root
        html.setAttribute("lang", report.metadata.lang)
        html.setAttribute("xml:lang", report.metadata.lang)
        if manuscript.words.isRightToLeft { html.setAttribute("dir", "rtl") }
        let description = report.summaryLine(labels: manuscript.referenceLabels)
        HeadWriter(report: report, description: description, options: options).write(into: html.element("head"))
        let body = html.element("body", ["class": "report"])
        let context = XHTMLContext(
            manuscript: manuscript, addressing: OneDocument(resourcePrefix: options.resourcePrefix, resourceURLs: options.resourceURLs))
        context.keepsNamesWhole = options.keepsNamesWhole
        context.outlinesShapedSVGText = options.outlinesShapedSVGText
        TitlePageWriter(report: report, words: manuscript.words, keepsNamesWhole: options.keepsNamesWhole).write(into: body)
        let contents = ContentsPage.isWanted(for: report) ? TableOfContentsWriter.writeList(for: report.sections, heading: manuscript.words[.contents], into: body) : nil
        let main = body.element("main")
        let lead = report.lead.isEmpty ? nil : main.element("div", ["class": "lead"])
        ColophonWriter(metadata: report.metadata, words: manuscript.words).write(into: body)
        return (document, Frame(contents: contents, lead: lead, main: main), context)
    }
}
