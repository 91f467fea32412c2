import Foundation
import ReportTestSupport
import Testing

/// README as a newcomer reads it: its first screen takes them from nothing to the sample's
/// PDF open and a live preview running, and the commands it gives do that.
@Suite(.needsOutsideTools) struct ReadmeTests {
    /// What a terminal or a repository page shows before the reader scrolls.
    static let screen = 50

    @Test func theFirstScreenGoesFromNothingToThePDFAndThePreview() throws {
        let text = try String(contentsOfFile: Repository.path("README.md"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(Self.screen)
        #expect(lines.contains { $0.contains("apt install ./imprint_") }, "the package's way is not on the first screen")
        // The repository's way, in order: install what the build needs, build the command,
        // build the sample, open its PDF, start the preview.
        let from = try #require(lines.firstIndex { $0.contains("From this repository") }, "README's first screen has no way from the repository")
        let first = lines[from...]
        let steps = ["Scripts/bootstrap", "swift build", "imprint build Samples/", "xdg-open ", "imprint watch Samples/"]
        var found: [Int] = []
        for step in steps {
            guard let line = first.firstIndex(where: { $0.contains(step) }) else {
                Issue.record("the first \(Self.screen) lines of README do not say '\(step)'")
                continue
            }
            found.append(line)
        }
        #expect(found == found.sorted(), "the steps are out of order: \(found)")
        #expect(first.contains { $0.contains("--serve") }, "the preview is not on the first screen")

        // The build it gives writes the PDF it opens (run from a copy of the repository's samples).
        let build = try #require(first.first { $0.contains("imprint build Samples/") })
        let open = try #require(first.first { $0.contains("xdg-open ") && $0.contains(".pdf") })
        let folder = NSTemporaryDirectory() + "imprint-readme-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: samplesFolder, toPath: folder + "/Samples")
        let arguments = build.split(separator: " ").drop { !$0.hasSuffix("imprint") }.dropFirst().prefix { $0 != "#" }.map(String.init)
        let result = try CommandRunner.run(arguments, in: folder)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        let pdf = try #require(open.split(separator: " ").last.map(String.init))
        #expect(FileManager.default.fileExists(atPath: folder + "/" + pdf), "README opens \(pdf), which its build did not write")
    }
}
