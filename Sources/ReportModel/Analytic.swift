/// A key judgment: a bold lead-in that is its title, a body, and how sure the analyst is.
public struct KeyJudgment: Sendable, Codable, Equatable {
    public var id: String?
    public var title: [Inline]
    /// How the author closed the title: with a full stop ("**Attacks continue.** The…",
    /// true) or a colon (false), which every edition keeps, in the language's form; nil
    /// when with neither (then the language's rule, `LeadIn`).
    public var titleEndsSentence: Bool?
    /// The rest of the item: its first paragraph after the lead-in, then any further blocks.
    public var blocks: [Block]
    public var likelihood: Likelihood?
    public var confidence: Confidence?
    /// What would follow if the judgment holds (docs/report-markdown.md allows it on judgments as on risks).
    public var impact: Impact?
    /// Other attributes on the item, in source order.
    public var attributes: [Attribute]

    public init(
        id: String? = nil, title: [Inline], blocks: [Block], likelihood: Likelihood? = nil,
        confidence: Confidence? = nil, impact: Impact? = nil, attributes: [Attribute] = []
    ) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.likelihood = likelihood
        self.confidence = confidence
        self.impact = impact
        self.attributes = attributes
    }
}

/// An entry of the risk register.
public struct Risk: Sendable, Codable, Equatable {
    public var id: String?
    public var title: [Inline]
    /// How the author closed the title: with a full stop ("**Attacks continue.** The…",
    /// true) or a colon (false), which every edition keeps, in the language's form; nil
    /// when with neither (then the language's rule, `LeadIn`).
    public var titleEndsSentence: Bool?
    public var blocks: [Block]
    public var likelihood: Likelihood?
    public var impact: Impact?
    public var confidence: Confidence?
    public var attributes: [Attribute]

    public init(
        id: String? = nil, title: [Inline], blocks: [Block], likelihood: Likelihood? = nil,
        impact: Impact? = nil, confidence: Confidence? = nil, attributes: [Attribute] = []
    ) {
        self.id = id
        self.title = title
        self.blocks = blocks
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
        self.attributes = attributes
    }
}

/// A source the report relies on, with its Admiralty grade when given.
public struct Source: Sendable, Codable, Equatable {
    public var id: String?
    public var blocks: [Block]
    public var grade: AdmiraltyGrade?
    public var attributes: [Attribute]

    public init(id: String? = nil, blocks: [Block], grade: AdmiraltyGrade? = nil, attributes: [Attribute] = []) {
        self.id = id
        self.blocks = blocks
        self.grade = grade
        self.attributes = attributes
    }
}
