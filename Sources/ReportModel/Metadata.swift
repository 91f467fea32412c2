/// The report's metadata, from its front matter (docs/report-markdown.md §1).
public struct Metadata: Sendable, Codable, Equatable {
    public var title: String
    /// The title as running heads print it, when the title is too long for one line.
    public var shortTitle: String?
    public var subtitle: String?
    public var series: Series?
    /// Each edition's ISBN, where it has one.
    public var isbn: ISBNs?
    public var publisher: Publisher?
    public var authors: [Author]
    public var date: ReportDate?
    public var updated: ReportDate?
    /// A BCP 47 language tag; `en` unless the front matter says otherwise.
    public var lang: String
    /// Written in the front matter, or a UUID derived from the metadata itself.
    public var identifier: String
    public var keywords: [String]
    public var marking: Marking?
    public var rights: String?
    public var license: License?
    /// Path of the cover image, relative to the report file.
    public var cover: String?
    public var contact: String?
    public var yardstick: Yardstick
    /// The language the yardstick's terms are written in when it is not the report's
    /// (`yardstick-language: en` keeps ICD 203's or PHIA's own English terms); nil is the
    /// report's language.
    public var yardstickLanguage: String?
    /// Whether the print edition has a contents page: nil decides by the report's length
    /// (`toc: auto`, see `ContentsPage`).
    public var toc: Bool?
    /// Whether the print edition opens with a title page of its own; nil is yes.
    public var titlePage: Bool?
    /// The e-book's accessibility claim and its certifier (`accessibility:`); nil is the
    /// claim made when the book meets it, certified by the publisher.
    public var accessibility: Accessibility?
    /// Keys this version does not know, kept (and reported) rather than dropped.
    public var extra: [ExtraField]

    public init(
        title: String, shortTitle: String? = nil, subtitle: String? = nil, series: Series? = nil, publisher: Publisher? = nil,
        authors: [Author] = [], date: ReportDate? = nil, updated: ReportDate? = nil, lang: String = "en",
        identifier: String = "", keywords: [String] = [], marking: Marking? = nil, rights: String? = nil,
        license: License? = nil, cover: String? = nil, contact: String? = nil, yardstick: Yardstick = .icd203,
        extra: [ExtraField] = []
    ) {
        self.title = title
        self.shortTitle = shortTitle
        self.subtitle = subtitle
        self.series = series
        self.publisher = publisher
        self.authors = authors
        self.date = date
        self.updated = updated
        self.lang = lang
        self.identifier = identifier
        self.keywords = keywords
        self.marking = marking
        self.rights = rights
        self.license = license
        self.cover = cover
        self.contact = contact
        self.yardstick = yardstick
        self.extra = extra
    }
}

/// Whether the e-book states that it meets EPUB Accessibility 1.1 (WCAG 2.2 Level AA), and
/// who certifies it (docs/accessibility.md).
public struct Accessibility: Sendable, Codable, Equatable {
    public enum Conformance: String, Sendable, Codable, CaseIterable {
        /// Stated when the book meets every requirement Imprint checks; otherwise a warning
        /// says why it is not.
        case auto
        /// Never stated (a desk that certifies its books another way).
        case none
    }

    /// Who certifies the claim (`a11y:certifiedBy`); nil is the publisher.
    public var certifier: String?
    public var conformance: Conformance?

    public init(certifier: String? = nil, conformance: Conformance? = nil) {
        self.certifier = certifier
        self.conformance = conformance
    }
}

/// The series a report belongs to, such as a numbered periodical.
public struct Series: Sendable, Codable, Equatable {
    public var title: String?
    public var issn: ISSN?
    public var volume: Int?
    public var issue: Int?

    public init(title: String? = nil, issn: ISSN? = nil, volume: Int? = nil, issue: Int? = nil) {
        self.title = title
        self.issn = issn
        self.volume = volume
        self.issue = issue
    }
}

public struct Publisher: Sendable, Codable, Equatable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

public struct Author: Sendable, Codable, Equatable {
    public var name: String
    public var affiliation: String?
    public var email: String?

    public init(name: String, affiliation: String? = nil, email: String? = nil) {
        self.name = name
        self.affiliation = affiliation
        self.email = email
    }
}

public struct License: Sendable, Codable, Equatable {
    public var name: String
    public var url: String?

    public init(name: String, url: String? = nil) {
        self.name = name
        self.url = url
    }
}

/// Handling markings: a Traffic Light Protocol label, a classification line, a notice.
public struct Marking: Sendable, Codable, Equatable {
    public var tlp: TLP?
    public var classification: String?
    public var notice: String?

    public init(tlp: TLP? = nil, classification: String? = nil, notice: String? = nil) {
        self.tlp = tlp
        self.classification = classification
        self.notice = notice
    }
}

/// FIRST's Traffic Light Protocol 2.0 labels.
public enum TLP: String, Sendable, Codable, CaseIterable {
    case clear = "CLEAR"
    case green = "GREEN"
    case amber = "AMBER"
    case amberStrict = "AMBER+STRICT"
    case red = "RED"

    /// The label as every output writes it, e.g. `TLP:AMBER+STRICT`.
    public var label: String { "TLP:" + rawValue }
}

/// A front-matter key this version does not know, with its value kept as written.
public struct ExtraField: Sendable, Codable, Equatable {
    public var key: String
    public var value: MetadataValue

    public init(key: String, value: MetadataValue) {
        self.key = key
        self.value = value
    }
}

/// An untyped YAML value, for keys the model has no type for.
public indirect enum MetadataValue: Sendable, Codable, Equatable {
    case string(String)
    case list([MetadataValue])
    case map([ExtraField])

    /// The value flattened to one line of text, for outputs that have no structure for it.
    public var text: String {
        switch self {
        case .string(let value): value
        case .list(let values): values.map(\.text).joined(separator: ", ")
        case .map(let fields): fields.map { "\($0.key): \($0.value.text)" }.joined(separator: "; ")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([MetadataValue].self) {
            self = .list(list)
        } else {
            self = .map(try container.decode([ExtraField].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        case .map(let fields): try container.encode(fields)
        }
    }
}
