import ReportModel
import SharedWriting
import XMLSupport

/// `word/styles.xml`: the house style of the print edition (`HouseStyle`: DejaVu Serif text
/// at 10.5 pt, DejaVu Sans headings in the print edition's blue), under Word's built-in style ids
/// where Word has one (`Title`, `Heading1`, `Caption`, `FootnoteText`, `Quote`, `TOCHeading`,
/// `TableGrid` …), so that a client's template restyles the document by their names.
/// Text is set ragged right, Word's default: without the print edition's hyphenation a
/// justified line opens gaps, and LibreOffice spreads the syllables of a Korean word apart.
enum StylesPart {
    static let serif = HouseStyle.serif
    static let sans = HouseStyle.sans
    static let mono = HouseStyle.mono
    static let blue = HouseStyle.accent
    static let ink = HouseStyle.ink

    /// What a style sets: its font, size (in points), colour, weight and slant, spacing
    /// (points before and after), indent, shading, keep-with-next, a rule under it.
    struct Look {
        var font: String?
        var size: Double?
        var colour: String?
        var bold = false
        var italic = false
        var before: Double?
        var after: Double?
        /// The indent from both margins (a quotation's), or from the start margin alone.
        var indent: Int?
        var indentsEnd = true
        var shading: String?
        var keepNext = false
        /// A rule under the paragraph (a thematic break), in grey.
        var rule = false
        var alignment: String?
        var outline: Int?
        var vertical: String?
    }

    /// The paragraph styles: id, Word's name, what it is based on, how it looks.
    static let paragraphStyles: [(id: String, name: String, basedOn: String?, look: Look)] = [
        ("Normal", "Normal", nil, Look(after: 6)),
        ("Title", "Title", "Normal", Look(font: sans, size: 26, colour: blue, bold: true, after: 8, alignment: "left")),
        ("Subtitle", "Subtitle", "Normal", Look(font: sans, size: 13, colour: HouseStyle.subtitle, after: 24, alignment: "left")),
        ("Series", "Series", "Normal", Look(font: sans, size: 10, colour: blue, after: 18, alignment: "left")),
        ("TitleDetails", "Title Details", "Normal", Look(font: sans, size: 10, after: 3, alignment: "left")),
        ("Marking", "Marking", "Normal", Look(font: sans, size: 9, before: 12, after: 4, alignment: "left")),
        ("Heading1", "heading 1", "Normal", Look(font: sans, size: 15, colour: blue, bold: true, before: 18, after: 6, keepNext: true, alignment: "left", outline: 0)),
        ("Heading2", "heading 2", "Normal", Look(font: sans, size: 12, colour: blue, bold: true, before: 14, after: 5, keepNext: true, alignment: "left", outline: 1)),
        ("Heading3", "heading 3", "Normal", Look(font: sans, size: 10.5, colour: blue, bold: true, before: 12, after: 4, keepNext: true, alignment: "left", outline: 2)),
        ("Heading4", "heading 4", "Normal", Look(font: sans, size: 10.5, colour: blue, bold: true, before: 10, after: 3, keepNext: true, alignment: "left", outline: 3)),
        ("Heading5", "heading 5", "Normal", Look(font: sans, size: 10.5, colour: blue, bold: true, before: 10, after: 3, keepNext: true, alignment: "left", outline: 4)),
        ("Heading6", "heading 6", "Normal", Look(font: sans, size: 10.5, colour: blue, bold: true, before: 10, after: 3, keepNext: true, alignment: "left", outline: 5)),
        ("Caption", "caption", "Normal", Look(font: sans, size: 9, before: 4, after: 10, alignment: "left")),
        ("CaptionedFigure", "Captioned Figure", "Normal", Look(before: 10, after: 2, keepNext: true, alignment: "center")),
        ("Quote", "Quote", "Normal", Look(colour: HouseStyle.quotation, italic: true, indent: 850)),
        ("SourceCode", "Source Code", "Normal", Look(font: mono, size: 8.8, after: 8, shading: "F4F4F4", alignment: "left")),
        ("ListParagraph", "List Paragraph", "Normal", Look(after: 3)),
        ("Compact", "Compact", "Normal", Look(after: 0, alignment: "left")),
        ("KeyJudgment", "Key Judgment", "Normal", Look(after: 2, shading: HouseStyle.judgmentShading)),
        ("Assessment", "Assessment", "Normal", Look(font: sans, size: 9, colour: blue, after: 10, indent: 425, indentsEnd: false, shading: HouseStyle.judgmentShading)),
        ("HorizontalRule", "Horizontal Rule", "Normal", Look(before: 6, after: 12, rule: true)),
        ("FootnoteText", "footnote text", "Normal", Look(size: 8.8, after: 2)),
        ("TOCHeading", "TOC Heading", "Heading1", Look(outline: 9)),
        ("TOC1", "toc 1", "Normal", Look(font: sans, after: 4, alignment: "left")),
        ("TOC2", "toc 2", "Normal", Look(font: sans, size: 9.5, after: 3, indent: 510, indentsEnd: false, alignment: "left")),
        ("TOC3", "toc 3", "Normal", Look(font: sans, size: 9.5, after: 2, indent: 1020, indentsEnd: false, alignment: "left")),
        ("Header", "header", "Normal", Look(font: sans, size: 7, colour: HouseStyle.marginText, after: 0, alignment: "left")),
        ("Footer", "footer", "Normal", Look(font: sans, size: 7, colour: HouseStyle.marginText, after: 0, alignment: "left")),
    ]

    /// The character styles.
    static let characterStyles: [(id: String, name: String, look: Look)] = [
        ("Hyperlink", "Hyperlink", Look(colour: blue)),
        ("VerbatimChar", "Verbatim Char", Look(font: mono, size: 8.8)),
        ("FootnoteReference", "footnote reference", Look(vertical: "superscript")),
    ]

    /// The styles, with the report's language as the text's; with a template's styles part,
    /// its styles over Imprint's of the same id, and its document defaults over Imprint's.
    static func document(language: String, reference: (bytes: [UInt8], template: String)?) throws(DiagnosticError) -> XMLDocument {
        let document = document(language: language)
        guard let reference else { return document }
        // Diagnostics name the part inside the template: "house.docx (word/styles.xml):3:7".
        let part = "\(reference.template) (word/styles.xml)"
        let template: XMLDocument
        do {
            template = try XMLDocument.parse(reference.bytes, url: part)
        } catch {
            throw DiagnosticError(
                error.errors.map { Diagnostic(.error, .referenceDocInvalid, "--reference-doc: not well-formed XML: \($0.message)", at: $0.location) })
        }
        guard !template.hasDocumentType else {
            throw DiagnosticError(
                error: .referenceDocInvalid, "--reference-doc: the styles declare a document type (<!DOCTYPE …>), which Word's never do", at: .file(part))
        }
        guard template.root.name == "styles", template.root.namespaceURI == WordML.main else {
            throw DiagnosticError(error: .referenceDocInvalid, "--reference-doc: this is not a Word styles part", at: .file(part))
        }
        // What is not Office markup (an XInclude, another vocabulary) is no style: a
        // template is input, and nothing of it but styles reaches the edition.
        removeForeignElements(below: template.root)
        // Each of Imprint's elements is replaced at most once, in its place (the schema
        // orders document defaults, latent styles, then styles).
        var replaceable: [String: XMLElement] = [:]
        for element in document.root.children {
            replaceable[element.name == "style" ? "style " + (element.attribute("styleId", namespace: WordML.main) ?? "") : element.name] = element
        }
        for element in template.root.children where element.namespaceURI == WordML.main {
            let key: String
            switch element.name {
            case "docDefaults", "latentStyles": key = element.name
            case "style": key = "style " + (element.attribute("styleId", namespace: WordML.main) ?? "")
            default: continue
            }
            if let own = replaceable.removeValue(forKey: key) {
                own.replace(withCopyOf: element)
            } else if element.name == "style" {
                document.root.appendCopy(of: element)
            }
        }
        return document
    }

    /// The namespaces of Office's own markup (WordprocessingML and its extensions).
    private static let officeNamespaces = ["http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/", "http://purl.oclc.org/ooxml/"]

    /// Removes, at any depth below `element`, every element outside `officeNamespaces`.
    private static func removeForeignElements(below element: XMLElement) {
        for child in element.children {
            if let namespace = child.namespaceURI, officeNamespaces.contains(where: namespace.hasPrefix) {
                removeForeignElements(below: child)
            } else {
                child.remove()
            }
        }
    }

    /// Imprint's own styles, with the report's language as the text's.
    static func document(language: String) -> XMLDocument {
        let document = WordML.part("styles")
        let root = document.root
        let defaults = root.element("w:docDefaults")
        let runDefaults = defaults.element("w:rPrDefault").element("w:rPr")
        runDefaults.element("w:rFonts", ["w:ascii": serif, "w:hAnsi": serif, "w:eastAsia": HouseStyle.cjkSerif, "w:cs": serif])
        runDefaults.property("w:color", ink)
        // In half-points.
        runDefaults.property("w:sz", String(Int(HouseStyle.bodySize * 2)))
        runDefaults.property("w:szCs", String(Int(HouseStyle.bodySize * 2)))
        runDefaults.element("w:lang", ["w:val": language, "w:eastAsia": language, "w:bidi": language])
        defaults.element("w:pPrDefault").element("w:pPr").element("w:spacing", ["w:after": "120", "w:line": "264", "w:lineRule": "auto"])
        // A template's latent styles take this place.
        root.element("w:latentStyles")
        for style in paragraphStyles {
            let element = root.element("w:style", ["w:type": "paragraph", "w:styleId": style.id])
            if style.id == "Normal" { element.setAttribute("w:default", "1") }
            element.property("w:name", style.name)
            if let basedOn = style.basedOn { element.property("w:basedOn", basedOn) }
            if style.id.hasPrefix("Heading") || style.id == "Title" { element.property("w:next", "Normal") }
            element.element("w:qFormat")
            write(style.look, paragraph: true, into: element)
        }
        for style in characterStyles {
            let element = root.element("w:style", ["w:type": "character", "w:styleId": style.id])
            element.property("w:name", style.name)
            write(style.look, paragraph: false, into: element)
        }
        let table = root.element("w:style", ["w:type": "table", "w:styleId": "TableGrid"])
        table.property("w:name", "Table Grid")
        let tableRun = table.element("w:rPr")
        tableRun.property("w:sz", "19")
        tableRun.property("w:szCs", "19")
        let tableProperties = table.element("w:tblPr")
        let borders = tableProperties.element("w:tblBorders")
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            borders.element("w:\(side)", ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "BFBFBF"])
        }
        let margins = tableProperties.element("w:tblCellMar")
        for side in ["left", "right"] { margins.element("w:\(side)", ["w:w": "85", "w:type": "dxa"]) }
        return document
    }

    /// A style's paragraph and run properties, in the order the schema wants them.
    private static func write(_ look: Look, paragraph: Bool, into style: XMLElement) {
        if paragraph {
            let properties = style.element("w:pPr")
            if look.keepNext { properties.element("w:keepNext") }
            if look.rule {
                properties.element("w:pBdr").element("w:bottom", ["w:val": "single", "w:sz": "4", "w:space": "1", "w:color": "999999"])
            }
            if let shading = look.shading { properties.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": shading]) }
            if look.before != nil || look.after != nil {
                let spacing = properties.element("w:spacing")
                if let before = look.before { spacing.setAttribute("w:before", String(Int(before * 20))) }
                if let after = look.after { spacing.setAttribute("w:after", String(Int(after * 20))) }
            }
            // The key judgment's shading and its assessment's end at the same margin.
            if let indent = look.indent { properties.element("w:ind", ["w:left": String(indent), "w:right": look.indentsEnd ? String(indent) : "0"]) }
            if let alignment = look.alignment { properties.property("w:jc", alignment) }
            if let outline = look.outline { properties.property("w:outlineLvl", String(outline)) }
        }
        let run = style.element("w:rPr")
        if let font = look.font { run.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:cs": font]) }
        if look.bold {
            run.element("w:b")
            run.element("w:bCs")
        }
        if look.italic {
            run.element("w:i")
            run.element("w:iCs")
        }
        if let colour = look.colour { run.property("w:color", colour) }
        if let size = look.size {
            run.property("w:sz", String(Int(size * 2)))
            run.property("w:szCs", String(Int(size * 2)))
        }
        if let vertical = look.vertical { run.property("w:vertAlign", vertical) }
    }
}
