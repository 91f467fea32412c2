import ReportModel
import SharedWriting
import XMLSupport

/// What the Word edition's parts share while the body is written: the relationships of the
/// main document (links, images), the bookmarks cross-references go to, the numbering
/// instances of its lists, and its footnotes' ids. One per edition; not shared between
/// threads.
final class WordContext {
    /// The image formats the package carries as they are, in the order its content types
    /// list them (Word has no WebP; an SVG image also goes as a PNG drawn from it).
    static let imageFormats: [ImageFormat] = [.png, .jpeg, .gif, .svg]

    let manuscript: Manuscript
    let layout: PageLayout
    var words: Words { manuscript.words }
    var report: Report { manuscript.report }

    /// Where the likelihood terms and the grading scale are explained.
    var scaleNotes: ScaleNotePlacement
    /// What the edition could not carry, as warnings.
    var warnings: [Diagnostic] = []
    /// Whether the body's pages are on their side now: from just before a table too wide
    /// for the upright page (its heading too, when it opens a section) to just after it.
    var isLandscape = false
    /// What ends the page before the body's next block, written only once that block is
    /// known (`WordBody.turnPage`), so that no two page breaks leave an empty page.
    var pendingTurn = PageTurn.none
    /// The sections written so far (the first opens with the title page).
    var sections = 0

    enum PageTurn {
        case none
        /// A page break (after the title page, after the contents).
        case pageBreak
        /// The end of a section on its side (after a wide table).
        case landscapeEnd
    }

    /// The main document's relationships after its fixed ones, in the order made.
    private(set) var relationships: [(id: String, type: String, target: String, external: Bool)] = []
    private var linkIDs: [String: String] = [:]
    private var images: [String: ImagePart] = [:]
    /// The files of `word/media/`, in the order made.
    private(set) var media: [(path: String, bytes: [UInt8])] = []

    /// Bookmark names by id: Word's names hold only letters, digits and `_` (ids may hold
    /// `-` and `.`), and one starting with `_` is hidden from Word's bookmark list.
    private var bookmarks: [String: String] = [:]
    /// The bookmarks placed so far (each `w:bookmarkStart` has an id of its own).
    private var placedBookmarks = 0
    /// The drawings placed so far (each `wp:docPr` has an id of its own).
    private var drawings = 0

    /// A list's numbering instance (`w:num`): bullets or numbers, from `start`, at `level`.
    struct Numbering {
        var ordered: Bool
        var start: Int
        var level: Int
    }

    /// The lists' numbering instances, in the order made.
    private(set) var numberings: [Numbering] = []

    /// Footnote ids by label (Word's ids 1, 2, …; 0 and -1 are the separators).
    let footnoteIDs: [String: Int]

    /// See `DOCXWriter.Options.contentsPages`.
    let contentsPages: [String: Int]

    init(manuscript: Manuscript, layout: PageLayout, contentsPages: [String: Int] = [:]) {
        self.manuscript = manuscript
        self.layout = layout
        self.contentsPages = contentsPages
        scaleNotes = ScaleNotePlacement(report: manuscript.report, index: manuscript.index)
        var ids: [String: Int] = [:]
        for (index, footnote) in manuscript.report.footnotes.enumerated() { ids[footnote.label] = index + 1 }
        footnoteIDs = ids
    }

    /// The relationship id of an external link's address, made on first use.
    func linkID(_ url: String) -> String {
        if let id = linkIDs[url] { return id }
        let id = "rLink\(linkIDs.count + 1)"
        linkIDs[url] = id
        relationships.append((id, "hyperlink", url, true))
        return id
    }

    /// An image in the package: the relationship of the picture every reader shows (an SVG
    /// image's PNG copy), of the SVG itself, and the image's size in pixels.
    struct ImagePart {
        var id: String
        var svgID: String?
        var size: ImageSize
    }

    /// An image the report uses, its files added to the package on first use; nil for an
    /// image the package cannot carry (the caller says so).
    func image(_ reference: String) -> ImagePart? {
        if let known = images[reference] { return known }
        guard let bytes = manuscript.images[reference]?.bytes else { return nil }
        let number = images.count + 1
        func add(_ bytes: [UInt8], _ type: String, _ suffix: String = "") -> String {
            let id = "rImage\(number)\(suffix)"
            let path = "media/image\(number).\(type)"
            media.append(("word/" + path, bytes))
            relationships.append((id, "image", path, false))
            return id
        }
        let part: ImagePart
        if let format = ImageFormat(signature: bytes), Self.imageFormats.contains(format), let size = ImageSize(bytes) {
            part = ImagePart(id: add(bytes, format.rawValue), size: size)
        } else if ImageFormat(path: reference) == .svg, let (png, width, height) = SVGRaster.png(from: bytes) {
            part = ImagePart(
                id: add(png, ImageFormat.png.rawValue), svgID: add(bytes, ImageFormat.svg.rawValue, "s"), size: ImageSize(width: width, height: height))
        } else {
            return nil
        }
        images[reference] = part
        return part
    }

    /// The bookmark name of `id`, made on first use.
    func bookmark(_ id: String) -> String {
        if let name = bookmarks[id] { return name }
        let name = "_Ref\(bookmarks.count + 1)"
        bookmarks[id] = name
        return name
    }

    /// Marks `paragraph` as the place of `id`: a bookmark around its start.
    func addBookmark(_ id: String?, to paragraph: XMLElement) {
        guard let id else { return }
        placedBookmarks += 1
        let number = String(placedBookmarks)
        let name = bookmark(id)
        paragraph.element("w:bookmarkStart", ["w:id": number, "w:name": name])
        paragraph.element("w:bookmarkEnd", ["w:id": number])
    }

    /// The id of the next drawing.
    func nextDrawing() -> Int {
        drawings += 1
        return drawings
    }

    /// A new numbering instance (`NumberingPart`) for a list at `level` (0 to 8), numbered
    /// from `start`: its `w:numId`.
    func newNumbering(ordered: Bool, start: Int = 1, level: Int = 0) -> Int {
        numberings.append(Numbering(ordered: ordered, start: start, level: level))
        return numberings.count
    }
}
