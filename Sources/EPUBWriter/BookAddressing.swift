import XHTMLWriter

/// Where the links and images of one content document point: the report is split over
/// several documents, and its images are renamed into the book's media folder.
struct BookAddressing: XHTMLAddressing {
    /// The document being written (relative to `EPUB/`).
    let file: String
    /// The document each id of the report is written in.
    let fileByID: [String: String]
    /// The URL of each image path written in the report, from a content document.
    let resourceNames: [String: String]
    /// Where any other image is found from a content document.
    let elsewhere = OneDocument(resourcePrefix: "../")

    func reaches(_ id: String) -> Bool { fileByID[id] != nil }

    func href(to id: String) -> String {
        guard let target = fileByID[id], target != file else { return "#" + id }
        return relativePath(to: target) + "#" + id
    }

    func resource(_ path: String) -> String {
        if let name = resourceNames[path] { return URLText.escapingPath(name) }
        return elsewhere.resource(path)
    }

    /// `text/a.xhtml` → `text/b.xhtml` gives `b.xhtml`; other folders are climbed out of.
    private func relativePath(to target: String) -> String {
        var from = file.split(separator: "/").dropLast()
        var to = target.split(separator: "/")
        while let first = from.first, first == to.first, to.count > 1 {
            from.removeFirst()
            to.removeFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }
}
