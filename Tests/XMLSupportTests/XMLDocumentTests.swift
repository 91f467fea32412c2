import Foundation
import Testing
import ReportModel
@testable import XMLSupport

@Suite struct XMLDocumentTests {
    private func string(_ document: XMLDocument, indent: Bool = false) -> String {
        String(decoding: document.serialized(indent: indent), as: UTF8.self)
    }

    @Test func escapesTextAndAttributes() {
        let document = XMLDocument(rootName: "root", namespace: "urn:test")
        document.root.element("a", ["title": "\"quoted\" & <tag>"], text: "1 < 2 & 3 > 2 ]]>")
        let xml = string(document)
        #expect(xml.contains(#"<a title="&quot;quoted&quot; &amp; &lt;tag&gt;">1 &lt; 2 &amp; 3 &gt; 2 ]]&gt;</a>"#))
        #expect(xml.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?>"#))
    }

    @Test func keepsNamespacesAndPrefixedAttributes() {
        let document = XMLDocument(rootName: "root", namespace: "urn:test")
        document.root.declareNamespace("http://www.w3.org/1999/xlink", prefix: "xlink")
        document.root.setAttribute("xml:lang", "ko")
        let child = document.root.element("link", ["xlink:href": "https://example.org"])
        #expect(child.namespaceURI == "urn:test")
        let xml = string(document)
        #expect(xml.contains(#"xml:lang="ko""#))
        #expect(xml.contains(#"<link xlink:href="https://example.org"/>"#))
    }

    @Test func dropsCharactersXMLForbidsAndSaysWhere() {
        let document = XMLDocument(rootName: "root")
        document.root.element("p", text: "a\u{1}b\u{FFFE}c\u{FFFF}\td")
        document.root.element("q", ["x": "e\u{0}f"])
        let xml = string(document)
        #expect(xml.contains("<p>abc\td</p>"))
        #expect(xml.contains(#"<q x="ef"/>"#))
        #expect(document.warnings.count == 2)
        #expect(document.warnings[0].contains("U+0001, U+FFFE, U+FFFF"))
        #expect(document.warnings[0].contains("/root/p"))
        #expect(document.warnings[1].contains("attribute x"))
        // What it wrote is well-formed.
        #expect(throws: Never.self) { try XMLDocument.parse(Array(xml.utf8)) }
    }

    /// Children streamed out one at a time: the bytes of the whole tree, in both
    /// serialisations, and warnings that name each child as the whole tree would.
    @Test(arguments: [XMLDocument.Serialization.xml, .polyglotHTML])
    func streamedChildrenGiveTheWholeTreesBytes(serialization: XMLDocument.Serialization) {
        /// A document with something before and after `main`, whose last children stream.
        func frame() -> (XMLDocument, XMLElement) {
            let document = XMLDocument(rootName: "html", namespace: "http://www.w3.org/1999/xhtml")
            let main = document.root.element("body").element("main")
            main.element("p", text: "before")
            document.root.element("footer", ["title": "Москва"], text: "after")
            return (document, main)
        }
        func addSection(_ index: Int, to main: XMLElement) {
            let section = main.element("section", ["title": "평양 \(index)"])
            section.element("p", text: index == 2 ? "a\u{1}b" : "text \(index)")
            section.element("div")
        }
        let (whole, wholeMain) = frame()
        for index in 0..<4 { addSection(index, to: wholeMain) }
        let (streamed, main) = frame()
        var bytes: [UInt8] = []
        let sections = XMLDocument.Stream(into: main, adding: 0..<4) { addSection($0, to: main) }
        streamed.serialize(serialization, streaming: [sections], to: { bytes.append(contentsOf: $0) })
        let expected = serialization == .xml ? whole.serialized() : whole.serializedAsPolyglotHTML()
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(streamed.warnings == whole.warnings)
        // The third section is main's fourth element (libxml2 writes `*` in a default namespace).
        #expect(whole.warnings.first?.contains("of /*/*[1]/*/*[4]/*:") == true, "\(whole.warnings)")
    }

    /// Two containers streamed in one document (a contents list that starts empty, and
    /// `main` after it with a child already there), each given no children, one, or
    /// several: the bytes and warnings of the whole tree every time, indented or not.
    @Test(arguments: [XMLDocument.Serialization.xml, .polyglotHTML], [true, false])
    func severalStreamsGiveTheWholeTreesBytes(serialization: XMLDocument.Serialization, indent: Bool) {
        func frame() -> (XMLDocument, XMLElement, XMLElement) {
            let document = XMLDocument(rootName: "html", namespace: "http://www.w3.org/1999/xhtml")
            let body = document.root.element("body")
            let list = body.element("nav").element("ol")
            let main = body.element("main")
            main.element("p", text: "before")
            body.element("footer", text: "after")
            return (document, list, main)
        }
        func addEntry(_ index: Int, to list: XMLElement) {
            list.element("li", text: index == 1 ? "x\u{1}y" : "entry \(index)")
        }
        func addSection(_ index: Int, to main: XMLElement) {
            main.element("section", ["title": "평양 \(index)"]).element("p", text: "text \(index)")
        }
        for entries in [0, 1, 3] {
            for sections in [0, 1, 3] {
                let (whole, wholeList, wholeMain) = frame()
                for index in 0..<entries { addEntry(index, to: wholeList) }
                for index in 0..<sections { addSection(index, to: wholeMain) }
                let (streamed, list, main) = frame()
                var bytes: [UInt8] = []
                var streams = [
                    XMLDocument.Stream(into: list, adding: 0..<entries) { addEntry($0, to: list) },
                    XMLDocument.Stream(into: main, adding: 0..<sections) { addSection($0, to: main) },
                ]
                // Every child is streamed and let go, the first ask's too (it is not kept
                // in the frame, where one large child would be held to the end).
                var inspected: [String] = []
                for index in streams.indices { streams[index].inspect = { inspected.append($0.name) } }
                streamed.serialize(serialization, indent: indent, streaming: streams, to: { bytes.append(contentsOf: $0) })
                let expected = serialization == .xml ? whole.serialized(indent: indent) : whole.serializedAsPolyglotHTML(indent: indent)
                #expect(
                    String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                    "\(entries) entries, \(sections) sections, indent \(indent)")
                #expect(streamed.warnings == whole.warnings)
                #expect(inspected == Array(repeating: "li", count: entries) + Array(repeating: "section", count: sections))
            }
        }
    }

    /// Elements whose own children stream (a table's rows), inside a streamed container:
    /// with and without children before their rows, with no row, one or several, one whose
    /// frame holds the marker's words, and one inside another child (added at once): the
    /// whole tree's bytes, indented or not, every row let go as it is written; and when the
    /// document's frame holds the marker's words (everything is then added and written whole).
    @Test(arguments: [XMLDocument.Serialization.xml, .polyglotHTML], [true, false])
    func nestedStreamsGiveTheWholeTreesBytes(serialization: XMLDocument.Serialization, indent: Bool) {
        for confused in [false, true] { nestedStreams(serialization: serialization, indent: indent, confused: confused) }
    }

    private func nestedStreams(serialization: XMLDocument.Serialization, indent: Bool, confused: Bool) {
        func frame() -> (XMLDocument, XMLElement) {
            let document = XMLDocument(rootName: "html", namespace: "http://www.w3.org/1999/xhtml")
            let main = document.root.element("body").element("main")
            document.root.element("footer", text: "after")
            if confused { document.root.element("style").addCDATA("<!--imprint:streamed-children-0-->") }
            return (document, main)
        }
        var rowsWritten = 0
        func addTable(_ index: Int, to main: XMLElement) {
            let rows = index % 4
            let table = main.element("table")
            if index % 2 == 0 { table.element("caption", text: "Table \(index)") }
            if index == 5 { table.element("style").addCDATA("<!--imprint:streamed-children-nested-->") }
            table.streamChildren(adding: 0..<rows) { row in
                rowsWritten += 1
                table.element("tr").element("td", text: "row \(row) of \(index)")
            }
            // A table inside a division whose children come in one step: streamed in turn.
            let division = main.element("div")
            division.addChildren(streamed: true, all: {
                let inner = division.element("table")
                inner.streamChildren(adding: 0..<rows) { inner.element("tr").element("td", text: "inner \($0)") }
            })
        }
        let (whole, wholeMain) = frame()
        for index in 0..<8 { addTable(index, to: wholeMain) }
        let expected = serialization == .xml ? whole.serialized(indent: indent) : whole.serializedAsPolyglotHTML(indent: indent)
        rowsWritten = 0
        let (streamed, main) = frame()
        var bytes: [UInt8] = []
        var stream = XMLDocument.Stream(into: main, adding: 0..<8) { addTable($0, to: main) }
        var rowsLeft: [Int] = []
        stream.inspect = { element in
            if element.name == "table" { rowsLeft.append(element.children.filter { $0.name == "tr" && !$0.isEmpty }.count) }
        }
        streamed.serialize(serialization, indent: indent, streaming: [stream], to: { bytes.append(contentsOf: $0) })
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "confused: \(confused)")
        #expect(rowsWritten == (0..<8).map { $0 % 4 }.reduce(0, +))
        // Each streamed table, the inner ones too, holds only the stand-ins of its rows once
        // written; the one whose frame holds the marker's words is written whole (none is
        // streamed when the document's frame holds them).
        #expect(rowsLeft == (confused ? [] : (0..<8).flatMap { [$0 == 5 ? 1 : 0, 0] }))
    }

    @Test func indentingNeverAddsSpaceInsideMixedContent() {
        let document = XMLDocument(rootName: "root")
        let paragraph = document.root.element("p")
        paragraph.beginMixedContent()
        paragraph.element("b", text: "bold")
        paragraph.element("i", text: "italic")
        let xml = string(document, indent: true)
        #expect(xml.contains("<p><b>bold</b><i>italic</i></p>"))
    }

    @Test func serialisationIsDeterministic() {
        func make() -> [UInt8] {
            let document = XMLDocument(rootName: "root")
            for index in 0..<50 { document.root.element("e", ["n": String(index), "a": "b"], text: "t\(index)") }
            return document.serialized()
        }
        #expect(make() == make())
    }

    @Test func processingInstructions() {
        let document = XMLDocument(rootName: "root")
        document.root.addProcessingInstruction("linebreak")
        #expect(string(document).contains("<root><?linebreak?></root>"))
    }
}

@Suite struct XMLParsingTests {
    @Test func reportsErrorsWithLines() {
        let text = "<root>\n<a>\n</b>\n</root>"
        #expect {
            try XMLDocument.parse(Array(text.utf8))
        } throws: { error in
            guard let error = error as? DiagnosticError else { return false }
            return error.diagnostics.first?.location?.line == 3 && error.diagnostics.first?.message.contains("mismatch") == true
        }
    }

    @Test func neverLoadsExternalEntities() throws {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <r>&secret;</r>
            """
        let document = try? XMLDocument.parse(Array(text.utf8))
        #expect(document?.textContent.contains("root:") != true)
    }

    @Test func limitsEntityExpansion() {
        // The "billion laughs": libxml2's amplification limits stay on, so it is refused.
        var entities = #"<!ENTITY a0 "lol">"#
        for level in 1...12 {
            entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level - 1);", count: 10) + "\">"
        }
        let text = "<?xml version=\"1.0\"?><!DOCTYPE r [\(entities)]><r>&a12;</r>"
        let document = try? XMLDocument.parse(Array(text.utf8))
        #expect((document?.textContent.utf8.count ?? 0) < 10_000_000)
    }

    @Test func readsText() throws {
        let document = try XMLDocument.parse(Array("<r>a<b>b</b>c</r>".utf8))
        #expect(document.textContent == "abc")
    }
}

@Suite struct RelaxNGTests {
    private func schema() throws -> RelaxNGSchema {
        // A file per call: the tests run in parallel, and one must not delete another's.
        let path = "/tmp/imprint-test-\(UUID().uuidString)-schema.rng"
        let rng = """
            <grammar xmlns="http://relaxng.org/ns/structure/1.0">
              <start><element name="r"><oneOrMore><element name="a"><text/></element></oneOrMore></element></start>
            </grammar>
            """
        FileManagerShim.write(rng, to: path)
        defer { FileManagerShim.remove(path) }
        return try RelaxNGSchema(path: path)
    }

    @Test func acceptsValidDocuments() throws {
        let document = try XMLDocument.parse(Array("<r><a>x</a></r>".utf8))
        #expect(try schema().validate(document).isEmpty)
    }

    @Test func reportsInvalidDocumentsWithLines() throws {
        let document = try XMLDocument.parse(Array("<r>\n<b/>\n</r>".utf8))
        let issues = try schema().validate(document)
        #expect(!issues.isEmpty)
        #expect(issues.first?.location?.line == 2)
    }

    @Test func refusesAMissingSchema() {
        #expect(throws: DiagnosticError.self) { try RelaxNGSchema(path: "/nonexistent/schema.rng") }
    }
}
