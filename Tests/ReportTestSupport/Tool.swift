import Foundation

/// What an outside tool (a validator, poppler) printed and how it ended.
public struct ToolResult: Sendable {
    public var status: Int32
    /// Standard output and standard error together.
    public var output: String
}

/// Runs a tool found on `PATH`, as `/usr/bin/env` finds it; status 127 means it is missing.
public func runTool(_ arguments: [String]) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolResult(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
}
