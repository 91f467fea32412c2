import Foundation
import Testing
import ReportModel
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

    @Test func namesWhereDecodingFailed() {
        do {
            _ = try ReportJSONReader.read(Array(#"{"metadata":{"title":"T"}}"#.utf8), file: "m.json")
            Issue.record("accepted an incomplete model")
        } catch {
            #expect(error.errors.first?.location?.file == "m.json")
            #expect(error.errors.first?.message.contains("not a report model") == true)
        }
    }
}
