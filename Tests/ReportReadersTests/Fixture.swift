import Foundation
import ReportModel
@testable import ReportReaders
import ReportTestSupport

/// A report written into a fresh temporary folder, with any files beside it.
struct Fixture {
    let folder: String
    let path: String

    init(_ markdown: String, files: [String: String] = [:], name: String = "report.md") {
        folder = NSTemporaryDirectory() + "imprint-reader-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(markdown.utf8))
        for (name, content) in files {
            let file = folder + "/" + name
            try! FileManager.default.createDirectory(
                atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: file, contents: Data(content.utf8))
        }
    }

    func read() throws(DiagnosticError) -> ReadResult {
        try ReportMarkdownReader.read(fileAt: path)
    }

    /// The diagnostics of a read that must fail.
    func errors() -> [Diagnostic] {
        do {
            _ = try read()
            return []
        } catch {
            return error.errors
        }
    }
}

/// Front matter with a title, then `body`.
func report(_ body: String, frontMatter: String = "") -> String {
    "---\ntitle: Test Report\n\(frontMatter)---\n\n\(body)"
}

func read(_ markdown: String, files: [String: String] = [:]) throws -> ReadResult {
    try Fixture(markdown, files: files).read()
}

func errors(_ markdown: String, files: [String: String] = [:]) -> [Diagnostic] {
    Fixture(markdown, files: files).errors()
}

/// The blocks of the first section, or of the lead when there is no section.
func firstBlocks(_ result: ReadResult) -> [Block] {
    result.report.sections.first?.blocks ?? result.report.lead
}
