import Dispatch
import Foundation

/// What a command ended with, and what it wrote.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var output: [UInt8]
    public var error: [UInt8]
}

/// Runs a command with bytes on its standard input, collecting both outputs. Input is fed
/// and the outputs drained concurrently, so no pipe fills up and blocks the child.
public enum ProcessRunner {
    public static func run(
        _ executable: String, arguments: [String], input: [UInt8], environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let group = DispatchGroup()
        // Written by one queued block and read only after `group.wait()`, which orders the two.
        nonisolated(unsafe) var errorBytes = Data()
        DispatchQueue.global().async(group: group) {
            stdin.fileHandleForWriting.write(Data(input))
            try? stdin.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) {
            errorBytes = stderr.fileHandleForReading.readDataToEndOfFile()
        }
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus, output: [UInt8](output), error: [UInt8](errorBytes))
    }
}
