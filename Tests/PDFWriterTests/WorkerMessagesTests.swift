import Foundation
import ReportTestSupport
import Testing

@testable import PDFWriter

/// The job and the reply between Imprint and its PDF worker, through both sides: every key
/// Imprint writes the worker reads back, and every key the worker writes Imprint reads.
@Suite(.needsOutsideTools) struct WorkerMessagesTests {
    /// Runs `code` with the worker's functions loaded as `worker`, `input` on its standard input.
    private func python(_ code: String, input: String = "") throws -> String {
        let worker = Repository.path("Sources/PDFWriter/Worker/pdf-worker.py")
        let program = "import json, runpy, sys\nworker = runpy.run_path(\(jsonString(worker)))\n" + code
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program]
        let (toChild, fromChild, errors) = (Pipe(), Pipe(), Pipe())
        process.standardInput = toChild
        process.standardOutput = fromChild
        process.standardError = errors
        try process.run()
        toChild.fileHandleForWriting.write(Data(input.utf8))
        try toChild.fileHandleForWriting.close()
        let output = fromChild.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 failed: \(String(decoding: problem, as: UTF8.self))")
        return String(decoding: output, as: UTF8.self)
    }

    /// `text` as a Python string literal (JSON's, slashes left alone).
    private func jsonString(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }

    @Test func aJobRoundTripsThroughTheWorkerWithEveryKey() throws {
        let job = PDFJob(
            length: 42, folder: "/reports/a b", assets: ["/desk/shared"], epoch: 1_735_689_600, variant: "pdf/a-3u",
            images: [PDFJob.File(path: "/reports/a b/map.svg", length: 120)], pages: true)
        let line = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        let echoed = try python("print(json.dumps(worker['read_job'](sys.stdin.readline())))", input: line + "\n")
        #expect(try JSONDecoder().decode(PDFJob.self, from: Data(echoed.utf8)) == job)
        let keys = try python("print(json.dumps(sorted(worker['JOB_KEYS'])))")
        let names = Mirror(reflecting: job).children.compactMap(\.label).sorted()
        #expect(try JSONDecoder().decode([String].self, from: Data(keys.utf8)) == names, "the worker knows every key of PDFJob, and no other")
    }

    @Test func aReplyWithEveryKeyIsRead() throws {
        let header = try python(
            "print(json.dumps(worker['reply'](engine='WeasyPrint 70.0', length=7, warnings=['w'], error='e', refused=['r (why)'], pages={'s': 3})))")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(header.utf8)) as? [String: Any])
        let reply = try JSONDecoder().decode(PDFReply.self, from: Data(header.utf8))
        #expect(reply == PDFReply(version: WorkerMessages.version, engine: "WeasyPrint 70.0", length: 7, warnings: ["w"], error: "e", refused: ["r (why)"], pages: ["s": 3]))
        let names = Mirror(reflecting: reply).children.compactMap(\.label).sorted()
        #expect(object.keys.sorted() == names, "every key the worker writes is one of PDFReply's")
    }

    @Test func aJobOfAnotherVersionIsRefused() throws {
        var job = PDFJob(length: 1, folder: "/r", assets: [], epoch: 0)
        job.version = WorkerMessages.version + 1
        let line = String(decoding: try JSONEncoder().encode(job), as: UTF8.self)
        let answer = try python(
            "try:\n    worker['read_job'](sys.stdin.readline())\nexcept ValueError as error:\n    print('refused:', error)", input: line + "\n")
        #expect(answer.hasPrefix("refused: the job is of version \(WorkerMessages.version + 1)"), "\(answer)")
    }
}
