import ReportModel
import Testing

@testable import SharedWriting

/// When an e-book may claim EPUB Accessibility 1.1 (WCAG 2.2 Level AA), and who certifies it.
@Suite struct AccessibilityClaimTests {
    private func report(_ blocks: [Block], _ metadata: Metadata = Metadata(title: "T")) -> Report {
        Report(metadata: metadata, lead: blocks)
    }

    private func figure(alt: String, caption: String = "Ice extent, 2025") -> Block {
        .figure(Figure(number: 1, source: "images/ice.svg", caption: [.text(caption)], alt: alt))
    }

    @Test func aBookWhoseImagesAreDescribedClaimsIt() {
        let claim = AccessibilityClaim(report: report([figure(alt: "A map: the ice edge 300 km further north than in 2015.")]))
        #expect(claim.obstacles.isEmpty && claim.isStated)
    }

    @Test func anImageWithoutAltTextOfItsOwnLeavesTheClaimOut() {
        // The caption alone (the reader's default alt) describes nothing of the image.
        let repeated = AccessibilityClaim(report: report([figure(alt: "Ice extent, 2025")]))
        #expect(!repeated.isStated)
        #expect(repeated.obstacles.count == 1 && repeated.obstacles[0].contains("figure 1 ('images/ice.svg')"), "\(repeated.obstacles)")
        let empty = AccessibilityClaim(report: report([figure(alt: " ", caption: "")]))
        #expect(empty.obstacles.first?.contains("has no alt text") == true)
        let inline = AccessibilityClaim(report: report([.paragraph([.text("See "), .image(InlineImage(source: "images/x.png", alt: ""))])]))
        #expect(inline.obstacles.first?.contains("'images/x.png'") == true, "\(inline.obstacles)")
    }

    @Test func aTableWithoutHeadersLeavesTheClaimOut() {
        let table = Table(number: 2, alignments: [.none], header: TableRow(cells: []), rows: [TableRow(cells: [[.text("1")]])])
        #expect(AccessibilityClaim(report: report([.table(table)])).obstacles == ["table 2 has no header row: name each column in its first row"])
        // A header row of empty cells (`| | |`) names nothing either.
        let blank = Table(number: 3, alignments: [.none, .none], header: TableRow(cells: [[], [.text(" ")]]), rows: [TableRow(cells: [[.text("1")], [.text("2")]])])
        #expect(AccessibilityClaim(report: report([.table(blank)])).obstacles.first?.hasPrefix("table 3 has no header row") == true)
    }

    /// A desk's own style sheet may set any colour: Imprint cannot answer for it.
    @Test func aDesksStyleSheetLeavesTheClaimOut() {
        let claim = AccessibilityClaim(report: report([]), deskStyleSheets: ["house/brand.css"])
        #expect(!claim.isStated && claim.obstacles.first?.contains("'house/brand.css'") == true)
    }

    @Test func aLinkWithoutWordsLeavesTheClaimOut() {
        let wordless = AccessibilityClaim(report: report([.paragraph([.link(Link(url: "https://example.org", content: []))])]))
        #expect(wordless.obstacles.first?.contains("https://example.org") == true)
        // An image with alt text gives a link its words.
        let pictured = AccessibilityClaim(report: report([.paragraph([
            .link(Link(url: "https://example.org", content: [.image(InlineImage(source: "a.png", alt: "The desk's site"))]))
        ])]))
        #expect(pictured.obstacles.isEmpty)
    }

    @Test func yardstickTermsInAnotherLanguageLeaveTheClaimOut() {
        var metadata = Metadata(title: "T", lang: "fr")
        metadata.yardstickLanguage = "en"
        #expect(AccessibilityClaim(report: report([], metadata)).obstacles.first?.contains("'en' inside a book in 'fr'") == true)
        metadata.lang = "en-GB"
        #expect(AccessibilityClaim(report: report([], metadata)).obstacles.isEmpty, "a region of the same language is the same language")
    }

    /// The summary speaks of images only when there are some, and of the matrix only when
    /// the book draws one.
    @Test func theSummarySaysWhatTheBookHas() {
        let words = Words(language: "en")
        let risk = Risk(title: [.text("Strikes")], blocks: [], likelihood: .icd203(.likely), impact: .major)
        let matrix = AccessibilityClaim(report: report([.risks([risk])])).summary(words)
        #expect(matrix.hasSuffix("The risk matrix is also given as a table and described in words.") && !matrix.contains("image"), "\(matrix)")
        let pictured = AccessibilityClaim(report: report([figure(alt: "A map.")])).summary(words)
        #expect(pictured.hasSuffix("Every image has a text alternative.") && !pictured.contains("matrix"), "\(pictured)")
        #expect(!AccessibilityClaim(report: report([])).summary(words).contains("image"))
    }

    @Test func theDeskDecidesWhetherAndWhoCertifies() {
        var metadata = Metadata(title: "T", publisher: Publisher(name: "SpecialEurasia"))
        #expect(AccessibilityClaim(report: report([], metadata)).certifier == "SpecialEurasia")
        metadata.accessibility = Accessibility(certifier: "Accessible Books Audit Ltd")
        #expect(AccessibilityClaim(report: report([], metadata)).certifier == "Accessible Books Audit Ltd")
        metadata.accessibility?.conformance = Accessibility.Conformance.none
        let declined = AccessibilityClaim(report: report([], metadata))
        #expect(!declined.isAsked && !declined.isStated)
        #expect(AccessibilityClaim(report: report([], Metadata(title: "T"))).certifier == nil)
    }
}
