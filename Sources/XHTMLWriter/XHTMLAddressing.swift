/// Where the links and images of an XHTML document point. The XHTML edition is one
/// document that finds its images through a prefix (`OneDocument`); an edition that splits
/// the report over several documents, or renames its images, supplies its own.
public protocol XHTMLAddressing: Sendable {
    /// Whether the element of the report with this id is written where a link can reach it.
    func reaches(_ id: String) -> Bool
    /// The link to the element of the report with this id.
    func href(to id: String) -> String
    /// The URL of an image path written in the report.
    func resource(_ path: String) -> String
}

/// The whole report in one document, its images at `resourcePrefix` + their path (or at
/// the URL `resourceURLs` gives for it).
public struct OneDocument: XHTMLAddressing {
    public let resourcePrefix: String
    public let resourceURLs: [String: String]

    public init(resourcePrefix: String, resourceURLs: [String: String] = [:]) {
        self.resourcePrefix = resourcePrefix
        self.resourceURLs = resourceURLs
    }

    public func reaches(_ id: String) -> Bool { true }

    public func href(to id: String) -> String { "#" + id }

    /// A relative image path as seen from where the XHTML is written, as a valid URL; an
    /// absolute path or an address is kept as it is.
    public func resource(_ path: String) -> String {
        if let url = resourceURLs[path] { return url }
        return URLText.escapingPath(path.hasPrefix("/") || path.contains(":") ? path : resourcePrefix + path)
    }
}
