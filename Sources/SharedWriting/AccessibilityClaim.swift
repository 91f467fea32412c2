import ReportModel

/// Whether the e-book of a report may state that it meets EPUB Accessibility 1.1 at WCAG 2.2
/// Level AA (`dcterms:conformsTo`), who certifies it, and why the claim is left out when it
/// is. What the writers give every book (a language on each document, page titles,
/// landmarks, headings in order, table headers, the matrix as text, the TLP labels'
/// contrast) is tested with the writers; what depends on the report is checked here
/// (docs/accessibility.md lists both).
public struct AccessibilityClaim: Sendable {
    /// The conformance the package states, in the words EPUB Accessibility 1.1 gives it.
    public static let conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

    /// Why the book cannot claim conformance, one clause each; empty when it can.
    public let obstacles: [String]
    /// Whether the report (or its desk) asks for the claim (`accessibility.conformance`).
    public let isAsked: Bool
    /// Who certifies the claim: the desk's `accessibility.certifier`, else the publisher;
    /// nil when neither is named.
    public let certifier: String?

    /// Whether the package states the claim.
    public var isStated: Bool { isAsked && obstacles.isEmpty }
    /// Whether the book shows images or the risk matrix (it is then read visually too).
    public let isVisual: Bool
    /// Whether every image has alt text.
    public let allDescribed: Bool
    /// Whether the book draws a risk matrix, whose register gives its risks as text.
    public let hasMatrix: Bool

    /// Whether the book shows images (figures or inline).
    public let hasImages: Bool

    /// The accessibility summary, in the report's language: what the book offers, whether
    /// its images are described, and that the risk matrix is given as text too.
    public func summary(_ words: Words) -> String {
        var sentences = [words[.accessibilitySummary]]
        if hasImages { sentences.append(words[allDescribed ? .accessibilityDescribed : .accessibilityUndescribed]) }
        if hasMatrix { sentences.append(words[.accessibilityMatrix]) }
        return sentences.joined(separator: " ")
    }

    /// `deskStyleSheets`: the paths of the desk's own style sheets the e-book carries after
    /// its own, whose colours and sizes Imprint cannot answer for.
    public init(report: Report, deskStyleSheets: [String] = []) {
        let metadata = report.metadata
        isAsked = metadata.accessibility?.conformance != Accessibility.Conformance.none
        certifier = [metadata.accessibility?.certifier, metadata.publisher?.name]
            .compactMap { $0 }.first { !$0.allSatisfy(\.isWhitespace) }
        var obstacles: [String] = []
        var alts: [String] = []
        var hasMatrix = false
        report.forEachBlock { block in
            switch block {
            case .figure(let figure): alts.append(figure.alt)
            case .risks(let risks): hasMatrix = hasMatrix || risks.contains { $0.likelihood != nil && $0.impact != nil }
            default: break
            }
            if case .table(let table) = block, table.header.cells.allSatisfy({ $0.plainText.allSatisfy(\.isWhitespace) }) {
                obstacles.append("table \(table.number) has no header row: name each column in its first row")
            }
            guard case .figure(let figure) = block else { return }
            if figure.alt.allSatisfy(\.isWhitespace) {
                obstacles.append(
                    "figure \(figure.number) ('\(figure.source)') has no alt text: describe the image after it, ![caption](\(figure.source)){alt=\"…\"}")
            } else if figure.alt == figure.caption.plainText {
                obstacles.append(
                    "figure \(figure.number) ('\(figure.source)') has no alt text of its own, only its caption repeated: describe the image after it, ![caption](\(figure.source)){alt=\"…\"}")
            }
        }
        report.forEachInline { inline in
            if case .image(let image) = inline { alts.append(image.alt) }
            switch inline {
            case .image(let image) where image.alt.allSatisfy(\.isWhitespace):
                obstacles.append("the image '\(image.source)' has no alt text: write it between the brackets, ![…](\(image.source))")
            case .link(let link) where Self.isWordless(link.content):
                obstacles.append("the link to '\(link.url)' has no words that say where it leads: write them between the brackets, [words](\(link.url))")
            default: break
            }
        }
        if let terms = metadata.yardstickLanguage, Words.primaryLanguage(of: terms) != Words.primaryLanguage(of: metadata.lang) {
            obstacles.append(
                "the yardstick's terms are in '\(terms)' inside a book in '\(metadata.lang)', and they are not marked as another language: remove 'yardstick-language' to have them in the book's language")
        }
        for path in deskStyleSheets {
            obstacles.append("the e-book carries the desk's style sheet '\(path)', whose colours and sizes Imprint cannot check: check them against WCAG 2.2 yourself, then set accessibility: {conformance: none} and state the claim your own way")
        }
        self.obstacles = obstacles
        self.hasMatrix = hasMatrix
        hasImages = !alts.isEmpty
        isVisual = hasImages || hasMatrix
        allDescribed = alts.allSatisfy { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Whether a link's content gives a reader nothing to read: no text, no image with alt text.
    private static func isWordless(_ content: [Inline]) -> Bool {
        guard content.plainText.allSatisfy(\.isWhitespace) else { return false }
        return !content.contains { inline in
            if case .image(let image) = inline { return !image.alt.allSatisfy(\.isWhitespace) }
            return false
        }
    }
}
