import Foundation
import ReportModel
import ReportReaders
import ReportTestSupport
import SharedWriting
import Testing

@testable import EPUBWriter

/// The e-book states EPUB Accessibility 1.1 (WCAG 2.2 Level AA) conformance only when it
/// meets it: what the claim stands on is checked in the book by `Scripts/accessibility_check.py`.
@Suite(.needsOutsideTools) struct AccessibilityTests {
    static let checker = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/accessibility_check.py").path

    /// What the checker finds wrong in the book (nothing: an empty string).
    private func problems(in bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "imprint-a11y-" + UUID().uuidString + ".epub"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runTool(["python3", Self.checker, path])
        try #require(result.status == 0, "\(result.output)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The book of `markdown`, read from a folder that holds `images`.
    private func book(_ markdown: String, images: [String: [UInt8]] = [:]) throws -> (package: String, bytes: [UInt8], warnings: [Diagnostic]) {
        let folder = NSTemporaryDirectory() + "imprint-a11y-" + UUID().uuidString
        for (path, bytes) in images {
            let url = URL(fileURLWithPath: folder + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: folder + "/r.md"))
        let report = try ReportMarkdownReader.read(fileAt: folder + "/r.md").report
        let writer = EPUBWriter(options: .init(stylesheet: EPUBWriterTests.stylesheet, modified: 0))
        let (bytes, warnings) = try writer.write(Manuscript(report, images: ImageFile.files(images)))
        let package = try #require(try entries(of: bytes).first { $0.path == "EPUB/package.opf" }?.text)
        return (package, bytes, warnings)
    }

    static let claim = #"<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>"#

    @Test(arguments: ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"])
    func theSamplesClaimItAndMeetIt(name: String) throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name)).report
        var images: [String: [UInt8]] = [:]
        for path in report.imagePaths { images[path] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: samplePath(path)))) }
        let writer = EPUBWriter(options: .init(stylesheet: EPUBWriterTests.stylesheet, modified: 0))
        let (bytes, warnings) = try writer.write(Manuscript(report, images: ImageFile.files(images)))
        let package = try #require(try entries(of: bytes).first { $0.path == "EPUB/package.opf" }?.text)
        #expect(package.contains(Self.claim), "\(package)")
        let certifier = try #require(report.metadata.publisher?.name)
        #expect(package.contains(#"<meta property="a11y:certifiedBy">\#(certifier)</meta>"#))
        #expect(!warnings.contains { $0.code == .accessibilityUnmet })
        #expect(try problems(in: bytes) == "")
    }

    /// Every generated report whose book states the claim meets what the checker checks.
    @Test func generatedBooksThatClaimItMeetIt() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#.utf8)
        var claimed = 0
        for seed in UInt64(1)...60 {
            var generator = ReportGenerator(seed: seed)
            let report = generator.report()
            guard AccessibilityClaim(report: report).isStated else { continue }
            let images = Dictionary(uniqueKeysWithValues: report.imagePaths.map { ($0, svg) })
            let writer = EPUBWriter(options: .init(stylesheet: EPUBWriterTests.stylesheet, modified: 0))
            let bytes = try writer.write(Manuscript(report, images: ImageFile.files(images))).bytes
            claimed += 1
            #expect(try entries(of: bytes).first { $0.path == "EPUB/package.opf" }?.text.contains(Self.claim) == true)
            let found = try problems(in: bytes)
            #expect(found.isEmpty, "seed \(seed): \(found)")
        }
        #expect(claimed > 0, "no generated report claims conformance: the test checks nothing")
    }

    @Test func aFigureWithoutAltTextLeavesTheClaimOutAndSaysWhy() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#.utf8)
        let markdown = "---\ntitle: T\ndate: 2026-12-08\n---\n\n![Ice extent](images/ice.svg)\n"
        let (package, bytes, warnings) = try book(markdown, images: ["images/ice.svg": svg])
        #expect(!package.contains("dcterms:conformsTo") && !package.contains("a11y:certifiedBy"))
        let warning = try #require(warnings.first { $0.code == .accessibilityUnmet })
        #expect(warning.message.contains("figure 1 ('images/ice.svg') has no alt text of its own"), "\(warning.message)")
        #expect(try epubCheck(bytes).contains(cleanEPUBCheck))
        // Described, it claims; declined, it neither claims nor warns.
        let described = try book(markdown.replacingOccurrences(of: ".svg)", with: ".svg){alt=\"A square.\"}"), images: ["images/ice.svg": svg])
        #expect(described.package.contains(Self.claim) && described.warnings.isEmpty, "\(described.warnings)")
        let declined = try book(markdown.replacingOccurrences(of: "---\n\n", with: "accessibility:\n  conformance: none\n---\n\n"), images: ["images/ice.svg": svg])
        #expect(!declined.package.contains("dcterms:conformsTo") && declined.warnings.isEmpty, "\(declined.warnings)")
    }

    @Test func theDesksCertifierCertifies() throws {
        let markdown = "---\ntitle: T\ndate: 2026-12-08\npublisher: Desk\naccessibility:\n  certifier: Audit Ltd\n---\n\nWords.\n"
        let (package, bytes, _) = try book(markdown)
        #expect(package.contains(#"<meta property="a11y:certifiedBy">Audit Ltd</meta>"#))
        #expect(try epubCheck(bytes).contains(cleanEPUBCheck))
    }
}
