import NameBasedUUID
import ReportModel
import SharedWriting
import XHTMLWriter
import XMLSupport

/// The plan of the book: which content documents there are, what each holds, where each id
/// of the report ends up, and the media files with their manifest entries.
struct EPUBBook {
    static let root = "EPUB/"
    static let stylesheet = "styles/epub.css"

    struct Document {
        var file: String
        var title: String
        var part: ContentDocument.Part
        var landmark: String?

        func make(book: EPUBBook) -> (bytes: [UInt8], warnings: [String], hasSVG: Bool) {
            let addressing = BookAddressing(file: file, fileByID: book.fileByID, resourceNames: book.resourceNames)
            let content = ContentDocument(
                manuscript: book.manuscript, part: part, addressing: addressing, stylesheets: ["../" + EPUBBook.stylesheet])
            return content.serialized(title: title)
        }
    }

    struct Media {
        var id: String
        var file: String
        var mediaType: String
        var bytes: [UInt8]
        var isCover: Bool
    }

    var documents: [Document] = []
    var media: [Media] = []
    /// The book file (relative to `EPUB/`) of every id of the report.
    var fileByID: [String: String] = [:]
    /// The book file of every image path written in the report.
    var resourceNames: [String: String] = [:]
    /// The report with its index and images, made once for all its documents.
    let manuscript: Manuscript
    /// The ids of the sections that open a document (linked without a fragment).
    var documentOpeners: Set<String> = []
    /// The cover image's manifest path, given or generated: the cover page shows it.
    var coverImage: String
    /// What the generated cover says of itself: characters dropped.
    var coverWarnings: [String] = []
    /// Why the cover has no PNG copy, when it has none.
    var coverWithoutRaster: Diagnostic?
    /// `urn:uuid:…`: the package's unique identifier (see `uuidURN(for:)`).
    let uuidURN: String
    /// Whether the book may state its accessibility conformance, and why not: worked out
    /// once, for the package's metadata and the warning.
    let accessibility: AccessibilityClaim

    /// Why a cover is SVG only: librsvg is missing, or could not draw it.
    private static var svgOnlyCover: String {
        "the e-book's cover is SVG only, which Apple Books, Kobo and Kindle do not take as a cover: "
            + (SVGRaster.isAvailable ? "librsvg could not draw it as PNG" : "its PNG copy needs librsvg (Debian's librsvg2-2), which is not installed")
    }

    /// The report's identifier as a `urn:uuid:` URN, which an EPUB's unique identifier must
    /// be: the identifier itself when it is one, else the version 5 UUID of its text.
    static func uuidURN(for identifier: String) -> String {
        let lowered = identifier.lowercased()
        if lowered.hasPrefix("urn:uuid:"), lowered.dropFirst(9).count == 36 { return lowered }
        return NameBasedUUID.urn(for: [UInt8]("imprint:identifier:".utf8) + [UInt8](identifier.utf8))
    }

    /// `deskStyleSheets`: the desk's style sheets the book carries (`AccessibilityClaim`).
    init(_ manuscript: Manuscript, splitDepth: Int, deskStyleSheets: [String] = []) throws(DiagnosticError) {
        self.manuscript = manuscript
        let report = manuscript.report
        uuidURN = Self.uuidURN(for: report.metadata.identifier)
        accessibility = AccessibilityClaim(report: report, deskStyleSheets: deskStyleSheets)
        // Media first: every image the report refers to, named by its order.
        for (index, path) in manuscript.imagePaths.enumerated() {
            guard let bytes = manuscript.images[path]?.bytes else { throw DiagnosticError(error: .internal, "the image '\(path)' was not given to the EPUB writer") }
            guard let type = ImageFormat(path: path) else {
                throw DiagnosticError(error: .imageInvalid, "the image '\(path)' cannot go into an EPUB: use SVG, PNG, JPEG, GIF or WebP")
            }
            let file = "media/image-\(index + 1).\(type.extensions[0])"
            resourceNames[path] = "../" + file
            media.append(Media(id: "image-\(index + 1)", file: file, mediaType: type.mediaType, bytes: bytes, isCover: path == report.metadata.cover))
        }
        if let cover = report.metadata.cover, let name = resourceNames[cover] {
            coverImage = String(name.dropFirst(3))
        } else {
            // Drawn from the metadata, for the cover page.
            let drawing = CoverImage(metadata: report.metadata, words: manuscript.words).make()
            coverWarnings = drawing.warnings
            coverImage = "media/cover.svg"
            media.append(Media(id: "cover-drawing", file: coverImage, mediaType: ImageFormat.svg.mediaType, bytes: drawing.serialized(), isCover: true))
        }
        // Apple Books, Kobo and Kindle take no SVG cover: an SVG cover, given or drawn, goes
        // into the package as a PNG too, which is then the package's cover image.
        if let index = media.firstIndex(where: \.isCover), media[index].mediaType == ImageFormat.svg.mediaType {
            if let raster = SVGRaster.png(from: media[index].bytes) {
                media[index].isCover = false
                media.append(Media(id: "cover-image", file: "media/cover.png", mediaType: ImageFormat.png.mediaType, bytes: raster.png, isCover: true))
            } else {
                coverWithoutRaster = Diagnostic(.warning, .imageInvalid, Self.svgOnlyCover, at: nil)
            }
        }
        let metadata = report.metadata
        documents.append(Document(file: "text/cover.xhtml", title: manuscript.words[.cover], part: .cover(coverImage: "../" + coverImage), landmark: "cover"))
        documents.append(Document(file: "text/title.xhtml", title: metadata.title, part: .titlePage, landmark: "titlepage"))
        let joinsLead = Self.isShort(report.lead) && !report.sections.isEmpty
        for (index, start) in stride(from: 0, to: joinsLead ? 0 : report.lead.count, by: Self.leadBlocksPerDocument).enumerated() {
            let blocks = start..<min(report.lead.count, start + Self.leadBlocksPerDocument)
            let file = index == 0 ? "text/lead.xhtml" : "text/lead-\(index + 1).xhtml"
            documents.append(Document(file: file, title: metadata.title, part: .lead(blocks), landmark: index == 0 ? "bodymatter" : nil))
        }
        for (index, chunk) in EPUBBook.chunks(report.sections, depth: max(1, splitDepth), level: 1).enumerated() {
            let heading = chunk[0].title.plainText
            let title = heading.allSatisfy(\.isWhitespace) ? metadata.title : heading
            let landmark = documents.contains { $0.landmark == "bodymatter" } ? nil : "bodymatter"
            let lead = index == 0 && joinsLead ? report.lead.indices : 0..<0
            documents.append(
                Document(file: "text/section-\(index + 1).xhtml", title: title, part: .sections(chunk, lead: lead), landmark: landmark))
            documentOpeners.insert(chunk[0].id)
        }
        documents.append(Document(file: "text/colophon.xhtml", title: manuscript.words[.colophon], part: .colophon, landmark: "backmatter"))
        mapIdentifiers(report)
    }

    /// Whether a lead is short enough to open the first section's document: a few
    /// paragraphs on their own would make a document that readers show as an almost empty
    /// page.
    static func isShort(_ lead: [Block]) -> Bool {
        lead.count <= 6 && lead.plainText.count <= 1_200
    }

    /// The lead's blocks per document, at most. A lead is mostly a few paragraphs; one of
    /// thousands (with their notes, which go at the end of the document that refers to
    /// them) would make one document whose tree is many times the text's size.
    static let leadBlocksPerDocument = 200

    /// Splits sections into documents: down to `depth`, a section's own blocks make one
    /// document and each subsection starts another.
    static func chunks(_ sections: [Section], depth: Int, level: Int) -> [[Section]] {
        var result: [[Section]] = []
        for section in sections {
            if level < depth, !section.subsections.isEmpty {
                var head = section
                head.subsections = []
                result.append([head])
                result += chunks(section.subsections, depth: depth, level: level + 1)
            } else {
                result.append([section])
            }
        }
        return result
    }

    /// Where every id is: the document that holds the element (for a footnote, the first
    /// document that refers to it, whose end carries the note).
    private mutating func mapIdentifiers(_ report: Report) {
        let notesByLabel = manuscript.index.footnotes
        for document in documents {
            let part: ReportContent
            switch document.part {
            case .lead(let blocks): part = ReportContent(blocks: Array(report.lead[blocks]))
            case .sections(let sections, let lead): part = ReportContent(blocks: Array(report.lead[lead]), sections: sections)
            default: continue
            }
            for id in part.identifierList where fileByID[id] == nil { fileByID[id] = document.file }
            // Notes (and what is inside them) are written where they are first referenced.
            var labels: [String] = []
            func collectReferences(_ inline: Inline) {
                if case .footnoteReference(let label) = inline { labels.append(label) }
            }
            part.forEachInline(collectReferences)
            while let label = labels.popLast() {
                guard let note = notesByLabel[label], fileByID[note.id] == nil else { continue }
                fileByID[note.id] = document.file
                let body = ReportContent(blocks: note.blocks)
                for id in body.identifierList where fileByID[id] == nil { fileByID[id] = document.file }
                body.forEachInline(collectReferences)
            }
        }
    }

    /// The first document of the body.
    var bodyStart: Document? { documents.first { $0.landmark == "bodymatter" } }
}
