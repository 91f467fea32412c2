import Testing
import ReportModel
import SharedWriting
import ReportReaders
import XMLSupport
import XHTMLWriter

/// The extension points an edition that lays out its own documents uses: where links and
/// images point, and the markup of notes set at the end of a document.
@Suite struct XHTMLBodyWriterTests {
    /// Sends every id but `sec-unwritten`'s to `part-2.xhtml`, and renames images.
    struct Elsewhere: XHTMLAddressing {
        func reaches(_ id: String) -> Bool { id != "sec-unwritten" }
        func href(to id: String) -> String { "part-2.xhtml#" + id }
        func resource(_ path: String) -> String { "media/" + path.uppercased() }
    }

    private static let markdown = """
        ---
        title: Parts
        ---
        ## Written {#sec-written}

        See [](#sec-written) and [](#sec-unwritten), with a note[^a] and the same note again[^a].

        ## Unwritten {#sec-unwritten}

        Text.

        [^a]: The note.
        """

    /// The report, with an image (which the reader checks on disk) added to its first section.
    private func report() throws -> Report {
        var report = try ReportMarkdownReader.read(Array(Self.markdown.utf8), file: "parts.md", reportPath: nil).report
        report.sections[0].blocks.append(.paragraph([.image(InlineImage(source: "map.png", alt: "a map"))]))
        return report
    }

    private func body(_ style: FootnoteStyle) throws -> String {
        let report = try report()
        let writer = XHTMLBodyWriter(Manuscript(report), addressing: Elsewhere(), footnoteStyle: style)
        let document = XMLDocument(rootName: "body", namespace: XHTMLWriter.namespace)
        writer.write(report.sections[0], into: document.root)
        writer.writePendingNotes(into: document.root)
        return String(decoding: document.serialized(), as: UTF8.self)
    }

    @Test func linksAndImagesGoWhereTheAddressingSays() throws {
        let text = try body(.inline)
        #expect(text.contains(#"<a class="xref" href="part-2.xhtml#sec-written">"#))
        #expect(!text.contains("#sec-unwritten"), "a section the addressing does not reach is not linked")
        #expect(text.contains(#"src="media/MAP.PNG""#))
    }

    @Test func notesAtTheEndCarryTheEditionsMarkup() throws {
        let markup = NoteMarkup(reference: ["data-kind": "ref"], section: ["data-kind": "notes"], note: ["data-kind": "note"])
        let text = try body(.endOfDocument(markup))
        // Two references, one note, written once, after the section, with its back-link first.
        #expect(text.components(separatedBy: #"data-kind="ref""#).count - 1 == 2)
        #expect(text.components(separatedBy: #"<aside"#).count - 1 == 1)
        let section = try #require(text.range(of: "</section>"))
        let notes = try #require(text.range(of: #"data-kind="notes""#))
        #expect(section.upperBound <= notes.lowerBound)
        #expect(text.contains(#"data-kind="note""#))
        #expect(text.contains(##"<p><a class="note-number" href="#ref-"##))
        // Set at the end, a note is not also written where it is referenced.
        #expect(text.components(separatedBy: "The note.").count - 1 == 1)
    }

    @Test func theXHTMLEditionKnowsNothingOfEPUB() throws {
        let text = String(decoding: XHTMLWriter().write(try report()).bytes, as: UTF8.self)
        #expect(!text.contains("epub"))
    }
}
