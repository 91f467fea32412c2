import Foundation
import ReportModel
import SharedWriting
import XMLSupport

/// The parts around the document: content types, relationships, settings, the header and
/// footer that carry the marking and the page numbers, footnotes, and the document's
/// properties (core, application and custom, the marking among them).
enum PackageParts {
    /// The main document's own relationships, before the links and images it makes.
    static let fixedRelationships: [(id: String, type: String, target: String)] = [
        ("rStyles", "styles", "styles.xml"), ("rNumbering", "numbering", "numbering.xml"),
        ("rFootnotes", "footnotes", "footnotes.xml"), ("rSettings", "settings", "settings.xml"),
        ("rHeader", "header", "header1.xml"), ("rFooter", "footer", "footer1.xml"),
        // The same on the pages of a wide table, turned on their side.
        ("rHeaderWide", "header", "header2.xml"), ("rFooterWide", "footer", "footer2.xml"),
        // The title page's: the marking without the running head, as in print.
        ("rHeaderTitle", "header", "header3.xml"),
    ]

    static func contentTypes() -> XMLDocument {
        let document = XMLDocument(rootName: "Types", namespace: WordML.contentTypes)
        let root = document.root
        for (ext, type) in [
            ("rels", "application/vnd.openxmlformats-package.relationships+xml"), ("xml", "application/xml"),
        ] + WordContext.imageFormats.map({ ($0.rawValue, $0.mediaType) }) {
            root.element("Default", ["Extension": ext, "ContentType": type])
        }
        let word = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        for (part, type) in [
            ("/word/document.xml", word + "document.main+xml"), ("/word/styles.xml", word + "styles+xml"),
            ("/word/numbering.xml", word + "numbering+xml"), ("/word/footnotes.xml", word + "footnotes+xml"),
            ("/word/settings.xml", word + "settings+xml"), ("/word/header1.xml", word + "header+xml"),
            ("/word/footer1.xml", word + "footer+xml"), ("/word/header2.xml", word + "header+xml"),
            ("/word/footer2.xml", word + "footer+xml"), ("/word/header3.xml", word + "header+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
            ("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml"),
        ] {
            root.element("Override", ["PartName": part, "ContentType": type])
        }
        return document
    }

    /// The package's relationships: the main document and the three property parts.
    static func packageRelationships() -> XMLDocument {
        relationships([
            ("rDocument", WordML.relationshipType + "officeDocument", "word/document.xml", false),
            ("rCore", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml", false),
            ("rApp", WordML.relationshipType + "extended-properties", "docProps/app.xml", false),
            ("rCustom", WordML.relationshipType + "custom-properties", "docProps/custom.xml", false),
        ])
    }

    /// The main document's relationships: its parts, then `made` (links and images).
    static func documentRelationships(_ made: [(id: String, type: String, target: String, external: Bool)]) -> XMLDocument {
        relationships(
            fixedRelationships.map { ($0.id, WordML.relationshipType + $0.type, $0.target, false) }
                + made.map { ($0.id, WordML.relationshipType + $0.type, $0.target, $0.external) })
    }

    private static func relationships(_ list: [(String, String, String, Bool)]) -> XMLDocument {
        let document = XMLDocument(rootName: "Relationships", namespace: WordML.packageRelationships)
        for (id, type, target, external) in list {
            let element = document.root.element("Relationship", ["Id": id, "Type": type, "Target": target])
            if external { element.setAttribute("TargetMode", "External") }
        }
        return document
    }

    /// `updatesFields`: the document has a contents field, which Word then fills in (its
    /// page numbers) as it opens the document.
    static func settings(language: String, updatesFields: Bool) -> XMLDocument {
        let document = WordML.part("settings")
        let root = document.root
        root.property("w:defaultTabStop", "720")
        root.property("w:characterSpacingControl", "doNotCompress")
        if updatesFields { root.property("w:updateFields", "true") }
        let footnotes = root.element("w:footnotePr")
        for id in ["-1", "0"] { footnotes.element("w:footnote", ["w:id": id]) }
        let compatibility = root.element("w:compat")
        // A line break (Shift-Return) in a justified paragraph does not spread the line.
        compatibility.element("w:doNotExpandShiftReturn")
        compatibility.element(
            "w:compatSetting", ["w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word", "w:val": "15"])
        root.property("w:themeFontLang", language)
        return document
    }

    /// The header: the running head, the classification in the middle and the TLP label
    /// at the end of the line (of the page on its side, when `landscape`): the marking at the
    /// top of every page, laid out as the print edition's (mirrored in a right-to-left report).
    /// The title page's has no running head (`runningHead` false).
    static func header(_ context: WordContext, landscape: Bool = false, runningHead: Bool = true) -> XMLDocument {
        let document = WordML.part("hdr")
        let paragraph = marginLine(in: document.root, style: "Header", context, landscape: landscape)
        if runningHead { RunStyle().run(RunningHead.text(for: context.report.metadata), into: paragraph) }
        writeMarking(context.report.metadata.marking, into: paragraph)
        return document
    }

    /// The footer: "Page N of M" (`PAGE` and `NUMPAGES` fields in the report's words), the
    /// classification in the middle and the TLP label at the end of the line (of the page
    /// on its side, when `landscape`), as in the print edition.
    static func footer(_ context: WordContext, landscape: Bool = false) -> XMLDocument {
        let document = WordML.part("ftr")
        let paragraph = marginLine(in: document.root, style: "Footer", context, landscape: landscape)
        for piece in context.words.pieces(.pageOfPages) {
            switch piece {
            case .text(let text): RunStyle().run(text, into: paragraph)
            case .placeholder(let name):
                let field = paragraph.element("w:fldSimple", ["w:instr": name == "pages" ? " NUMPAGES " : " PAGE "])
                RunStyle().run("1", into: field)
            }
        }
        writeMarking(context.report.metadata.marking, into: paragraph)
        return document
    }

    /// The classification after the middle tab, the TLP label after the end tab.
    private static func writeMarking(_ marking: Marking?, into paragraph: XMLElement) {
        guard let marking, marking.classification != nil || marking.tlp != nil else { return }
        RunStyle().start(in: paragraph).element("w:tab")
        if let classification = marking.classification { RunStyle(bold: true).run(classification, into: paragraph) }
        guard let tlp = marking.tlp else { return }
        RunStyle().start(in: paragraph).element("w:tab")
        RunStyle.tlp(tlp).run(tlp.label, into: paragraph)
    }

    /// A header's or footer's paragraph, with a tab stop in the middle of the line and one
    /// at its end.
    private static func marginLine(in root: XMLElement, style: String, _ context: WordContext, landscape: Bool) -> XMLElement {
        let paragraph = root.element("w:p")
        let properties = paragraph.element("w:pPr")
        properties.property("w:pStyle", style)
        let width = landscape ? context.layout.landscapeTextWidth : context.layout.textWidth
        let tabs = properties.element("w:tabs")
        tabs.element("w:tab", ["w:val": "center", "w:pos": String(width / 2)])
        tabs.element("w:tab", ["w:val": "right", "w:pos": String(width)])
        if context.words.isRightToLeft { properties.element("w:bidi") }
        return paragraph
    }

    /// The footnotes: the two separators Word expects, then each note, its number first.
    ///
    /// The separators, and a stream of the notes, each serialised and let go before the
    /// next: the tree never holds them all, at about a kilobyte and a half a note.
    static func footnotes(_ context: WordContext) -> (document: XMLDocument, stream: XMLDocument.Stream) {
        let document = WordML.part("footnotes")
        let root = document.root
        for (id, kind) in [("-1", "separator"), ("0", "continuationSeparator")] {
            root.element("w:footnote", ["w:type": kind, "w:id": id]).element("w:p").element("w:r").element("w:\(kind)")
        }
        let body = WordBody(context: context)
        return (document, XMLDocument.Stream(into: root, adding: context.report.footnotes) { footnote in
            guard let id = context.footnoteIDs[footnote.label] else { return }
            let note = root.element("w:footnote", ["w:id": String(id)])
            let (opening, rest) = WordBody.opening(of: footnote.blocks[...])
            let first = body.paragraph(in: note, style: "FootnoteText")
            RunStyle(characterStyle: "FootnoteReference").start(in: first).element("w:footnoteRef")
            RunStyle().run(" ", into: first)
            body.writeInlines(opening, into: first)
            for block in rest { body.write(block, into: note, place: WordBody.Place(style: "FootnoteText")) }
        })
    }

    /// Title, authors, keywords, summary, language and dates, for document-management
    /// systems; `modified` is the build's date (`SOURCE_DATE_EPOCH`).
    static func coreProperties(_ metadata: Metadata, summary: String?, modified: Int) -> XMLDocument {
        let document = XMLDocument(
            rootName: "coreProperties", namespace: "http://schemas.openxmlformats.org/package/2006/metadata/core-properties", prefix: "cp")
        let root = document.root
        for (namespace, prefix) in [
            ("http://purl.org/dc/elements/1.1/", "dc"), ("http://purl.org/dc/terms/", "dcterms"),
            ("http://www.w3.org/2001/XMLSchema-instance", "xsi"),
        ] {
            root.declareNamespace(namespace, prefix: prefix)
        }
        root.element("dc:title", text: metadata.title)
        if let subtitle = metadata.subtitle { root.element("dc:subject", text: subtitle) }
        if !metadata.authors.isEmpty { root.element("dc:creator", text: metadata.authors.map(\.name).joined(separator: "; ")) }
        if !metadata.keywords.isEmpty { root.element("cp:keywords", text: metadata.keywords.joined(separator: ", ")) }
        if let summary { root.element("dc:description", text: summary) }
        root.element("dc:language", text: metadata.lang)
        root.element("dc:identifier", text: metadata.identifier)
        let stamp = BuildMoment(seconds: modified).iso8601
        let created = metadata.date.map { BuildMoment(date: $0).iso8601 } ?? stamp
        root.element("dcterms:created", ["xsi:type": "dcterms:W3CDTF"], text: created)
        root.element("dcterms:modified", ["xsi:type": "dcterms:W3CDTF"], text: stamp)
        return document
    }

    static func appProperties() -> XMLDocument {
        let document = XMLDocument(rootName: "Properties", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties")
        document.root.element("Application", text: "Imprint")
        return document
    }

    /// The marking and the ISBNs as custom properties (`TLP`, `Classification`, `ISBN (print)`,
    /// `ISBN (e-book)`), which document-management systems and Word's own rules can read.
    static func customProperties(_ metadata: Metadata) -> XMLDocument {
        let document = XMLDocument(rootName: "Properties", namespace: "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties")
        document.root.declareNamespace("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes", prefix: "vt")
        let properties = [
            ("TLP", metadata.marking?.tlp?.rawValue), ("Classification", metadata.marking?.classification),
            ("ISBN (print)", metadata.isbn?.print?.description), ("ISBN (e-book)", metadata.isbn?.ebook?.description),
        ].compactMap { name, value in value.map { (name, $0) } }
        for (index, (name, value)) in properties.enumerated() {
            document.root.element("property", ["fmtid": "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", "pid": String(index + 2), "name": name])
                .element("vt:lpwstr", text: value)
        }
        return document
    }
}
