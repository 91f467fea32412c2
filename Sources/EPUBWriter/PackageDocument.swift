import ReportModel
import SharedWriting
import XMLSupport

/// The package document (`package.opf`): metadata, manifest and spine.
struct PackageDocument {
    static let namespace = "http://www.idpf.org/2007/opf"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    let report: Report
    let book: EPUBBook
    let options: EPUBWriter.Options
    /// Content documents holding inline SVG.
    let svgDocuments: Set<String>

    /// The document, handed to `sink` item by item as its manifest and spine are built
    /// (each has an entry per content document; a large report has thousands); gives the
    /// warnings. The same bytes as `make()` serialised.
    func write(to sink: (UnsafeRawBufferPointer) -> Void) -> [String] {
        let (document, manifest, spine) = frame()
        let streams = [
            XMLDocument.Stream(into: manifest, adding: book.documents) { writeItem($0, into: manifest) },
            XMLDocument.Stream(into: spine, adding: book.documents) { writeReference($0, into: spine) },
        ]
        document.serialize(.xml, streaming: streams, to: sink)
        return document.warnings
    }

    /// The whole tree (for tests).
    func make() -> XMLDocument {
        let (document, manifest, spine) = frame()
        for content in book.documents {
            writeItem(content, into: manifest)
            writeReference(content, into: spine)
        }
        return document
    }

    /// The document without the content documents' manifest items and spine references,
    /// and the two elements they go in.
    private func frame() -> (XMLDocument, manifest: XMLElement, spine: XMLElement) {
        let document = XMLDocument(rootName: "package", namespace: PackageDocument.namespace)
        let package = document.root
        package.setAttribute("version", "3.0")
        package.setAttribute("unique-identifier", "pub-id")
        package.setAttribute("xml:lang", report.metadata.lang)
        writeMetadata(into: package)
        let manifest = writeManifest(into: package)
        let spine = package.element("spine", ["toc": "ncx"])
        // A right-to-left book turns its pages right to left.
        if book.manuscript.words.isRightToLeft { spine.setAttribute("page-progression-direction", "rtl") }
        return (document, manifest, spine)
    }

    private func writeItem(_ content: EPUBBook.Document, into manifest: XMLElement) {
        let item = manifest.element("item", ["id": itemID(content.file), "href": content.file, "media-type": "application/xhtml+xml"])
        if svgDocuments.contains(content.file) { item.setAttribute("properties", "svg") }
    }

    /// The content document in the reading order; the contents page follows the title page.
    private func writeReference(_ content: EPUBBook.Document, into spine: XMLElement) {
        spine.element("itemref", ["idref": itemID(content.file)])
        if case .titlePage = content.part, ContentsPage.isWanted(for: report) { spine.element("itemref", ["idref": "nav"]) }
    }

    private func writeMetadata(into package: XMLElement) {
        let metadata = report.metadata
        let element = package.element("metadata")
        element.declareNamespace(PackageDocument.dublinCore, prefix: "dc")
        element.element("dc:identifier", ["id": "pub-id"], text: book.uuidURN)
        if metadata.identifier != book.uuidURN {
            element.element("dc:identifier", ["id": "report-id"], text: metadata.identifier)
        }
        // The e-book's ISBN, with its type in ONIX's list 5 (15: ISBN-13), as retailers read it.
        if let isbn = metadata.isbn?.ebook {
            element.element("dc:identifier", ["id": "isbn"], text: "urn:isbn:" + isbn.digits)
            element.element("meta", ["refines": "#isbn", "property": "identifier-type", "scheme": "onix:codelist5"], text: "15")
        }
        element.element("dc:title", ["id": "main-title"], text: metadata.title)
        if let subtitle = metadata.subtitle {
            element.element("dc:title", ["id": "subtitle"], text: subtitle)
            element.element("meta", ["refines": "#subtitle", "property": "title-type"], text: "subtitle")
            element.element("meta", ["refines": "#main-title", "property": "title-type"], text: "main")
        }
        for (index, author) in metadata.authors.enumerated() where !author.name.allSatisfy(\.isWhitespace) {
            let id = "creator-\(index + 1)"
            element.element("dc:creator", ["id": id], text: author.name)
            element.element("meta", ["refines": "#" + id, "property": "role", "scheme": "marc:relators"], text: "aut")
            element.element("meta", ["refines": "#" + id, "property": "display-seq"], text: String(index + 1))
        }
        element.element("dc:language", text: metadata.lang)
        if let date = metadata.date { element.element("dc:date", text: date.description) }
        element.element("meta", ["property": "dcterms:modified"], text: BuildMoment(seconds: options.modified).iso8601)
        if let publisher = metadata.publisher, !publisher.name.allSatisfy(\.isWhitespace) {
            element.element("dc:publisher", text: publisher.name)
        }
        let rights = [metadata.rights, metadata.license.map { "License: " + $0.name + ($0.url.map { " (\($0))" } ?? "") }]
            .compactMap { $0 }
        if !rights.isEmpty { element.element("dc:rights", text: rights.joined(separator: ". ")) }
        // Dublin Core elements may not be empty.
        for keyword in metadata.keywords where !keyword.allSatisfy(\.isWhitespace) {
            element.element("dc:subject", text: keyword)
        }
        if let description = report.summaryLine(labels: book.manuscript.referenceLabels) { element.element("dc:description", text: description) }
        if let series = metadata.series { writeSeries(series, into: element) }
        if book.media.contains(where: \.isCover) {
            element.element("meta", ["name": "cover", "content": "cover-image"])
        }
        AccessibilityMetadata(claim: book.accessibility, words: book.manuscript.words).write(into: element)
    }

    /// The issue's place in its series as one number that sorts: volume × 1000 + issue
    /// (volume 43, issue 7 is 43007), the volume or the issue alone when only one is given.
    /// Readers such as Calibre sort by this number; "43.7" would read as a decimal, putting
    /// issue 10 with issue 1 and issue 11 before issue 2.
    static func seriesPosition(_ series: Series) -> Int? {
        switch (series.volume, series.issue) {
        case (let volume?, let issue?): return volume * 1000 + issue
        case (let volume?, nil): return volume * 1000
        case (nil, let issue?): return issue
        case (nil, nil): return nil
        }
    }

    /// The series as an EPUB collection: `belongs-to-collection`, its type, the issue's
    /// position (`seriesPosition`) and the ISSN.
    private func writeSeries(_ series: Series, into element: XMLElement) {
        guard let title = series.title.flatMap({ $0.allSatisfy(\.isWhitespace) ? nil : $0 }) ?? series.issn.map({ "ISSN \($0)" })
        else { return }
        element.element("meta", ["property": "belongs-to-collection", "id": "series"], text: title)
        element.element("meta", ["refines": "#series", "property": "collection-type"], text: "series")
        if let position = Self.seriesPosition(series) {
            element.element("meta", ["refines": "#series", "property": "group-position"], text: String(position))
        }
        if let issn = series.issn {
            element.element("meta", ["refines": "#series", "property": "dcterms:identifier"], text: "urn:issn:\(issn)")
        }
    }

    /// The manifest with every item but the content documents' (which go last).
    private func writeManifest(into package: XMLElement) -> XMLElement {
        let manifest = package.element("manifest")
        manifest.element("item", ["id": "nav", "href": "nav.xhtml", "media-type": "application/xhtml+xml", "properties": "nav"])
        manifest.element("item", ["id": "ncx", "href": "toc.ncx", "media-type": "application/x-dtbncx+xml"])
        manifest.element("item", ["id": "css", "href": EPUBBook.stylesheet, "media-type": "text/css"])
        for media in book.media {
            let item = manifest.element("item", ["id": media.isCover ? "cover-image" : media.id, "href": media.file, "media-type": media.mediaType])
            if media.isCover { item.setAttribute("properties", "cover-image") }
        }
        return manifest
    }

    /// `text/section-2.xhtml` → `section-2`.
    private func itemID(_ file: String) -> String {
        // Split on the bytes: every document of a large book has one.
        let utf8 = file.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let end = utf8[start...].firstIndex(of: UInt8(ascii: ".")) ?? utf8.endIndex
        return String(file[start..<end])
    }
}

/// EPUB Accessibility 1.1 metadata, derived from what the report holds (`AccessibilityClaim`).
struct AccessibilityMetadata {
    let claim: AccessibilityClaim
    let words: Words

    func write(into element: XMLElement) {
        let visual = claim.isVisual
        func meta(_ property: String, _ value: String) {
            element.element("meta", ["property": "schema:" + property], text: value)
        }
        meta("accessMode", "textual")
        if visual { meta("accessMode", "visual") }
        if !visual || claim.allDescribed { meta("accessModeSufficient", "textual") }
        if visual { meta("accessModeSufficient", "textual,visual") }
        var features = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        if visual && claim.allDescribed { features.append("alternativeText") }
        if claim.hasMatrix { features.append("longDescription") }
        for feature in features { meta("accessibilityFeature", feature) }
        meta("accessibilityHazard", "none")
        meta("accessibilitySummary", claim.summary(words))
        if claim.isStated {
            element.element("meta", ["property": "dcterms:conformsTo"], text: AccessibilityClaim.conformance)
            if let certifier = claim.certifier { element.element("meta", ["property": "a11y:certifiedBy"], text: certifier) }
        }
    }
}
