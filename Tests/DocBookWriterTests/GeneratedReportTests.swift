import Foundation
import Testing
import ReportModel
import ReportReaders
import ReportTestSupport
import XMLSupport
@testable import DocBookWriter

/// Whatever shape a report has, its DocBook is valid.
@Suite struct GeneratedReportTests {
    @Test func generatedReportsAreValidDocBook() throws {
        let schema = try DocBookSchema.load()
        for seed in UInt64(1)...300 {
            var generator = ReportGenerator(seed: seed)
            let report = generator.report()
            let (bytes, _) = DocBookWriter().write(report)
            let problems = try DocBookSchema.problems(in: bytes, schema: schema)
            guard problems.isEmpty else {
                let path = NSTemporaryDirectory() + "imprint-docbook-seed-\(seed).xml"
                _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
                Issue.record("seed \(seed): \(problems.prefix(3)); the output is in \(path)")
                return
            }
        }
    }

    /// Sections serialised one at a time (`write`) give the bytes of the whole tree.
    @Test func streamedArticleIsTheWholeTreeSerialised() {
        for seed in UInt64(1)...300 {
            var generator = ReportGenerator(seed: seed)
            let report = generator.report()
            let whole = String(decoding: DocBookWriter().makeDocument(report).serialized(), as: UTF8.self)
            let streamed = String(decoding: DocBookWriter().write(report).bytes, as: UTF8.self)
            #expect(streamed == whole, "seed \(seed): from \(streamed.commonPrefix(with: whole).count) characters on")
        }
    }

    /// Blocks of many parts, streamed a part at a time inside the part that holds them,
    /// give the whole tree's bytes, valid DocBook.
    @Test func longBlocksAreTheWholeTreeSerialised() throws {
        let markdown = LongBlocks.markdown(parts: XMLElement.streamingThreshold + 2)
        let report = try ReportMarkdownReader.read(Array(markdown.utf8), file: "long.md", reportPath: nil).report
        let whole = DocBookWriter().makeDocument(report).serialized()
        let streamed = DocBookWriter().write(report).bytes
        #expect(streamed == whole)
        #expect(try DocBookSchema.problems(in: streamed, schema: DocBookSchema.load()).isEmpty)
    }

    @Test func generatedReportsAreDeterministic() {
        for seed in UInt64(1)...20 {
            var first = ReportGenerator(seed: seed)
            var second = ReportGenerator(seed: seed)
            #expect(DocBookWriter().write(first.report()).bytes == DocBookWriter().write(second.report()).bytes)
        }
    }
}
