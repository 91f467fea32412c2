import Testing
import ReportModel
import ReportReaders
import XMLSupport
import XHTMLWriter

/// How the XHTML editions set words: Korean words kept whole, emoji in their font, names not
/// broken at their hyphens in print, and the same on the title page as in the body.
@Suite struct XHTMLTextTests {
    private func written(_ text: String, keepingNamesWhole: Bool = false) -> String {
        let document = XMLDocument(rootName: "p", namespace: XHTMLWriter.namespace)
        XHTMLText.write(text, into: document.root, keepingNamesWhole: keepingNamesWhole)
        let xml = String(decoding: document.serialized(), as: UTF8.self)
        return String(xml[xml.range(of: "\">")!.upperBound...].dropLast("</p>\n".count))
    }

    @Test func koreanWordsAndEmojiGetTheirSpans() {
        #expect(written("Yards 한화오션, 삼성중공업 🚢⚓ and 42 # *") ==
            #"Yards <span class="keep-all">한화오션,</span> <span class="keep-all">삼성중공업</span> <span class="emoji">🚢⚓</span> and 42 # *"#)
        #expect(written("Warning ⚠️ and keycap 1️⃣, not © or 1") == #"Warning <span class="emoji">⚠️</span> and keycap <span class="emoji">1️⃣</span>, not © or 1"#)
        #expect(written("Plain text, with “quotes” — and dashes.") == "Plain text, with “quotes” — and dashes.")
    }

    @Test func namesAreJoinedAtTheirHyphensInPrint() {
        #expect(written("Kim Jong-un and ice-class", keepingNamesWhole: true) == "Kim Jong-\u{2060}un and ice-class")
        #expect(written("Kim Jong-un") == "Kim Jong-un")
    }

    @Test func theTitlePageSetsWordsAsTheBodyDoes() throws {
        let markdown = "---\ntitle: \"북극항로 🚢 and Ice-Class Hulls\"\nauthors:\n  - name: 김민준\n---\n\nText.\n"
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "t.md", reportPath: nil).report
        let print = String(decoding: XHTMLWriter(options: .init(keepsNamesWhole: true)).write(report).bytes, as: UTF8.self)
        #expect(print.contains(#"<h1 class="title"><span class="keep-all">북극항로</span> <span class="emoji">🚢</span> and Ice-"# + "\u{2060}Class Hulls</h1>"))
        #expect(print.contains(#"<span class="name"><span class="keep-all">김민준</span></span>"#))
    }

    /// A tight list item's text and the list nested in it are apart for a reader without
    /// the style sheet.
    @Test func nestedListsKeepTheirWordsApart() throws {
        let markdown = "---\ntitle: Lists\n---\n\n1. Yards\n   1. Korean\n"
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "t.md", reportPath: nil).report
        let xhtml = String(decoding: XHTMLWriter().write(report).bytes, as: UTF8.self)
        #expect(xhtml.contains("<li>Yards\n<ol><li>Korean</li></ol></li>"))
    }
}
