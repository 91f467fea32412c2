/// Block content: what the lead, a section, a list item, a quote or a footnote is made of.
///
/// Cases whose payload is larger than a reference are `indirect`, so a block is 8 bytes
/// and a paragraph needs no box of its own (see `Inline`).
public enum Block: Sendable, Equatable {
    case paragraph([Inline])
    indirect case list(ListBlock)
    case quote([Block])
    indirect case code(CodeBlock)
    case thematicBreak
    indirect case table(Table)
    indirect case figure(Figure)
    /// The items of a top-level list in a `.key-judgments` section.
    case keyJudgments([KeyJudgment])
    /// The items of a top-level list in a `.risks` section: the risk register.
    case risks([Risk])
    /// The items of a top-level list in a `.sources` section.
    case sources([Source])
}

public struct ListBlock: Sendable, Codable, Equatable {
    public var ordered: Bool
    /// The number of the first item of an ordered list.
    public var start: Int
    /// A tight list has no blank lines between its items.
    public var tight: Bool
    public var items: [ListItem]

    public init(ordered: Bool, start: Int = 1, tight: Bool = true, items: [ListItem]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

public struct ListItem: Sendable, Codable, Equatable {
    public var id: String?
    public var classes: [String]
    public var attributes: [Attribute]
    /// `nil` for an ordinary item; `true` or `false` for a checked or open task item.
    public var task: Bool?
    public var blocks: [Block]

    public init(
        id: String? = nil, classes: [String] = [], attributes: [Attribute] = [], task: Bool? = nil,
        blocks: [Block]
    ) {
        self.id = id
        self.classes = classes
        self.attributes = attributes
        self.task = task
        self.blocks = blocks
    }
}

public struct CodeBlock: Sendable, Codable, Equatable {
    /// The info string's first word, if any.
    public var language: String?
    /// The code exactly as written, ending with a newline.
    public var text: String

    public init(language: String? = nil, text: String) {
        self.language = language
        self.text = text
    }
}

public enum ColumnAlignment: String, Sendable, Codable {
    case none, left, center, right
}

public struct TableRow: Sendable, Codable, Equatable {
    public var cells: [[Inline]]

    public init(cells: [[Inline]]) {
        self.cells = cells
    }
}

public struct Table: Sendable, Codable, Equatable {
    public var id: String?
    /// Tables are numbered in document order, from 1.
    public var number: Int
    /// From a `Table:` paragraph directly after the table.
    public var caption: [Inline]?
    public var alignments: [ColumnAlignment]
    public var header: TableRow
    public var rows: [TableRow]

    public init(
        id: String? = nil, number: Int, caption: [Inline]? = nil, alignments: [ColumnAlignment],
        header: TableRow, rows: [TableRow]
    ) {
        self.id = id
        self.number = number
        self.caption = caption
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}

/// An image that stands alone in its paragraph, with what readers need to credit it.
public struct Figure: Sendable, Codable, Equatable {
    public var id: String?
    /// Figures are numbered in document order, from 1.
    public var number: Int
    /// Path relative to the report file, checked to stay inside the report's folder.
    public var source: String
    public var caption: [Inline]
    /// Text for readers who cannot see the image; the caption when not given.
    public var alt: String
    public var credit: String?
    public var license: String?
    public var licenseURL: String?
    public var sourceURL: String?
    /// A CSS length such as `80%` or `12cm`.
    public var width: String?
    /// Other attributes written on the image, in source order.
    public var attributes: [Attribute]

    public init(
        id: String? = nil, number: Int, source: String, caption: [Inline], alt: String, credit: String? = nil,
        license: String? = nil, licenseURL: String? = nil, sourceURL: String? = nil, width: String? = nil,
        attributes: [Attribute] = []
    ) {
        self.id = id
        self.number = number
        self.source = source
        self.caption = caption
        self.alt = alt
        self.credit = credit
        self.license = license
        self.licenseURL = licenseURL
        self.sourceURL = sourceURL
        self.width = width
        self.attributes = attributes
    }
}

extension Block: Codable {
    private enum Kind: String, Codable {
        case paragraph, list, quote, code, thematicBreak, table, figure, keyJudgments, risks, sources
    }
    private enum CodingKeys: String, CodingKey { case type, content }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Kind.self, forKey: .type) {
        case .paragraph: self = .paragraph(try container.decode([Inline].self, forKey: .content))
        case .list: self = .list(try container.decode(ListBlock.self, forKey: .content))
        case .quote: self = .quote(try container.decode([Block].self, forKey: .content))
        case .code: self = .code(try container.decode(CodeBlock.self, forKey: .content))
        case .thematicBreak: self = .thematicBreak
        case .table: self = .table(try container.decode(Table.self, forKey: .content))
        case .figure: self = .figure(try container.decode(Figure.self, forKey: .content))
        case .keyJudgments: self = .keyJudgments(try container.decode([KeyJudgment].self, forKey: .content))
        case .risks: self = .risks(try container.decode([Risk].self, forKey: .content))
        case .sources: self = .sources(try container.decode([Source].self, forKey: .content))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let content):
            try container.encode(Kind.paragraph, forKey: .type)
            try container.encode(content, forKey: .content)
        case .list(let list):
            try container.encode(Kind.list, forKey: .type)
            try container.encode(list, forKey: .content)
        case .quote(let content):
            try container.encode(Kind.quote, forKey: .type)
            try container.encode(content, forKey: .content)
        case .code(let code):
            try container.encode(Kind.code, forKey: .type)
            try container.encode(code, forKey: .content)
        case .thematicBreak:
            try container.encode(Kind.thematicBreak, forKey: .type)
        case .table(let table):
            try container.encode(Kind.table, forKey: .type)
            try container.encode(table, forKey: .content)
        case .figure(let figure):
            try container.encode(Kind.figure, forKey: .type)
            try container.encode(figure, forKey: .content)
        case .keyJudgments(let items):
            try container.encode(Kind.keyJudgments, forKey: .type)
            try container.encode(items, forKey: .content)
        case .risks(let items):
            try container.encode(Kind.risks, forKey: .type)
            try container.encode(items, forKey: .content)
        case .sources(let items):
            try container.encode(Kind.sources, forKey: .type)
            try container.encode(items, forKey: .content)
        }
    }
}
