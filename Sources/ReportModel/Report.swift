/// One analytical report: the single typed model that every reader builds and every
/// writer consumes.
///
/// The model is closed on purpose: blocks and inlines are enums, so a writer that
/// switches over them exhaustively is told by the compiler when a new kind appears.
public struct Report: Sendable, Codable, Equatable {
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
