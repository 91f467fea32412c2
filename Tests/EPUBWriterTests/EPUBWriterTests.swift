import Foundation
import Testing
import ReportModel
import SharedWriting
import ReportReaders
import ReportTestSupport
@testable import EPUBWriter

@Suite(.needsOutsideTools) struct EPUBWriterTests {
    static let stylesheet = (try? String(contentsOfFile: Repository.path("Styles/epub.css"), encoding: .utf8)) ?? ""

    /// The sample as an EPUB, with its images read from the Samples folder.
    private func book(_ name: String, modified: Int = 1_718_755_200, splitDepth: Int = 1) throws -> (Report, [UInt8]) {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name)).report
        var resources: [String: [UInt8]] = [:]
        for path in report.imagePaths {
            resources[path] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: samplePath(path))))
        }
        let writer = EPUBWriter(options: .init(
            splitDepth: splitDepth, stylesheet: EPUBWriterTests.stylesheet,
            modified: modified))
        let (bytes, warnings) = try writer.write(Manuscript(report, images: ImageFile.files(resources)))
        #expect(warnings.isEmpty)
        return (report, bytes)
    }

    @Test(arguments: ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"])
    func samplesPassEPUBCheck(name: String) throws {
        let summary = try epubCheck(book(name).1)
        #expect(summary.contains(cleanEPUBCheck), "\(summary)")
    }

    @Test func deeperSplitsPassEPUBCheckToo() throws {
        let (_, bytes) = try book("arctic-shipping-outlook.md", splitDepth: 2)
        let summary = try epubCheck(bytes)
        #expect(summary.contains(cleanEPUBCheck), "\(summary)")
        #expect(try entries(of: bytes).count(where: { $0.path.hasPrefix("EPUB/text/section-") }) > 7)
    }

    /// Blocks of many parts, streamed a part at a time inside the part that holds them,
    /// make a valid book whose every note reference finds its note.
    @Test func longBlocksPassEPUBCheck() throws {
        let markdown = LongBlocks.markdown(parts: 258)
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "long.md", reportPath: nil).report
        let writer = EPUBWriter(options: .init(stylesheet: EPUBWriterTests.stylesheet, modified: 0))
        let summary = try epubCheck(writer.write(report).bytes)
        #expect(summary.contains(cleanEPUBCheck), "\(summary)")
    }

    @Test func generatedReportsPassEPUBCheck() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>"#.utf8)
        for seed in UInt64(1)...6 {
            var generator = ReportGenerator(seed: seed)
            let report = generator.report()
            let resources = Dictionary(uniqueKeysWithValues: report.imagePaths.map { ($0, svg) })
            let writer = EPUBWriter(options: .init(stylesheet: EPUBWriterTests.stylesheet, modified: 0))
            let bytes = try writer.write(Manuscript(report, images: ImageFile.files(resources))).bytes
            let summary = try epubCheck(bytes)
            if !summary.contains(cleanEPUBCheck) {
                let path = NSTemporaryDirectory() + "imprint-epub-seed-\(seed).epub"
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                Issue.record("seed \(seed): \(summary); the book is in \(path)")
            }
        }
    }

    /// The navigation document, the NCX and the package document, serialised entry by
    /// entry as they are built, are the bytes of their whole trees, for the samples and for
    /// generated reports (with subsections, a lead or none, untitled sections), split at
    /// depths 1 and 2.
    @Test func streamedListsAreTheWholeTreesSerialised() throws {
        var reports = try ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"].map {
            try ReportMarkdownReader.read(fileAt: samplePath($0)).report
        }
        for seed in UInt64(1)...60 {
            var generator = ReportGenerator(seed: seed)
            reports.append(generator.report())
        }
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"/>"#.utf8)
        for (index, report) in reports.enumerated() {
            let paths = report.imagePaths
            let resources = Dictionary(uniqueKeysWithValues: paths.map { ($0, svg) })
            for depth in [1, 2] {
                let book = try EPUBBook(Manuscript(report, images: ImageFile.files(resources)), splitDepth: depth)
                func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }
                let navigation = NavigationDocument(report: report, book: book)
                #expect(text(gathered(navigation.write)) == text(navigation.make().serializedAsPolyglotHTML()), "report \(index), depth \(depth)")
                let ncx = NCXDocument(report: report, book: book)
                #expect(text(gathered(ncx.write)) == text(ncx.make().serialized()), "report \(index), depth \(depth)")
                let options = EPUBWriter.Options(stylesheet: "", modified: 0)
                let svgDocuments: Set<String> = book.documents.count > 3 ? [book.documents[3].file] : []
                let package = PackageDocument(report: report, book: book, options: options, svgDocuments: svgDocuments)
                #expect(text(gathered(package.write)) == text(package.make().serialized()), "report \(index), depth \(depth)")
            }
        }
    }

    /// A lead of thousands of paragraphs (the hostile case of 20,000 notes) is split over
    /// documents of at most `leadBlocksPerDocument` blocks, each note at the end of the one
    /// that first refers to it, and the book stays valid.
    @Test func aLongLeadIsSplitOverDocuments() throws {
        var markdown = "---\ntitle: Long Lead\ndate: 2025-01-01\n---\n\n"
        for index in 1...450 { markdown += "Claim \(index).[^n\(index)]\n\n" }
        for index in 1...450 { markdown += "[^n\(index)]: Note \(index).\n" }
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "lead.md", reportPath: nil).report
        let writer = EPUBWriter(options: .init(
            stylesheet: EPUBWriterTests.stylesheet, modified: 0))
        let bytes = try writer.write(report).bytes
        let files = try entries(of: bytes).filter { $0.path.hasPrefix("EPUB/text/lead") }
        #expect(files.map(\.path) == ["EPUB/text/lead.xhtml", "EPUB/text/lead-2.xhtml", "EPUB/text/lead-3.xhtml"])
        for (index, file) in files.enumerated() {
            let first = index * EPUBBook.leadBlocksPerDocument + 1
            #expect(file.text.contains("Claim \(first).") && file.text.contains(#"id="fn-n\#(first)""#), "\(file.path)")
            #expect(!file.text.contains("Claim \(first - 1).<"), "\(file.path)")
        }
        #expect(try epubCheck(bytes).contains(cleanEPUBCheck))
    }

    @Test func twoBuildsAreByteIdentical() throws {
        #expect(try book("arctic-shipping-outlook.md").1 == book("arctic-shipping-outlook.md").1)
    }

    @Test func mimetypeComesFirstStoredWithoutExtraField() throws {
        let bytes = try book("putin-visit-north-korea.md").1
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes[8] == 0 && bytes[9] == 0, "compression method must be stored")
        #expect(bytes[26] == 8 && bytes[27] == 0, "file name length")
        #expect(bytes[28] == 0 && bytes[29] == 0, "extra field length")
        #expect(String(decoding: bytes[30..<38], as: UTF8.self) == "mimetype")
        #expect(String(decoding: bytes[38..<58], as: UTF8.self) == "application/epub+zip")
        let paths = try entries(of: bytes).map(\.path)
        #expect(Array(paths.prefix(4)) == ["mimetype", "META-INF/container.xml", "EPUB/styles/epub.css", "EPUB/text/cover.xhtml"])
        #expect(paths.last == "EPUB/package.opf")
    }

    /// The book goes out as it is made, a file at a time: a report of 400 sections reaches
    /// the sink in hundreds of pieces, the largest (the central directory and the package
    /// document, which list every file) a small part of the book, and together they are
    /// the book written whole (and it stays valid).
    @Test func theBookIsHandedOnAsItIsMade() throws {
        var markdown = "---\ntitle: Many Sections\ndate: 2025-01-01\n---\n\n"
        for index in 1...400 { markdown += "## Section \(index)\n\nParagraph \(index) of the report, with *emphasis*.\n\n" }
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "many.md", reportPath: nil).report
        let writer = EPUBWriter(options: .init(
            stylesheet: EPUBWriterTests.stylesheet, modified: 0))
        let pieces = Pieces()
        let warnings = try writer.write(Manuscript(report), to: pieces.add)
        let whole = try writer.write(report)
        #expect(warnings == whole.warnings)
        #expect(pieces.bytes == whole.bytes)
        #expect(pieces.sizes.count > 400, "one piece or more per document")
        #expect(pieces.sizes.max()! < whole.bytes.count / 4, "largest piece: \(pieces.sizes.max()!) of \(whole.bytes.count)")
        #expect(try epubCheck(pieces.bytes).contains(cleanEPUBCheck))
    }

    @Test func packageDocumentCarriesTheMetadata() throws {
        let (report, bytes) = try book("arctic-shipping-outlook.md", modified: 1_743_552_000)
        let opf = try #require(try entries(of: bytes).first { $0.path == "EPUB/package.opf" }?.text)
        for expected in [
            ##"<dc:identifier id="pub-id">\##(report.metadata.identifier)</dc:identifier>"##,
            ##"<dc:title id="main-title">Ice and Iron: Shipping on the Northern Sea Route, 2025–2027</dc:title>"##,
            ##"<dc:creator id="creator-1">Ingrid Solberg</dc:creator>"##, ##"<dc:creator id="creator-3">김서연 (Kim Seo-yeon)</dc:creator>"##,
            "<dc:language>en-GB</dc:language>", "<dc:date>2025-03-14</dc:date>",
            ##"<meta property="dcterms:modified">2025-04-02T00:00:00Z</meta>"##, "<dc:publisher>Imprint Sample Press</dc:publisher>",
            "<dc:rights>© 2025 Imprint Sample Press. License: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)</dc:rights>",
            "<dc:subject>북극항로</dc:subject>", "<dc:description>Traffic on the Northern Sea Route (NSR)",
            ##"<meta property="belongs-to-collection" id="series">Imprint Sample Briefs</meta>"##,
            ##"<meta refines="#series" property="collection-type">series</meta>"##,
            ##"<meta refines="#series" property="group-position">2001</meta>"##,
            ##"<meta refines="#series" property="dcterms:identifier">urn:issn:0317-8471</meta>"##,
            ##"<meta property="schema:accessMode">textual</meta>"##, ##"<meta property="schema:accessMode">visual</meta>"##,
            ##"<meta property="schema:accessibilityFeature">alternativeText</meta>"##,
            ##"<meta property="schema:accessibilityFeature">tableOfContents</meta>"##,
            ##"<meta property="schema:accessibilityHazard">none</meta>"##, ##"<meta property="schema:accessibilitySummary">"##,
            ##"properties="cover-image""##, ##"<item id="section-5" href="text/section-5.xhtml" media-type="application/xhtml+xml" properties="svg"/>"##,
        ] {
            #expect(opf.contains(expected), "missing \(expected)")
        }
    }

    /// An EPUB's unique identifier is a UUID: a report's `urn:uuid:` identifier lower-cased,
    /// any other identifier kept beside the version 5 UUID of its text.
    @Test func uniqueIdentifierIsAUUIDURN() throws {
        func package(_ identifier: String) throws -> String {
            let report = Report(metadata: Metadata(title: "T", identifier: identifier))
            let bytes = try EPUBWriter(options: .init(stylesheet: "", modified: 0)).write(report).bytes
            return try #require(try entries(of: bytes).first { $0.path == "EPUB/package.opf" }?.text)
        }
        let uuid = try package("urn:uuid:0f9a2c3e-1b4d-4e5f-8a6b-7c8d9e0f1a2b")
        #expect(uuid.contains(##"<dc:identifier id="pub-id">urn:uuid:0f9a2c3e-1b4d-4e5f-8a6b-7c8d9e0f1a2b</dc:identifier>"##))
        #expect(!uuid.contains(##"id="report-id""##))
        let upper = try package("URN:UUID:0F9A2C3E-1B4D-4E5F-8A6B-7C8D9E0F1A2B")
        #expect(upper.contains(##"<dc:identifier id="pub-id">urn:uuid:0f9a2c3e-1b4d-4e5f-8a6b-7c8d9e0f1a2b</dc:identifier>"##))
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "imprint:identifier:brief-7").
        let named = try package("brief-7")
        #expect(named.contains(##"<dc:identifier id="pub-id">urn:uuid:2cc4c704-171b-589a-b815-caf6e1e8e6cd</dc:identifier>"##))
        #expect(named.contains(##"<dc:identifier id="report-id">brief-7</dc:identifier>"##))
    }

    /// Positions sort as numbers: volume 43's issue 10 comes after its issue 9 and before
    /// volume 44's issue 1.
    @Test func seriesPositionsSort() {
        let positions = [(43, 9), (43, 10), (43, 11), (44, 1)].compactMap {
            PackageDocument.seriesPosition(Series(title: "S", volume: $0.0, issue: $0.1))
        }
        #expect(positions == [43009, 43010, 43011, 44001])
        #expect(PackageDocument.seriesPosition(Series(title: "S", issue: 7)) == 7)
        #expect(PackageDocument.seriesPosition(Series(title: "S")) == nil)
    }

    /// A short lead opens the first section's document; a long one has its own.
    @Test func aShortLeadOpensTheFirstSection() throws {
        func book(lead paragraphs: Int) throws -> [(path: String, text: String)] {
            var report = Report(metadata: Metadata(title: "T", date: ReportDate("2026-12-05"), identifier: "x"))
            report.lead = (1...paragraphs).map { Block.paragraph([.text("Lead paragraph \($0).")]) }
            report.sections = [Section(id: "one", number: "1", level: 2, title: [.text("One")], blocks: [.paragraph([.text("Body.")])])]
            let bytes = try EPUBWriter(options: .init(stylesheet: "", modified: 0)).write(report).bytes
            #expect(try epubCheck(bytes).contains(cleanEPUBCheck))
            return try entries(of: bytes)
        }
        let short = try book(lead: 2)
        #expect(!short.contains { $0.path == "EPUB/text/lead.xhtml" })
        let first = try #require(short.first { $0.path == "EPUB/text/section-1.xhtml" }?.text)
        let lead = try #require(first.range(of: #"<div class="lead">"#)), section = try #require(first.range(of: #"<section id="one""#))
        #expect(lead.lowerBound < section.lowerBound && first.contains("Lead paragraph 2."))
        let long = try book(lead: 7)
        #expect(long.contains { $0.path == "EPUB/text/lead.xhtml" })
    }

    /// A long title is wrapped and set smaller to stay inside the cover's margins and above
    /// its authors' band; a line that might still be too wide is squeezed to the margin.
    @Test func theCoverTitleFitsInsideTheMargins() throws {
        for title in [
            "Glyphs and Directions: A Deliberately Long Title to Test How the Running Head Copes With It",
            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW MMMMMMMMMMMMMMM", "북극항로와 한화오션의 쇄빙선 건조 능력에 관한 장기 전망 보고서",
        ] {
            let svg = String(decoding: CoverImage(metadata: Metadata(title: title, subtitle: "A subtitle"), words: Words(language: "en")).make().serialized(), as: UTF8.self)
            let lines = svg.matches(of: /<text x="100" y="(\d+)" font-size="(\d+)"[^>]*font-weight="bold"[^>]*>([^<]*)</)
            #expect(!lines.isEmpty)
            for line in lines {
                let (y, size, text) = (Int(line.output.1)!, Int(line.output.2)!, String(line.output.3))
                #expect(y < 1320, "\(title): a title line at \(y) runs into the authors' band")
                let squeezed = svg.contains(##"lengthAdjust="spacingAndGlyphs">\##(text)<"##)
                #expect(CoverImage.estimatedWidth(text, size: size, bold: true) <= CoverImage.lineWidth || squeezed, "\(text)")
            }
        }
    }

    @Test func modifiedComesFromTheGivenTimeNotTheClock() throws {
        let opf = try #require(try entries(of: book("putin-visit-north-korea.md", modified: 86_400).1).first { $0.path == "EPUB/package.opf" }?.text)
        #expect(opf.contains(##"<meta property="dcterms:modified">1970-01-02T00:00:00Z</meta>"##))
        #expect(BuildMoment(seconds: 1_718_755_200 + 3661).iso8601 == "2024-06-19T01:01:01Z")
    }

    @Test func navigationListsEverySectionAndTheLandmarks() throws {
        let (report, bytes) = try book("arctic-shipping-outlook.md")
        let nav = try #require(try entries(of: bytes).first { $0.path == "EPUB/nav.xhtml" }?.text)
        for section in report.allSections {
            let label = [section.headingNumber(Words(language: report.metadata.lang)), section.title.plainText].compactMap { $0 }.joined(separator: " ")
            #expect(nav.contains(">\(label)</a>"), "missing \(label)")
        }
        #expect(nav.contains(##"<a href="text/section-3.xhtml#geography">3.1 Geography and season</a>"##))
        for landmark in ["cover", "titlepage", "toc", "bodymatter"] { #expect(nav.contains(##"epub:type="\##(landmark)""##)) }
    }

    @Test func notesPopUpWithTheBackLinkFirstOnTheTextsLine() throws {
        let files = try entries(of: book("arctic-shipping-outlook.md").1)
        let summary = try #require(files.first { $0.path == "EPUB/text/section-1.xhtml" }?.text)
        #expect(summary.contains(##"<a class="footnote-ref" href="#fn-season" epub:type="noteref" role="doc-noteref" id="ref-fn-season"><sup>1</sup></a>"##))
        #expect(summary.contains(##"<aside id="fn-season" class="footnote" role="doc-footnote" epub:type="footnote">"##))
        let aside = try #require(summary.range(of: ##"<aside id="fn-season""##))
        let firstChild = summary[aside.upperBound...].drop { $0 != ">" }.dropFirst().drop(while: \.isWhitespace)
        // The number leads the note's first paragraph, so that a pop-up shows it on the text's line.
        #expect(firstChild.hasPrefix(##"<p><a class="note-number" href="#ref-fn-season" role="doc-backlink">1</a> The navigation season"##))
    }

    @Test func everyContentDocumentCarriesTheMarking() throws {
        let files = try entries(of: book("arctic-shipping-outlook.md").1)
        let content = files.filter { $0.path.hasPrefix("EPUB/text/") }
        #expect(content.count >= 9)
        for file in content {
            #expect(file.text.contains("TLP:AMBER"), "\(file.path) has no TLP label")
            #expect(file.text.contains("UNCLASSIFIED//FOR TRAINING USE ONLY"), "\(file.path) has no classification")
        }
        #expect(files.contains { $0.path == "EPUB/media/image-2.svg" })
    }

    /// The generated cover is drawn as SVG for the cover page and as PNG for the package's
    /// cover image (retailers take no SVG cover).
    @Test func aCoverIsGeneratedWhenNoneIsGiven() throws {
        let files = try entries(of: book("putin-visit-north-korea.md").1)
        let cover = try #require(files.first { $0.path == "EPUB/media/cover.svg" }?.text)
        for expected in ["Geopolitical Report · ISSN 2785-2598", "Volume 43 · Issue 7", "Intel Report:", "SpecialEurasia OSINT Team", "TLP:CLEAR"] {
            #expect(cover.contains(expected), "cover lacks \(expected)")
        }
        #expect(files.contains { $0.path == "EPUB/media/cover.png" }, "no PNG cover (librsvg: Scripts/bootstrap installs it)")
        let opf = try #require(files.first { $0.path == "EPUB/package.opf" }?.text)
        #expect(opf.contains(##"<item id="cover-image" href="media/cover.png" media-type="image/png" properties="cover-image"/>"##), "\(opf)")
        #expect(opf.contains(##"<item id="cover-drawing" href="media/cover.svg" media-type="image/svg+xml"/>"##), "\(opf)")
        #expect(opf.contains(##"<meta name="cover" content="cover-image"/>"##))
        let page = try #require(files.first { $0.path == "EPUB/text/cover.xhtml" }?.text)
        #expect(page.contains(##"src="../media/cover.svg""##))
    }

    /// The cover's TLP box is as wide as its label (the longest, TLP:AMBER+STRICT, too);
    /// an Arabic cover is set from the right margin, its TLP box there too.
    @Test func theCoverFitsItsLabelAndReadsInTheLanguagesDirection() throws {
        func cover(_ metadata: Metadata) throws -> String {
            let bytes = try EPUBWriter(options: .init(stylesheet: "", modified: 0)).write(Report(metadata: metadata)).bytes
            return try #require(try entries(of: bytes).first { $0.path == "EPUB/media/cover.svg" }?.text)
        }
        let english = try cover(Metadata(title: "Red Sea", identifier: "x", marking: Marking(tlp: .amberStrict)))
        let box = try #require(english.firstMatch(of: /<rect x="(\d+)" y="1630" width="(\d+)"/))
        // DejaVu Sans Mono Bold sets 16 characters at 44 units in 0.602 em each.
        #expect(Int(box.output.2)! >= 424 + 40 && box.output.1 == "100", "\(english)")
        let arabic = try cover(Metadata(title: "مياه النيل", authors: [Author(name: "ليلى حسن")], lang: "ar", identifier: "x", marking: Marking(tlp: .green)))
        #expect(arabic.contains(##"x="1100" y="1420" font-size="42" font-family="DejaVu Sans, sans-serif" fill="#1a1a1a" direction="rtl">ليلى حسن<"##), "\(arabic)")
        let arabicBox = try #require(arabic.firstMatch(of: /<rect x="(\d+)" y="1630" width="(\d+)"/))
        #expect(Int(arabicBox.output.1)! + Int(arabicBox.output.2)! == 1100, "\(arabic)")
    }

    @Test func refusesImagesItCannotCarry() {
        var report = Report(metadata: Metadata(title: "T", identifier: "x"))
        report.lead = [.figure(Figure(number: 1, source: "scan.tiff", caption: [.text("c")], alt: "a"))]
        let writer = EPUBWriter(options: .init(stylesheet: "", modified: 0))
        #expect(throws: DiagnosticError.self) { try writer.write(Manuscript(report, images: ImageFile.files(["scan.tiff": [1]]))) }
        #expect(throws: DiagnosticError.self) { try writer.write(report) }
    }
}

/// What a sink was given, and in what pieces.
private final class Pieces {
    private(set) var bytes: [UInt8] = []
    private(set) var sizes: [Int] = []

    func add(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
        sizes.append(data.count)
    }
}

/// What a streaming writer hands its sink, whole.
private func gathered(_ write: ((UnsafeRawBufferPointer) -> Void) -> [String]) -> [UInt8] {
    var bytes: [UInt8] = []
    _ = write { bytes.append(contentsOf: $0) }
    return bytes
}
