import Foundation
import ReportModel
import ReportTestSupport
import Testing
@testable import ReportReaders

@Suite struct JSONReaderTests {
    private func json(_ report: Report) -> [UInt8] {
        [UInt8](try! JSONEncoder().encode(report))
    }

    @Test func readsWhatTheModelCommandWrites() throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath("arctic-shipping-outlook.md")).report
        #expect(try ReportJSONReader.read(json(report), file: "m.json", reportPath: samplePath("m.json")).report == report)
    }

    @Test func refusesDuplicateAndInvalidIds() {
        var report = Report(metadata: Metadata(title: "T", identifier: "x"))
        report.sections = [Section(id: "a", level: 2, title: []), Section(id: "a", level: 2, title: []), Section(id: "1x", level: 2, title: [])]
        #expect(throws: DiagnosticError.self) { try ReportJSONReader.read(json(report), file: "m.json") }
    }

    @Test func refusesDanglingReferences() {
        var report = Report(metadata: Metadata(title: "T", identifier: "x"))
        report.lead = [.paragraph([.crossReference(CrossReference(target: "nowhere")), .footnoteReference("none")])]
        do {
            _ = try ReportJSONReader.read(json(report), file: "m.json")
            Issue.record("accepted dangling references")
        } catch {
            #expect(error.errors.count == 2)
        }
    }

    /// `imprint model` writes no character that no edition can carry: one in a model,
    /// escaped or not, is an error where it is.
    @Test func refusesCharactersNoEditionCanCarry() {
        for text in ["{\"metadata\":{\n \"title\":\"a\\u0001\"}}", "{\"metadata\":{\n \"title\":\"a\u{85}\"}}"] {
            do {
                _ = try ReportJSONReader.read(Array(text.utf8), file: "m.json")
                Issue.record("accepted \(text)")
            } catch {
                #expect(error.errors.first?.location == SourceLocation(file: "m.json", line: 2, column: 12))
                #expect(error.errors.first?.message.contains("which no edition can carry") == true)
            }
        }
        #expect(ReportJSONReader.forbiddenCharacter(in: Array(#"{"a":"\\u0001 \u00e9"}"#.utf8), file: "m.json") == nil)
    }

    static let minimalMetadata = #"{"title":"T","authors":[],"lang":"en","identifier":"x","keywords":[],"yardstick":"ICD203","extra":[]}"#

    /// A model that does not decode is described at its JSON path, in words, never in
    /// Swift's (`CodingKeys(stringValue: …)`).
    @Test(arguments: [
        (#"{"version":1,"metadata":{"title":"T"}}"#, "metadata.authors: required"),
        (#"{"metadata":{"title":"T"},"lead":[],"sections":[],"footnotes":[]}"#, "version: required"),
        (#"{"version":2}"#, "version: is 2; this Imprint reads version 1"),
        (#"{"version":1,"metadata":{"title":5}}"#, "metadata.title: must be text"),
        (#"{"version":1,"metadata":{"title":"T","authors":[{}]}}"#, "metadata.authors[0].name: required"),
        (#"{"version":1,"metadata":{"title":"T","authors":null}}"#, "metadata.authors: must be a list, not null"),
        (#"{"version":1,"metadata":\#(minimalMetadata),"lead":[{"type":"paragraf"}]}"#, "lead[0].type: 'paragraf' is not one of the values the model allows"),
        (#"{"version":1,"metadata":\#(minimalMetadata),"lead":[]}"#, "sections: required"),
        (#"{"version":1,"metadata":"#, "the file is not valid JSON"),
    ])
    func namesWhereDecodingFailed(json: String, expected: String) throws {
        do {
            _ = try ReportJSONReader.read(Array(json.utf8), file: "m.json")
            Issue.record("accepted \(json)")
        } catch {
            let message = try #require(error.errors.first?.message)
            #expect(error.errors.first?.location?.file == "m.json")
            #expect(message.hasPrefix("not a report model in JSON: " + expected), "\(message)")
            #expect(!message.contains("CodingKeys") && !message.contains("Index "), "\(message)")
        }
    }
}
