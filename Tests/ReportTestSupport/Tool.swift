import Foundation

/// What an outside tool (a validator, poppler) printed and how it ended.
public struct ToolResult: Sendable {
    public var status: Int32
    /// Standard output and standard error together.
    public var output: String
}

/// Runs a tool found on `PATH`, as `/usr/bin/env` finds it; status 127 means it is missing.
public func runTool(_ arguments: [String]) throws -> ToolResult {
    let (status, output) = try runProgram("/usr/bin/env", arguments)
    return ToolResult(status: status, output: output)
}

/// Runs a program with `arguments` (in `folder`, with `environment`, when given) and gives
/// its exit status and what it printed, standard output and error together.
public func runProgram(
    _ executable: String, _ arguments: [String] = [], in folder: String? = nil, environment: [String: String]? = nil
) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    if let environment { process.environment = environment }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
}
