/// The messages between Imprint and its PDF worker (`Worker/pdf-worker.py`, started for
/// WeasyPrint or for Typst), one message pair: a line of JSON each way, followed by as many
/// bytes as its `length` says. Both
/// carry the protocol's `version`: a worker of another version refuses a job rather than
/// misread it, and Imprint refuses a worker that greets it with another.
enum WorkerMessages {
    static let version = 2
}

/// A job Imprint sends: render the XHTML that follows the line, then the bytes of each of
/// `images` and of `files` in their order.
struct PDFJob: Codable, Equatable {
    /// A file whose bytes follow: its name, and how many of the bytes are its.
    struct File: Codable, Equatable {
        var path: String
        var length: Int
    }

    var version = WorkerMessages.version
    /// The bytes of XHTML after the line.
    var length: Int
    /// The folder relative addresses are read from: the report's.
    var folder: String
    /// The desk's asset folders, which the document may read from too.
    var assets: [String]
    /// `SOURCE_DATE_EPOCH` for the engine (its font subsetter stamps fonts with it).
    var epoch: Int
    /// The PDF's standard (`pdf/ua-1`, …); nil for the engine's plain PDF.
    var variant: String?
    /// For WeasyPrint, the images the document shows as the reader read and checked them,
    /// by where they are on disk (every link resolved): the worker serves these bytes for
    /// those files, and reads no image a second time.
    var images: [File] = []
    /// For Typst, the project it compiles, by name inside its private root: the house
    /// template (`main.typ`), the print XHTML, the print values and the images (the XHTML
    /// after the line is then empty).
    var files: [File] = []
    /// Whether the reply says where each section begins (`PDFReply.pages`): asked for
    /// only when an edition of the build shows it.
    var pages: Bool?
}

/// What the worker says: first its greeting (`engine`, or `error` when its engine cannot be
/// imported), then for each job either a PDF (`length` bytes after the line, and the
/// engine's `warnings`) or why there is none (`error`, with what the fetcher `refused`).
struct PDFReply: Codable, Equatable {
    var version: Int?
    /// The engine's name and version: `WeasyPrint 70.0`, `Typst 0.15.0`.
    var engine: String?
    /// The bytes of PDF after the line.
    var length: Int?
    /// The engine's own warnings (a style sheet's unknown property, with its line and column).
    var warnings: [String]?
    var error: String?
    /// What the document asked for that the worker does not let it read, each with why.
    var refused: [String]?
    /// The printed number of the page each section (by its id) begins on.
    var pages: [String: Int]?
}
