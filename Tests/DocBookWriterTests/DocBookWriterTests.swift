import Foundation
import ReportModel
import ReportReaders
import ReportTestSupport
import Testing
import XMLSupport
@testable import DocBookWriter

@Suite struct DocBookWriterTests {
    @Test(arguments: ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"])
    func samplesAreValidDocBook(name: String) throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name)).report
        let (bytes, warnings) = DocBookWriter().write(report)
        #expect(warnings.isEmpty)
        let problems = try DocBookSchema.problems(in: bytes, schema: DocBookSchema.load())
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }

    @Test func everySentenceOfTheSeedIsInTheSeedSample() throws {
        let seed = try String(contentsOfFile: seedPath, encoding: .utf8)
        let report = try ReportMarkdownReader.read(fileAt: samplePath("putin-visit-north-korea.md")).report
        let text = try XMLDocument.parse(DocBookWriter().write(report).bytes).textContent
        let normalizedText = normalize(text)
        var missing: [String] = []
        for line in seed.split(separator: "\n") {
            let paragraph = line.trimmingCharacters(in: .whitespaces)
            guard !paragraph.isEmpty else { continue }
            // The risks are a numbered list in the seed: "1. Military Escalation: …".
            let content = paragraph.replacingOccurrences(of: #"^\d+\.\s+"#, with: "", options: .regularExpression)
            for sentence in sentences(of: content) where !normalizedText.contains(normalize(sentence)) {
                missing.append(sentence)
            }
        }
        #expect(missing.isEmpty, "missing from the DocBook output: \(missing)")
    }

    @Test func metadataGoesIntoInfo() throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md")).report
        let xml = String(decoding: DocBookWriter().write(report).bytes, as: UTF8.self)
        for expected in [
            #"<biblioset relation="series">"#, #"<biblioid class="issn">0317-8471</biblioid>"#,
            "<volumenum>2</volumenum>", "<issuenum>1</issuenum>", "<orgname>Imprint Sample Press, Arctic Desk</orgname>",
            "<email>arctic-desk@example.org</email>", "<pubdate>2025-03-14</pubdate>", "<date>2025-04-02</date>",
            #"<abstract role="summary">"#, #"<para role="tlp">TLP:AMBER</para>"#,
            #"<para role="classification">UNCLASSIFIED//FOR TRAINING USE ONLY</para>"#,
            #"<legalnotice role="rights">"#, #"<keyword>북극항로</keyword>"#, #"xml:lang="en-GB""#,
            #"<imagedata fileref="images/arctic-cover.svg"/>"#, #"<bibliomisc role="contact">"#,
            #"<bibliomisc role="yardstick">PHIA</bibliomisc>"#,
        ] {
            #expect(xml.contains(expected), "missing \(expected)")
        }
    }

    @Test func reportSectionsKeepTheirMeaning() throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md")).report
        let xml = String(decoding: DocBookWriter().write(report).bytes, as: UTF8.self)
        for expected in [
            #"<section xml:id="judgments" label="2" role="key-judgments">"#,
            #"<listitem role="key-judgment" xml:id="kj-traffic" xreflabel="Traffic grows, slowly">"#,
            #"<phrase role="likelihood">Likelihood: highly likely (80–90%).</phrase>"#,
            #"<phrase role="likelihood">Likelihood: 60%.</phrase>"#,
            #"<phrase role="grade">Grade B2: source usually reliable; information probably true.</phrase>"#,
            #"<section xml:id="appendix-method" label="A" role="appendix">"#, #"label="A.1""#,
            #"<xref linkend="tbl-traffic"/>"#, #"<footnote xml:id="fn-season" label="1">"#,
            #"<orderedlist spacing="compact" startingnumber="3">"#, #"<listitem role="task-done">"#,
            #"<colspec colname="c2" align="right"/>"#, "<?linebreak?>",
        ] {
            #expect(xml.contains(expected), "missing \(expected)")
        }
    }

    @Test func outputIsDeterministic() throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md")).report
        #expect(DocBookWriter().write(report).bytes == DocBookWriter().write(report).bytes)
    }

    @Test func laterReferencesToAFootnotePointToIt() throws {
        var report = Report(metadata: Metadata(title: "T", identifier: "x"))
        report.lead = [.paragraph([.text("a"), .footnoteReference("n"), .text("b"), .footnoteReference("n")])]
        report.footnotes = [Footnote(label: "n", id: "fn-n", number: 1, blocks: [.paragraph([.text("note")])])]
        let xml = String(decoding: DocBookWriter().write(report).bytes, as: UTF8.self)
        #expect(xml.contains(#"<footnote xml:id="fn-n" label="1"><para>note</para></footnote>b<footnoteref linkend="fn-n"/>"#))
    }

    @Test func forbiddenCharactersFromAModelAreDroppedWithAWarning() throws {
        var report = Report(metadata: Metadata(title: "Bad\u{1}Title", identifier: "x"))
        report.lead = [.paragraph([.text("text\u{FFFF}")])]
        let (bytes, warnings) = DocBookWriter().write(report)
        #expect(warnings.count == 2)
        #expect(try DocBookSchema.problems(in: bytes, schema: DocBookSchema.load()).isEmpty)
    }

    /// The seed report as it was handed to the project (shared/seeds/000_15a04851590ad2df.txt).
    private var seedPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/seed-putin-visit-north-korea.txt").path
    }

    /// Splits at sentence ends (". " followed by a capital), keeping abbreviations like "U.S." whole.
    private func sentences(of paragraph: String) -> [String] {
        paragraph.replacingOccurrences(of: #"(?<=[a-z\)][.!?]) (?=[A-Z])"#, with: "\n", options: .regularExpression)
            .split(separator: "\n").map(String.init)
    }

    private func normalize(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
