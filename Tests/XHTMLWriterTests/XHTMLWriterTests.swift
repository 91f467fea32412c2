import Foundation
import Testing
import ReportModel
import SharedWriting
import ReportTestSupport
import ReportReaders
import XMLSupport
@testable import XHTMLWriter

@Suite(.needsOutsideTools) struct XHTMLWriterTests {
    private func xhtml(_ name: String, options: XHTMLWriter.Options = .init()) throws -> String {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name)).report
        return String(decoding: XHTMLWriter(options: options).write(report).bytes, as: UTF8.self)
    }

    @Test(arguments: ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"])
    func samplesAreWellFormedAndValidHTML(name: String) throws {
        let text = try xhtml(name, options: .init(stylesheets: [.linked("print.css")]))
        _ = try XMLDocument.parse(Array(text.utf8))
        // Polyglot: the checker reads `.xhtml` with its XML parser and `.html` with its HTML one.
        let paths = ["xhtml", "html"].map { temporaryFile(Array(text.utf8), extension: $0) }
        let messages = try nuCheckerMessages(for: paths)
        #expect(messages.isEmpty, "\(messages)")
    }

    @Test func headCarriesTheMetadata() throws {
        let text = try xhtml("arctic-shipping-outlook.md")
        for expected in [
            ##"<html xmlns="http://www.w3.org/1999/xhtml" lang="en-GB" xml:lang="en-GB">"##,
            "<title>Ice and Iron: Shipping on the Northern Sea Route, 2025–2027</title>",
            ##"<meta name="author" content="Ingrid Solberg"/>"##, ##"<meta name="author" content="김서연 (Kim Seo-yeon)"/>"##,
            ##"<meta name="keywords" content="Arctic, Northern Sea Route, shipping, Севморпуть, 북극항로"/>"##,
            ##"<meta name="dcterms.created" content="2025-03-14"/>"##, ##"<meta name="dcterms.modified" content="2025-04-02"/>"##,
            ##"<meta name="description" content="Traffic on the Northern Sea Route (NSR)"##,
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(text.hasPrefix("<!DOCTYPE html>\n"))
    }

    @Test func bodyIsSemantic() throws {
        let text = try xhtml("arctic-shipping-outlook.md")
        for expected in [
            ##"<header class="title-page">"##, ##"<span class="series-title">Imprint Sample Briefs</span>"##,
            ##"<span class="issn">ISSN 0317-8471</span>"##, ##"<span class="volume-issue">Volume 2, Issue 1</span>"##,
            ##"<section id="judgments" class="level-2 key-judgments">"##, ##"<h2><span class="number">2</span> Key Judgments</h2>"##,
            ##"<a href="#traffic"><span class="number">4</span> Traffic</a>"##,
            ##"<caption><span class="label">Table 1.</span> Illustrative NSR traffic"##,
            ##"<th scope="col" class="align-left">Year</th>"##, ##"<th scope="col" class="align-right">Voyages</th>"##,
            ##"<figure class="figure" id="fig-route">"##, ##"<img src="images/nsr-route.svg" alt="A schematic map"##,
            ##"<figcaption><span class="label">Figure 1.</span> The Northern Sea Route"##,
            ##"<span class="credit">Credit: Schematic drawn for this sample by the Imprint project</span>"##,
            ##"<a class="xref" href="#tbl-traffic">Table\##u{00A0}1</a>"##, ##"<a class="xref" href="#fig-route">Figure\##u{00A0}1</a>"##,
            ##"<a class="xref" href="#risks">Section\##u{00A0}5, Risks</a>"##, ##"<a class="xref" href="#appendix-method">Appendix\##u{00A0}A, Method</a>"##,
            ##"<a class="xref" href="#geography">Section\##u{00A0}3.1, Geography and season</a>"##,
            ##"<span class="footnote" id="fn-season">The navigation season is set"##,
            ##"<ol start="3" style="counter-reset: list-item 2">"##, ##"<li class="task done"><span class="task-box""##,
            ##"<p class="assessment"><span class="likelihood">Likelihood: highly likely (80–90%)</span>"##,
            ##"<table class="risk-register">"##, ##"<figure class="risk-matrix">"##, ##"<aside class="explanation yardstick">"##,
            ##"<aside class="explanation grading-scale">"##, ##"<p class="grade">Grade <strong>B2</strong>"##,
            ##"<div class="running-tlp running-tlp-top" aria-hidden="true">"##, ##"<span class="tlp-label tlp-amber">TLP:AMBER</span>"##,
            ##"<p class="classification">UNCLASSIFIED//FOR TRAINING USE ONLY</p>"##, ##"<p class="contact">Contact: "##,
            // Separators are text, so that a reader without the style sheet keeps words apart.
            ##"<span class="name">Ingrid Solberg</span>, <span class="affiliation">Imprint Sample Press, Arctic Desk</span> <a class="email""##,
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func imagesResolveFromWhereTheXHTMLIsWritten() throws {
        let text = try xhtml("arctic-shipping-outlook.md", options: .init(resourcePrefix: "../Samples/"))
        #expect(text.contains(##"src="../Samples/images/nsr-route.svg""##))
    }

    @Test func embeddedStyleSheetsReadTheSameInXMLAndHTML() throws {
        let css = "ol > li { color: red; } a[href^=\"x\"] { content: \"&\"; }"
        let report = Report(metadata: Metadata(title: "T", identifier: "x"))
        let bytes = XHTMLWriter(options: .init(stylesheets: [.embedded(css)])).write(report).bytes
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<style>/*<![CDATA[*/\n\(css)\n/*]]>*/</style>"))
        #expect(XHTMLWriter.embeddingProblem(in: "a { } ]]> b") != nil)
        #expect(XHTMLWriter.embeddingProblem(in: "</STYLE>") != nil)
        #expect(XHTMLWriter.embeddingProblem(in: css) == nil)
    }

    @Test func noNonVoidElementSelfCloses() throws {
        for seed in UInt64(1)...100 {
            var generator = ReportGenerator(seed: seed)
            let text = String(decoding: XHTMLWriter().write(generator.report()).bytes, as: UTF8.self)
            let html = text.replacingOccurrences(of: ##"<svg[\s\S]*?</svg>"##, with: "", options: .regularExpression)
            let selfClosed = html.matches(of: /<([a-z0-9]+)\b[^>]*\/>/).map { String($0.output.1) }
            let allowed: Set<String> = ["br", "img", "meta", "link", "hr", "col", "input", "wbr", "area", "base", "embed", "source", "track"]
            #expect(selfClosed.allSatisfy(allowed.contains), "seed \(seed): \(Set(selfClosed).subtracting(allowed))")
        }
    }

    /// Generated reports are well-formed XML (libxml2) and valid HTML (the Nu checker's HTML
    /// parser). They are not given to the checker's XML parser: it fails with "Unmatched low
    /// surrogate" on any attribute holding two characters beyond U+FFFF (a bug of the
    /// checker, not of the markup), and the generator writes emoji into attributes.
    @Test func generatedReportsAreValidHTML() throws {
        var paths: [String] = []
        for seed in UInt64(1)...40 {
            var generator = ReportGenerator(seed: seed)
            let bytes = XHTMLWriter().write(generator.report()).bytes
            _ = try XMLDocument.parse(bytes)
            paths.append(temporaryFile(bytes, extension: "html"))
        }
        let messages = try nuCheckerMessages(for: paths)
        #expect(messages.isEmpty, "\(messages.prefix(3000))")
    }

    /// Sections serialised one at a time (`write`) give the bytes of the whole tree, for
    /// the samples (inline SVG, style sheets) and generated reports.
    @Test func streamedDocumentIsTheWholeTreeSerialised() throws {
        var reports = try ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"].map {
            try ReportMarkdownReader.read(fileAt: samplePath($0)).report
        }
        for seed in UInt64(1)...300 {
            var generator = ReportGenerator(seed: seed)
            reports.append(generator.report())
        }
        let options = XHTMLWriter.Options(stylesheets: [.embedded("p { margin: 0 }"), .linked("print.css")])
        for (index, report) in reports.enumerated() {
            let writer = XHTMLWriter(options: options)
            let whole = String(decoding: writer.makeDocument(report).serializedAsPolyglotHTML(), as: UTF8.self)
            let streamed = String(decoding: writer.write(report).bytes, as: UTF8.self)
            #expect(streamed == whole, "report \(index): from \(streamed.commonPrefix(with: whole).count) characters on")
        }
    }

    /// Blocks of many parts are streamed a part at a time, each inside the one that holds
    /// it (`XMLElement.streamChildren`), and still give the whole tree's bytes, every note
    /// set where it is first referenced.
    @Test func longBlocksAreTheWholeTreeSerialised() throws {
        let markdown = LongBlocks.markdown(parts: XMLElement.streamingThreshold + 2)
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "long.md", reportPath: nil).report
        let writer = XHTMLWriter()
        let whole = String(decoding: writer.makeDocument(report).serializedAsPolyglotHTML(), as: UTF8.self)
        let streamed = String(decoding: writer.write(report).bytes, as: UTF8.self)
        #expect(streamed == whole, "from \(streamed.commonPrefix(with: whole).count) characters on")
        #expect(streamed.components(separatedBy: "<span class=\"footnote\"").count == 7, "each note written once")
    }

    /// A style sheet that happens to hold the words marking where the streamed parts go
    /// (the contents, the lead, the sections): the document is then built whole and still
    /// written right.
    @Test(arguments: 0..<3)
    func styleSheetCannotConfuseTheStreamedOutput(stream: Int) throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md")).report
        #expect(!report.lead.isEmpty && !report.sections.isEmpty, "three streams")
        let marker = "<!--imprint:streamed-children-\(stream)-->"
        let writer = XHTMLWriter(options: .init(stylesheets: [.embedded("/* \(marker) */")]))
        let bytes = writer.write(report).bytes
        #expect(bytes == writer.makeDocument(report).serializedAsPolyglotHTML())
        #expect(String(decoding: bytes, as: UTF8.self).contains("</section>"))
    }

    @Test func outputIsDeterministic() throws {
        #expect(try xhtml("arctic-shipping-outlook.md") == xhtml("arctic-shipping-outlook.md"))
    }
}

@Suite struct RiskMatrixTests {
    @Test func drawsEveryRiskWithBothValues() throws {
        let risks = [
            Risk(title: [.text("A")], blocks: [], likelihood: .icd203(.likely), impact: .major),
            Risk(title: [.text("B")], blocks: [], likelihood: .icd203(.likely), impact: nil),
            Risk(title: [.text("C")], blocks: [], likelihood: .icd203(.likely), impact: .major),
        ]
        let matrix = try #require(RiskMatrix(risks: risks, yardstick: .icd203, words: Words(language: "en")))
        #expect(matrix.placements.map(\.number) == [1, 3])
        #expect(RiskMatrixGrid.description(of: matrix.placements, words: Words(language: "en")).contains("Risk 3, C: likelihood likely, impact major."))
        #expect(RiskMatrix(risks: [risks[1]], yardstick: .icd203, words: Words(language: "en")) == nil)
        let document = XMLDocument(rootName: "div", namespace: XHTMLWriter.namespace)
        matrix.write(into: document.root)
        let text = String(decoding: document.serialized(), as: UTF8.self)
        #expect(text.components(separatedBy: "<circle").count - 1 == 2)
        #expect(text.contains(##"<svg xmlns="http://www.w3.org/2000/svg""##))
        // A row per term, labelled with it (a long one on two lines), least likely at the foot.
        let labels = text.matches(of: /<text[^>]*>(.*?)<\/text>/).map { String($0.output.1).replacing(/<\/tspan><tspan[^>]*>/, with: " ").replacing(/<[^>]*>/, with: "") }
        for term in ICD203Term.allCases { #expect(labels.contains(Words(language: "en").name(of: .icd203(term))), "\(term)") }
        #expect(text.contains(##"<tspan x="136" y="167">roughly</tspan><tspan x="136" y="180">even chance</tspan>"##), "\(text)")
        #expect(text.components(separatedBy: "<rect").count - 1 == 7 * 5)
    }

    /// An Arabic matrix is mirrored, as Typst's grid and the Word table are: its row labels
    /// right of the grid, the most severe impact on the left.
    @Test func aRightToLeftMatrixIsMirrored() throws {
        let risks = [Risk(title: [.text("A")], blocks: [], likelihood: .icd203(.likely), impact: .severe)]
        for (language, mirrored) in [("en", false), ("ar", true)] {
            let words = Words(language: language)
            let matrix = try #require(RiskMatrix(risks: risks, yardstick: .icd203, words: words))
            let document = XMLDocument(rootName: "div", namespace: XHTMLWriter.namespace)
            matrix.write(into: document.root)
            let text = String(decoding: document.serialized(), as: UTF8.self)
            let cells = text.matches(of: /<rect x="(\d+)"/).map { Int($0.output.1)! }
            let labels = text.matches(of: /<text x="(\d+)" y="\d+" text-anchor="(start|end)" font-size="11"/).map { Int($0.output.1)! }
            let (gridLeft, gridRight) = (cells.min()!, cells.max()! + 96)
            #expect(labels.count == 7 && labels.allSatisfy { mirrored ? $0 > gridRight : $0 < gridLeft }, "\(language): \(labels)")
            // The marker of a severe risk sits in the column at the grid's far end.
            let marker = try #require(text.firstMatch(of: /<circle cx="(\d+)"/).map { Int($0.output.1)! })
            #expect(mirrored ? marker < gridLeft + 96 : marker > gridRight - 96, "\(language): \(marker)")
        }
    }

    /// For WeasyPrint, which cannot shape an SVG's text, an Arabic matrix's labels are
    /// drawn as outlines: no text in the drawing, its title and description kept, the ids
    /// numbered after the matrix; an English matrix keeps its text.
    @Test func shapedLabelsAreOutlinedOnlyWhenAsked() throws {
        let risks = [Risk(title: [.text("A")], blocks: [], likelihood: .icd203(.likely), impact: .major)]
        func drawn(_ language: String, outlined: Bool) throws -> String {
            let matrix = try #require(RiskMatrix(risks: risks, yardstick: .icd203, words: Words(language: language)))
            let document = XMLDocument(rootName: "div", namespace: XHTMLWriter.namespace)
            matrix.write(into: document.root, outlinesShapedText: outlined, idPrefix: "risk-matrix-2-")
            return String(decoding: document.serialized(), as: UTF8.self)
        }
        let arabic = try drawn("ar", outlined: true)
        #expect(!arabic.contains("<text") && arabic.contains("<path"))
        #expect(arabic.contains("<title>") && arabic.contains("<desc>") && arabic.contains(#"role="img""#))
        #expect(arabic.matches(of: /\sid="([^"]+)"/).allSatisfy { $0.output.1.hasPrefix("risk-matrix-2-") })
        #expect(try drawn("ar", outlined: false).contains("<text"))
        #expect(try drawn("en", outlined: true).contains("<text"))
    }
}
