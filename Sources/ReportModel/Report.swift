/// One analytical report: the single typed model that every reader builds and every
/// writer consumes.
///
/// The model is closed on purpose: blocks and inlines are enums, so a writer that
/// switches over them exhaustively is told by the compiler when a new kind appears.
public struct Report: Sendable, Equatable {
    /// Everything from the front matter.
    public var metadata: Metadata
    /// Blocks that stand before the first heading.
    public var lead: [Block]
    /// The top-level sections, each with its subsections.
    public var sections: [Section]
    /// Footnote bodies, in the order of their first reference.
    public var footnotes: [Footnote]

    public init(metadata: Metadata, lead: [Block] = [], sections: [Section] = [], footnotes: [Footnote] = []) {
        self.metadata = metadata
        self.lead = lead
        self.sections = sections
        self.footnotes = footnotes
    }
}

/// The report as JSON (`imprint model`): the format documented by
/// `docs/report-model.schema.json`, which `version` names.
extension Report: Codable {
    /// The version of the JSON format this Imprint writes and reads.
    public static let modelVersion = 1

    private enum CodingKeys: String, CodingKey { case version, metadata, lead, sections, footnotes }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let version = try container.decode(Int.self, forKey: .version)
        guard version == Report.modelVersion else {
            throw DecodingError.dataCorruptedError(
                forKey: .version, in: container,
                debugDescription: "is \(version); this Imprint reads version \(Report.modelVersion) (imprint model writes it)")
        }
        self.init(
            metadata: try container.decode(Metadata.self, forKey: .metadata), lead: try container.decode([Block].self, forKey: .lead),
            sections: try container.decode([Section].self, forKey: .sections), footnotes: try container.decode([Footnote].self, forKey: .footnotes))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Report.modelVersion, forKey: .version)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(lead, forKey: .lead)
        try container.encode(sections, forKey: .sections)
        try container.encode(footnotes, forKey: .footnotes)
    }
}

extension Report {
    /// Every section in document order, depth first.
    public var allSections: [Section] {
        var result: [Section] = []
        forEachSection { result.append($0) }
        return result
    }

    /// The executive summary, when a section carries the `.summary` class.
    public var summary: Section? {
        var summary: Section?
        forEachSection { if summary == nil, $0.kind == .summary { summary = $0 } }
        return summary
    }

    /// Every footnote by its label (the first, should a label repeat).
    public var footnotesByLabel: [String: Footnote] {
        var result: [String: Footnote] = [:]
        for footnote in footnotes where result[footnote.label] == nil { result[footnote.label] = footnote }
        return result
    }
}

/// A footnote: its label as written (`[^label]`), the id writers give it, and its body.
public struct Footnote: Sendable, Codable, Equatable {
    public var label: String
    public var id: String
    public var number: Int
    public var blocks: [Block]

    public init(label: String, id: String, number: Int, blocks: [Block]) {
        self.label = label
        self.id = id
        self.number = number
        self.blocks = blocks
    }
}
