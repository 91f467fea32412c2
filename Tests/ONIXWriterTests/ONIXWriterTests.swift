import Foundation
import ReportModel
import ReportReaders
import ReportTestSupport
import SharedWriting
import Testing
import XMLSupport

@testable import ONIXWriter

/// The ONIX 3.0 record, validated against EDItEUR's schema with its code lists (the RELAX
/// NG that PyPI's onixcheck carries), through libxml2.
@Suite(.needsOutsideTools) struct ONIXWriterTests {
    static func schema() throws -> RelaxNGSchema {
        let locate = try runTool(["python3", "-c", "import onixcheck, os; print(os.path.dirname(onixcheck.__file__))"])
        guard locate.status == 0 else { throw Missing(description: "onixcheck is not installed: run Scripts/bootstrap") }
        let folder = locate.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return try RelaxNGSchema(path: folder + "/schema/rng3.0/ONIX_BookProduct_3.0_reference.rng")
    }

    struct Missing: Error, CustomStringConvertible { var description: String }

    private func record(_ report: Report, forms: [ONIXWriter.Form] = [.epub, .pdf, .docx], ua: Bool = true) throws -> String {
        let writer = ONIXWriter(options: .init(forms: forms, pdfIsUniversallyAccessible: ua, modified: 1_718_755_200))
        let (bytes, warnings) = try writer.write(Manuscript(report))
        #expect(warnings.isEmpty)
        let problems = try Self.schema().validate(try XMLDocument.parse(bytes))
        #expect(problems.isEmpty, "\(problems)")
        return String(decoding: bytes, as: UTF8.self)
    }

    private func read(_ markdown: String) throws -> Report {
        try ReportMarkdownReader.read(Array(markdown.utf8), file: "r.md", reportPath: nil).report
    }

    @Test(arguments: ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"])
    func theSamplesRecordsAreValid(name: String) throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name)).report
        let onix = try record(report)
        #expect(onix.components(separatedBy: "<Product>").count - 1 == 3)
        for form in ["E101", "E107", "E104"] { #expect(onix.contains("<ProductFormDetail>\(form)</ProductFormDetail>")) }
        let issn = try #require(report.metadata.series?.issn?.description.filter { $0 != "-" })
        #expect(onix.contains("<CollectionIDType>02</CollectionIDType>\n          <IDValue>\(issn)</IDValue>"), "\(onix)")
    }

    @Test func generatedReportsRecordsAreValid() throws {
        for seed in UInt64(1)...8 {
            var generator = ReportGenerator(seed: seed)
            var report = generator.report()
            if ONIXWriter.nonEmpty(report.metadata.publisher?.name) == nil { report.metadata.publisher = Publisher(name: "Desk") }
            _ = try record(report)
        }
    }

    /// Each product carries its own ISBN and names the others as alternative formats.
    @Test func eachEditionIsItsOwnProduct() throws {
        let report = try read("---\ntitle: T\ndate: 2026-12-08\npublisher: Desk\nisbn:\n  print: 978-0-306-40615-7\n  ebook: 979-10-90636-07-1\n---\n\nWords.\n")
        let onix = try record(report, forms: [.epub, .pdf])
        let products = onix.components(separatedBy: "<Product>").dropFirst()
        #expect(products.count == 2)
        #expect(products.first?.contains("<ProductIDType>15</ProductIDType>\n      <IDValue>9791090636071</IDValue>") == true, "\(onix)")
        #expect(products.last?.contains("<ProductIDType>15</ProductIDType>\n      <IDValue>9780306406157</IDValue>") == true)
        #expect(products.first?.contains("<ProductRelationCode>06</ProductRelationCode>\n        <ProductIdentifier>\n          <ProductIDType>15</ProductIDType>\n          <IDValue>9780306406157</IDValue>") == true)
        #expect(onix.contains("<Date>20261208</Date>") && onix.contains("<SentDateTime>20240619T000000Z</SentDateTime>"))
    }

    /// The e-book's accessibility as the book has it: the conformance and its certifier only
    /// when the book states them; the PDF's PDF/UA-1 only when it is made so.
    @Test func theAccessibilityIsWhatTheBookHas() throws {
        let described = try read("---\ntitle: T\npublisher: Desk\n---\n\nWords.\n")
        let claimed = try record(described, forms: [.epub])
        for code in ["04", "82", "85", "90", "11", "13"] {
            #expect(claimed.contains("<ProductFormFeatureValue>\(code)</ProductFormFeatureValue>"), "\(code)")
        }
        #expect(claimed.contains("<ProductFormFeatureDescription>Desk</ProductFormFeatureDescription>"))
        var unmarked = described
        unmarked.metadata.yardstickLanguage = "fr"
        let unclaimed = try record(unmarked, forms: [.epub])
        for code in ["04", "82", "85", "90"] { #expect(!unclaimed.contains("<ProductFormFeatureValue>\(code)</ProductFormFeatureValue>"), "\(code)") }
        #expect(try record(described, forms: [.pdf]).contains("<ProductFormFeatureValue>05</ProductFormFeatureValue>"))
        #expect(!(try record(described, forms: [.pdf], ua: false)).contains("<ProductFormFeatureValue>05</ProductFormFeatureValue>"))
    }

    @Test func aRecordNeedsAPublisher() throws {
        let writer = ONIXWriter(options: .init(forms: [.epub], pdfIsUniversallyAccessible: true, modified: 0))
        #expect(throws: DiagnosticError.self) { try writer.write(Manuscript(try read("---\ntitle: T\n---\n\nWords.\n"))) }
    }

    @Test func languagesAreNamedAsONIXNamesThem() {
        #expect(LanguageCodes.bibliographic(for: "en-GB") == "eng")
        #expect(LanguageCodes.bibliographic(for: "fr-CH") == "fre")
        #expect(LanguageCodes.bibliographic(for: "zh-Hans") == "chi")
        #expect(LanguageCodes.bibliographic(for: "ger") == "ger")
        #expect(LanguageCodes.bibliographic(for: "tlh") == "und")
    }
}
