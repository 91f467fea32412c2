/// Inline content: what a paragraph, a heading or a table cell is made of.
///
/// Only the cases with large payloads are `indirect`: the others (a text run, emphasis)
/// sit in their array, 24 bytes each, rather than each in a box of its own, for a large
/// report has hundreds of thousands of inlines.
public enum Inline: Sendable, Equatable {
    /// Text exactly as written: typography is never changed.
    case text(String)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case code(String)
    indirect case link(Link)
    /// A link to the id of a section, figure, table or list item of this report.
    indirect case crossReference(CrossReference)
    /// An image inside running text (one that stands alone is a `Figure`).
    indirect case image(InlineImage)
    /// A hard line break.
    case lineBreak
    /// A reference to the footnote with this label.
    case footnoteReference(String)
}

public struct Link: Sendable, Codable, Equatable {
    public var url: String
    public var title: String?
    public var content: [Inline]

    public init(url: String, title: String? = nil, content: [Inline]) {
        self.url = url
        self.title = title
        self.content = content
    }
}

/// A reference to another part of the report. With empty `content` the writers generate
/// the text ("Figure 1", "Table 2", a section's number and title).
public struct CrossReference: Sendable, Codable, Equatable {
    public var target: String
    public var content: [Inline]

    public init(target: String, content: [Inline] = []) {
        self.target = target
        self.content = content
    }
}

public struct InlineImage: Sendable, Codable, Equatable {
    /// Path relative to the report file, checked to stay inside the report's folder.
    public var source: String
    public var alt: String
    public var title: String?

    public init(source: String, alt: String, title: String? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
    }
}

extension Inline: Codable {
    private enum Kind: String, Codable {
        case text, emphasis, strong, strikethrough, code, link, crossReference, image, lineBreak,
            footnoteReference
    }
    private enum CodingKeys: String, CodingKey { case type, content }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .text: self = .text(try container.decode(String.self, forKey: .content))
        case .emphasis: self = .emphasis(try container.decode([Inline].self, forKey: .content))
        case .strong: self = .strong(try container.decode([Inline].self, forKey: .content))
        case .strikethrough: self = .strikethrough(try container.decode([Inline].self, forKey: .content))
        case .code: self = .code(try container.decode(String.self, forKey: .content))
        case .link: self = .link(try container.decode(Link.self, forKey: .content))
        case .crossReference: self = .crossReference(try container.decode(CrossReference.self, forKey: .content))
        case .image: self = .image(try container.decode(InlineImage.self, forKey: .content))
        case .lineBreak: self = .lineBreak
        case .footnoteReference: self = .footnoteReference(try container.decode(String.self, forKey: .content))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try container.encode(Kind.text, forKey: .type)
            try container.encode(text, forKey: .content)
        case .emphasis(let content):
            try container.encode(Kind.emphasis, forKey: .type)
            try container.encode(content, forKey: .content)
        case .strong(let content):
            try container.encode(Kind.strong, forKey: .type)
            try container.encode(content, forKey: .content)
        case .strikethrough(let content):
            try container.encode(Kind.strikethrough, forKey: .type)
            try container.encode(content, forKey: .content)
        case .code(let text):
            try container.encode(Kind.code, forKey: .type)
            try container.encode(text, forKey: .content)
        case .link(let link):
            try container.encode(Kind.link, forKey: .type)
            try container.encode(link, forKey: .content)
        case .crossReference(let reference):
            try container.encode(Kind.crossReference, forKey: .type)
            try container.encode(reference, forKey: .content)
        case .image(let image):
            try container.encode(Kind.image, forKey: .type)
            try container.encode(image, forKey: .content)
        case .lineBreak:
            try container.encode(Kind.lineBreak, forKey: .type)
        case .footnoteReference(let label):
            try container.encode(Kind.footnoteReference, forKey: .type)
            try container.encode(label, forKey: .content)
        }
    }
}
