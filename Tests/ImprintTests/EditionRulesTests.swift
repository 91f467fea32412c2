import Foundation
import Testing

/// The rules of issue #17 that every edition holds, checked in the editions themselves.
@Suite struct EditionRulesTests {
    /// "Table [](#t)" reads "Table 3" (word and number joined by a no-break space) in
    /// every edition, never "Table Table 3"; without the word before, the label is whole.
    @Test func aReferenceAfterItsLabelsWordDoesNotDoubleIt() throws {
        let report = """
            ---
            title: References
            ---

            ## One

            As Table [](#tbl-x) shows, and as [](#tbl-x) shows again.

            | A | B |
            |---|---|
            | 1 | 2 |

            Table: Figures {#tbl-x}

            """
        let workspace = Workspace(report: report)
        let result = try workspace.run("build", "report.md", "--to", "docbook,xhtml,text")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try #require(workspace.contents("out/report.txt"))
        #expect(text.contains("As Table\u{00A0}1 shows, and as Table\u{00A0}1 shows again."), "\(text)")
        let docbook = try #require(workspace.contents("out/report.xml"))
        #expect(docbook.contains("As Table\u{00A0}<link linkend=\"tbl-x\">1</link> shows, and as <xref linkend=\"tbl-x\"/> shows"), "\(docbook)")
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        #expect(xhtml.contains("As Table\u{00A0}<a class=\"xref\" href=\"#tbl-x\">1</a> shows, and as <a class=\"xref\" href=\"#tbl-x\">Table\u{00A0}1</a> shows"), "\(xhtml)")
        for edition in [text, docbook, xhtml] { #expect(!edition.contains("Table Table") && !edition.contains("Table\u{00A0}Table")) }
    }

    /// An e-book without a date would be dated 1970-01-01: the build says so, at the front
    /// matter, and still writes it.
    @Test func anUndatedEBookIsWarnedOf() throws {
        let workspace = Workspace(report: "---\ntitle: Undated\n---\n\nText.\n")
        let result = try workspace.run("build", "report.md", "--to", "epub,text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("report.md:1:1: warning: epub: the report has no date"), "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "no date").count == 2, "once, for the e-book only")
        let dated = Workspace(report: "---\ntitle: Dated\ndate: 2026-12-05\n---\n\nText.\n")
        let quiet = try dated.run("build", "report.md", "--to", "epub")
        #expect(quiet.status == 0 && !quiet.stderr.contains("warning"), "\(quiet.stderr)")
    }
}
