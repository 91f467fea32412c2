import Foundation
import Testing
import ReportModel
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

    @Test func generatedReportsAreDeterministic() {
        for seed in UInt64(1)...20 {
            var first = ReportGenerator(seed: seed)
            var second = ReportGenerator(seed: seed)
            #expect(DocBookWriter().write(first.report()).bytes == DocBookWriter().write(second.report()).bytes)
        }
    }
}
