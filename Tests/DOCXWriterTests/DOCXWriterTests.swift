import Foundation
import ReportModel
import ReportReaders
import ReportTestSupport
import SharedWriting
import Testing
import XMLSupport

@testable import DOCXWriter

/// The Word edition's parts as the writer makes them.
@Suite(.needsOutsideTools) struct DOCXWriterTests {
    /// The package of `markdown` (a report read from a temporary folder with `files`
    /// beside it), its parts by path.
    static func parts(_ markdown: String, files: [String: [UInt8]] = [:], options: DOCXWriter.Options = .init()) throws -> [String: [UInt8]] {
        let folder = NSTemporaryDirectory() + "imprint-docx-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/report.md"
        FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8))
        for (name, bytes) in files {
            try FileManager.default.createDirectory(atPath: (folder + "/" + name as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(bytes))
        }
        let report = try ReportMarkdownReader.read(fileAt: path).report
        var package: [UInt8] = []
        _ = try DOCXWriter(options: options).write(Manuscript(report, images: ImageFile.files(files))) { package.append(contentsOf: $0) }
        return Dictionary(uniqueKeysWithValues: try zipEntries(package).map { ($0.path, $0.bytes) })
    }

    static func text(_ parts: [String: [UInt8]], _ path: String) -> String {
        String(decoding: parts[path] ?? [], as: UTF8.self)
    }

    @Test func everyCrossReferenceGoesToABookmark() throws {
        let parts = try Self.parts(
            "---\ntitle: T\n---\n\n## A {#a}\n\nSee [](#b), [](#t) and [](#r).\n\n## B {#b}\n\n| x |\n|---|\n| 1 |\n\nTable: Cap {#t}\n\n## Risks {.risks}\n\n1. **R:** text {#r}\n")
        let document = Self.text(parts, "word/document.xml")
        let anchors = Set(document.matches(of: /w:anchor="([^"]+)"/).map { String($0.output.1) })
        let bookmarks = Set(document.matches(of: /w:bookmarkStart w:id="\d+" w:name="([^"]+)"/).map { String($0.output.1) })
        #expect(anchors.count >= 3)
        #expect(anchors.isSubset(of: bookmarks), "\(anchors) \(bookmarks)")
        let ids = document.matches(of: /w:bookmarkStart w:id="(\d+)"/).map { String($0.output.1) }
        #expect(Set(ids).count == ids.count, "each bookmark has an id of its own")
    }

    /// The likelihood terms after the first key judgments that use them (there is no
    /// matrix), the grading scale after the first graded sources: once each, in the
    /// report's words, as the print and e-book editions place them.
    @Test func theScalesAreExplainedOnceWhereTheOtherEditionsExplainThem() throws {
        let parts = try Self.parts("""
            ---
            title: T
            lang: fr
            ---

            ## Jugements {.key-judgments}

            1. **Un.** Texte. {likelihood=likely}

            ## Risques {.risks}

            1. **R.** Texte. {likelihood=unlikely}

            ## Sources {.sources}

            1. Un rapport. {grade=B2}

            ## Autres {.sources}

            1. Un autre. {grade=C3}
            """)
        let document = Self.text(parts, "word/document.xml")
        let words = Words(language: "fr")
        let yardstick = ScaleNotes.yardstickTitle(.icd203, words: words)
        let grading = ScaleNotes.gradingTitle(words: words)
        #expect(yardstick.contains("203") && !grading.isEmpty)
        #expect(document.components(separatedBy: ">\(yardstick)<").count == 2, "the terms explained once")
        #expect(document.components(separatedBy: ">\(grading)<").count == 2, "the scale explained once")
        // The headings' last places: the contents page names them first.
        func place(_ text: String) -> String.Index? { document.range(of: text, options: .backwards)?.lowerBound }
        let order = [place(yardstick), place(">Risques<"), place("Un rapport."), place(grading), place(">Autres<")]
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "\(order)")
        for row in ScaleNotes.yardstickRows(.icd203, words: words) {
            #expect(document.contains(">\(row.term)<"))
        }
        #expect(document.contains(ScaleNotes.gradingRows(words: words)[5].credibility))
    }

    /// The header and footer are laid out as the print edition's margins: the running head
    /// (none on the title page) or "Page N of M" first, the classification at the middle,
    /// the TLP label at the end; a contents entry below the first level reaches the end of
    /// the line, where its page number goes.
    @Test func theMarginsAreLaidOutAsInPrint() throws {
        let parts = try Self.parts("---\ntitle: Nile waters\nmarking:\n  tlp: AMBER\n  classification: SECRET\n---\n\nText.\n")
        /// Whether `texts` come in this order in the part.
        func order(_ part: String, _ texts: [String]) -> Bool {
            let text = Self.text(parts, part)
            var from = text.startIndex
            for piece in texts {
                guard let found = text.range(of: piece, range: from..<text.endIndex) else { return false }
                from = found.upperBound
            }
            return true
        }
        #expect(order("word/footer1.xml", ["PAGE", "<w:tab/>", "SECRET", "<w:tab/>", "TLP:AMBER"]))
        #expect(order("word/header1.xml", ["Nile waters", "<w:tab/>", "SECRET", "<w:tab/>", "TLP:AMBER"]))
        let title = Self.text(parts, "word/header3.xml")
        #expect(title.contains("TLP:AMBER") && title.contains("SECRET") && !title.contains("Nile waters"))
        let document = Self.text(parts, "word/document.xml")
        #expect(document.contains(#"<w:headerReference w:type="first" r:id="rHeaderTitle"/>"#) && document.contains("<w:titlePg/>"))
        let styles = Self.text(parts, "word/styles.xml")
        let toc2 = try #require(styles.firstMatch(of: /w:styleId="TOC2"(?s:.*?)<\/w:style>/)?.output)
        #expect(toc2.contains(#"w:right="0""#), "\(toc2)")
    }

    /// A section with no words of its own before a subsection that opens with a table too
    /// wide for the page goes onto the table's page on its side, both headings with it.
    @Test func aWideTableTakesItsHeadingsWithIt() throws {
        let header = "| " + (1...10).map { "Column heading \($0)" }.joined(separator: " | ") + " |"
        let rule = "|" + String(repeating: "---|", count: 10)
        let row = "| " + (1...10).map { "Transshipment\($0)" }.joined(separator: " | ") + " |"
        let parts = try Self.parts("---\ntitle: T\n---\n\n## Before\n\nText.\n\n## Incidents\n\n### Record\n\n\(header)\n\(rule)\n\(row)\n")
        let document = Self.text(parts, "word/document.xml")
        let firstSection = try #require(document.range(of: "<w:sectPr")?.lowerBound)
        let incidents = try #require(document.range(of: ">Incidents<")?.lowerBound)
        #expect(firstSection < incidents, "the upright section ends before the heading")
        #expect(document.contains(#"w:orient="landscape""#))
    }

    @Test func eachNumberedListCountsFromItsOwnStart() throws {
        let parts = try Self.parts("---\ntitle: T\n---\n\n3. three\n4. four\n\ntext\n\n1. one\n   1. nested\n")
        let numbering = Self.text(parts, "word/numbering.xml")
        let starts = numbering.matches(of: /<w:lvlOverride w:ilvl="(\d)"><w:startOverride w:val="(\d+)"\/>/).map { "\($0.output.1):\($0.output.2)" }
        #expect(starts == ["0:3", "0:1", "1:1"])
    }

    @Test func aParagraphThatOpensInArabicIsSetFromTheRight() throws {
        let parts = try Self.parts("---\ntitle: T\n---\n\nهذا نص.\n\nEnglish.\n")
        let document = Self.text(parts, "word/document.xml")
        #expect(document.components(separatedBy: "<w:bidi/>").count == 2)
    }

    @Test func theSamePackageTwice() throws {
        let markdown = try String(contentsOfFile: samplePath("arctic-shipping-outlook.md"), encoding: .utf8)
        let svg = try Array(Data(contentsOf: URL(fileURLWithPath: samplePath("images/nsr-route.svg"))))
        let cover = try Array(Data(contentsOf: URL(fileURLWithPath: samplePath("images/arctic-cover.svg"))))
        let files = ["images/nsr-route.svg": svg, "images/arctic-cover.svg": cover]
        let first = try Self.parts(markdown, files: files, options: .init(modified: 1_700_000_000))
        let second = try Self.parts(markdown, files: files, options: .init(modified: 1_700_000_000))
        #expect(first == second)
        #expect(first["word/media/image1.svg"] == svg)
        let png = try #require(first["word/media/image1.png"])
        #expect(ImageSize(png) != nil)
        #expect(Self.text(first, "docProps/core.xml").contains("<dcterms:modified xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:modified>"))
    }

    /// A template's style replaces Imprint's of the same id, in its place; Imprint's other
    /// styles stay; the document defaults come first, as the schema wants.
    @Test func aTemplatesStylesReplaceImprintsOfTheSameId() throws {
        let template = """
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:rPr><w:color w:val="FF0000"/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Desk"><w:name w:val="Desk"/></w:style>\
            <w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="30"/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>
            """
        let styles = try StylesPart.document(language: "en", reference: (Array(template.utf8), "house.docx"))
        let ids = styles.root.children.map { $0.name == "style" ? $0.attribute("styleId", namespace: WordML.main) ?? "" : $0.name }
        #expect(ids.prefix(2) == ["docDefaults", "latentStyles"])
        #expect(ids.filter { $0 == "Title" }.count == 1)
        #expect(ids.contains("Desk") && ids.contains("KeyJudgment"))
        let text = String(decoding: styles.serialized(indent: false), as: UTF8.self)
        #expect(text.contains(#"<w:color w:val="FF0000"/>"#) && text.contains(#"<w:sz w:val="30"/>"#))
    }

    /// A template is input: what in its styles is not Office markup (an XInclude of a local
    /// file, another vocabulary) never reaches the edition.
    @Test func aTemplatesForeignElementsAreLeftOut() throws {
        let template = """
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:xi="http://www.w3.org/2001/XInclude" \
            xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:x="urn:other">\
            <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><xi:include href="file:///etc/passwd"/>\
            <w:rPr><w:color w:val="FF0000"/><w14:ligatures w14:val="standard"/><x:payload>secret</x:payload></w:rPr></w:style>\
            <xi:include href="file:///etc/shadow"/></w:styles>
            """
        let styles = try StylesPart.document(language: "en", reference: (Array(template.utf8), "house.docx"))
        let text = String(decoding: styles.serialized(indent: false), as: UTF8.self)
        #expect(!text.contains("include") && !text.contains("/etc/") && !text.contains("payload") && !text.contains("secret"), "\(text)")
        #expect(text.contains(#"<w:color w:val="FF0000"/>"#) && text.contains("w14:ligatures"))
    }

    @Test func imageSizesComeFromTheirHeaders() {
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        png += [0, 0, 1, 44, 0, 0, 0, 200]
        #expect(ImageSize(png) == ImageSize(width: 300, height: 200))
        let gif: [UInt8] = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00]
        #expect(ImageSize(gif) == ImageSize(width: 320, height: 240))
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03]
        #expect(ImageSize(jpeg) == ImageSize(width: 640, height: 480))
        #expect(ImageSize(Array("not an image".utf8)) == nil)
    }
}
