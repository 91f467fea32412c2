import ReportModel
import ReportTestSupport
import Testing
@testable import ReportReaders

@Suite struct FrontMatterTests {
    @Test func readsEveryKey() throws {
        let result = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md"))
        let metadata = result.report.metadata
        #expect(metadata.title == "Ice and Iron: Shipping on the Northern Sea Route, 2025–2027")
        #expect(metadata.subtitle?.hasPrefix("An illustrative outlook") == true)
        #expect(metadata.series == Series(title: "Imprint Sample Briefs", issn: ISSN("0317-8471"), volume: 2, issue: 1))
        #expect(metadata.publisher == Publisher(name: "Imprint Sample Press", url: "https://example.org/imprint"))
        #expect(metadata.authors.count == 3)
        #expect(metadata.authors[0] == Author(name: "Ingrid Solberg", affiliation: "Imprint Sample Press, Arctic Desk", email: "arctic-desk@example.org"))
        #expect(metadata.authors[2] == Author(name: "김서연 (Kim Seo-yeon)"))
        #expect(metadata.date == ReportDate("2025-03-14"))
        #expect(metadata.updated == ReportDate("2025-04-02"))
        #expect(metadata.lang == "en-GB")
        #expect(metadata.keywords.contains("북극항로"))
        #expect(metadata.marking == Marking(tlp: .amber, classification: "UNCLASSIFIED//FOR TRAINING USE ONLY", notice: "Sample document. Share only within your organisation and its clients on a need-to-know basis."))
        #expect(metadata.rights == "© 2025 Imprint Sample Press")
        #expect(metadata.license == License(name: "CC BY 4.0", url: "https://creativecommons.org/licenses/by/4.0/"))
        #expect(metadata.cover == "images/arctic-cover.svg")
        #expect(metadata.contact == "arctic-desk@example.org")
        #expect(metadata.yardstick == .phia)
        #expect(metadata.identifier.hasPrefix("urn:uuid:"))
        #expect(result.warnings.isEmpty, "\(result.warnings)")
    }

    @Test func defaultsLanguageAndYardstick() throws {
        let metadata = try read(report("Text.")).report.metadata
        #expect(metadata.lang == "en")
        #expect(metadata.yardstick == .icd203)
    }

    @Test func keepsAndReportsUnknownKeys() throws {
        let result = try read(report("Text.", frontMatter: "desk: Arctic\nreviewers: [A, B]\n"))
        #expect(result.report.metadata.extra == [
            ExtraField(key: "desk", value: .string("Arctic")),
            ExtraField(key: "reviewers", value: .list([.string("A"), .string("B")])),
        ])
        #expect(result.warnings.map(\.location?.line) == [3, 4])
        #expect(result.warnings[0].message.contains("unknown front matter key 'desk'"))
    }

    @Test func acceptsShortFormsOfPublisherAndLicense() throws {
        let metadata = try read(report("x", frontMatter: "publisher: SpecialEurasia\nlicense: CC BY 4.0\n")).report.metadata
        #expect(metadata.publisher == Publisher(name: "SpecialEurasia"))
        #expect(metadata.license == License(name: "CC BY 4.0"))
    }

    @Test func identifierIsDerivedFromMetadataAndStable() throws {
        let first = try read(report("Body one.")).report.metadata.identifier
        let again = try read(report("Body two, different.")).report.metadata.identifier
        let other = try read(report("Body one.", frontMatter: "subtitle: Other\n")).report.metadata.identifier
        #expect(first == again)
        #expect(first != other)
        #expect(first.range(of: #"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"#, options: .regularExpression) != nil)
        let given = try read(report("x", frontMatter: "identifier: SE-43-7\n")).report.metadata.identifier
        #expect(given == "SE-43-7")
    }

    @Test func titleMayComeFromTheHeadingWithoutFrontMatter() throws {
        let result = try read("# Only a Heading\n\nBody.\n")
        #expect(result.report.metadata.title == "Only a Heading")
        #expect(result.report.lead == [.paragraph([.text("Body.")])])
    }

    @Test func aReportNeedsATitle() {
        let found = errors("Just text.\n")
        #expect(found.count == 1)
        #expect(found[0].message.contains("no title"))
    }

    @Test func headingMustEqualTheTitle() {
        let found = errors(report("# Another Title\n\nText."))
        #expect(found.count == 1)
        #expect(found[0].message.contains("differs from the title"))
        #expect(found[0].location?.line == 5)
        #expect((try? read(report("# Test Report\n\nText.")))?.report.lead.count == 1)
    }

    @Test func onlyOneTitleHeading() {
        let found = errors(report("# Test Report\n\n# Test Report\n"))
        #expect(found.map(\.location?.line) == [7])
    }

    @Test func malformedYAMLNamesTheLine() {
        let found = errors("---\ntitle: T\nseries: [unclosed\n---\n")
        #expect(found.count == 1)
        #expect(found[0].location?.file.hasSuffix("report.md") == true)
        #expect((3...4).contains(found[0].location?.line ?? 0))
        #expect(found[0].message.contains("not valid YAML"))
    }

    /// The YAML mistakes a first report makes are told with what to do; one name is an
    /// author.
    @Test func yamlSlipsSayWhatToDo() throws {
        let tab = errors("---\ntitle: T\n\tsubtitle: x\n---\n\nText.\n")
        #expect(tab.first?.message.contains("YAML indents with spaces, never tabs") == true, "\(tab)")
        let colon = errors("---\ntitle: Le Sahel : enjeux\n---\n\nText.\n")
        #expect(colon.first?.message.contains(#"is quoted: title: "Le Sahel : enjeux""#) == true, "\(colon)")
        let one = try read("---\ntitle: T\nauthors: Ingrid Sørensen\n---\n\nText.\n").report.metadata.authors
        #expect(one.map(\.name) == ["Ingrid Sørensen"])
        let several = try read("---\ntitle: T\nauthors: Ann Smith, Bob Jones\n---\n\nText.\n").warnings.map(\.message)
        #expect(several.contains { $0.contains("for several, write a list") }, "\(several)")
    }

    @Test func unclosedFrontMatter() {
        let found = errors("---\ntitle: T\n\nText.\n")
        #expect(found.count == 1)
        #expect(found[0].location?.line == 1)
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(errors("---\n- a\n- b\n---\n").first?.message.contains("mapping") == true)
    }

    @Test func duplicateKeysAreErrors() {
        let found = errors("---\ntitle: A\ntitle: B\n---\n")
        #expect(found.count == 1)
        #expect(found[0].location?.line == 2)
        #expect(found[0].message.contains("'title' more than once"))
    }

    @Test func verifiesTheISSNCheckDigit() {
        let found = errors(report("x", frontMatter: "series:\n  title: S\n  issn: 2785-2597\n"))
        #expect(found.count == 1)
        #expect(found[0].message.contains("wrong check digit"))
        #expect(found[0].message.contains("must be 8"))
        #expect(found[0].location == SourceLocation(file: found[0].location!.file, line: 5, column: 9))
    }

    @Test(arguments: [
        ("series:\n  issn: 27852598\n", "NNNN-NNNC"),
        ("series:\n  volume: forty\n", "whole number"),
        ("date: 19 June 2024\n", "YYYY-MM-DD"),
        ("updated: 2024-02-30\n", "YYYY-MM-DD"),
        ("lang: english language\n", "BCP 47"),
        ("marking:\n  tlp: ORANGE\n", "CLEAR, GREEN, AMBER, AMBER+STRICT, RED"),
        ("yardstick: NATO\n", "ICD203 or PHIA"),
        ("authors: {name: Jane Doe}\n", "must be a list"),
        ("authors:\n  - affiliation: X\n", "needs a 'name'"),
        ("keywords: one\n", "must be a list"),
        ("title: [a, b]\n", "must be text"),
        ("cover: missing.svg\n", "does not exist"),
        ("isbn:\n  print: 978-0-306-40615-8\n", "ISBN 978-0-306-40615-8 fails its check digit: a digit is probably mistyped"),
        ("isbn:\n  print: 0-306-40651-2\n", "ISBN 0-306-40651-2 fails its check digit"),
        ("isbn:\n  print: 978 -0-306-40615-7\n", "must be an ISBN-13"),
        ("isbn:\n  ebook: 0-306-40615-2\n", "0-306-40615-2 is an ISBN-10; give the ISBN-13, 9780306406157"),
        ("isbn:\n  print: 4006381333931\n", "must begin with 978 or 979"),
        ("isbn:\n  print: ISBN 978\n", "must be an ISBN-13"),
        ("isbn: 978-0-306-40615-7\n", "write isbn: {print: …, ebook: …}"),
        ("isbn:\n  print: 978-0-306-40615-7\n  ebook: 9780306406157\n", "given to both the print edition and the e-book"),
        ("isbn:\n  audio: 978-0-306-40615-7\n", "unknown key 'audio'"),
        ("accessibility:\n  conformance: always\n", "must be auto (the claim made when the e-book meets it) or none"),
        ("accessibility:\n  certifed: X\n", "unknown key 'certifed'"),
    ])
    func badValuesAreErrorsAtTheirLine(frontMatter: String, expected: String) {
        let found = errors("---\n\(frontMatter)---\n\nText.\n")
        #expect(found.contains { $0.message.contains(expected) }, "\(found)")
        #expect(found.allSatisfy { ($0.location?.line ?? 0) >= 2 })
    }

    @Test func readsEachEditionsISBN() throws {
        let metadata = try read(report("x", frontMatter: "isbn:\n  print: 978-0-306-40615-7\n  ebook: 979 10 90636 07 1\n")).report.metadata
        #expect(metadata.isbn == ISBNs(print: ISBN("978-0-306-40615-7"), ebook: ISBN("979-10-90636-07-1")))
    }

    @Test func readsTheAccessibilityClaim() throws {
        let metadata = try read(report("x", frontMatter: "accessibility:\n  conformance: none\n  certifier: Audit Ltd\n")).report.metadata
        #expect(metadata.accessibility == Accessibility(certifier: "Audit Ltd", conformance: Accessibility.Conformance.none))
    }

    @Test func acceptsTLPWithPrefix() throws {
        let metadata = try read(report("x", frontMatter: "marking:\n  tlp: TLP:AMBER+STRICT\n")).report.metadata
        #expect(metadata.marking?.tlp == .amberStrict)
    }

    @Test func refusesAliasBombs() {
        var yaml = "title: T\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...8 {
            yaml += "b\(level): &b\(level) [" + Array(repeating: level == 1 ? "*a" : "*b\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let found = errors("---\n\(yaml)---\n")
        #expect(found.contains { $0.message.contains("aliases") })
    }
}
