/// A section of the report: a heading and what follows it up to the next heading of
/// the same or a higher level.
public struct Section: Sendable, Codable, Equatable {
    /// Unique within the report: written as `{#id}` or derived from the title.
    public var id: String
    /// Every class written on the heading, including those that give `kind`.
    public var classes: [String]
    /// Other `key=value` attributes written on the heading, in source order.
    public var attributes: [Attribute]
    /// The number shown with the title ("2", "2.1", "A", "A.1"); `nil` when unnumbered.
    public var number: String?
    /// What the section means to the report.
    public var kind: SectionKind
    /// The Markdown heading level (2 for `##`).
    public var level: Int
    public var title: [Inline]
    public var blocks: [Block]
    public var subsections: [Section]

    public init(
        id: String, classes: [String] = [], attributes: [Attribute] = [], number: String? = nil,
        kind: SectionKind = .standard, level: Int, title: [Inline], blocks: [Block] = [],
        subsections: [Section] = []
    ) {
        self.id = id
        self.classes = classes
        self.attributes = attributes
        self.number = number
        self.kind = kind
        self.level = level
        self.title = title
        self.blocks = blocks
        self.subsections = subsections
    }
}

/// The meaning a heading class gives a section (docs/report-markdown.md §4).
public enum SectionKind: String, Sendable, Codable, CaseIterable {
    case standard
    case summary
    case keyJudgments = "key-judgments"
    case risks
    case sources
    case appendix

    /// The heading class that selects this kind; `nil` for a plain section.
    public var className: String? {
        self == .standard ? nil : rawValue
    }

    /// The kind a heading class selects, if it selects one.
    public init?(className: String) {
        guard className != "standard", let kind = SectionKind(rawValue: className) else { return nil }
        self = kind
    }
}

/// A `key=value` pair from an attribute block, kept in source order.
public struct Attribute: Sendable, Codable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
