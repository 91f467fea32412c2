import Foundation
import ReportTestSupport
import Testing
@testable import ImprintCLI

/// `imprint watch --serve`, end to end: started, it builds and serves the XHTML edition;
/// a save is rebuilt and served; a broken save keeps the last good edition and says why;
/// stopped, nothing of it is left running, the PDF worker included.
@Suite(.serialized, .needsOutsideTools) struct WatchTests {
    private static let first = "---\ntitle: Watched\ndate: 2026-12-05\n---\n\nFirst words.\n"

    @Test func followsEverySaveAndStopsCleanly() throws {
        let workspace = Workspace(report: Self.first)
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "xhtml,text,pdf", "--serve", "0"])
        defer { watch.stop() }
        let port = try #require(watch.servingPort())
        try #require(watch.waitForLine { $0.hasPrefix("built pdf") } != nil, "\(watch.output)")
        let page = try #require(httpGet(port: port, path: "/report.xhtml"))
        #expect(page.status == 200 && page.body.contains("First words.") && page.body.contains("/__imprint/reload.js"))
        #expect(httpGet(port: port, path: "/")?.body.contains(#"<iframe src="/report.pdf">"#) == true)
        #expect(httpGet(port: port, path: "/report.pdf")?.body.hasPrefix("%PDF") == true)
        #expect(httpGet(port: port, path: "/.imprint/report.stamp")?.status == 404, "the build stamps are not served")
        #expect(httpGet(port: port, path: "/%2e%2e/report.md")?.status == 404, "nothing outside the output folder is served")
        let workers = watch.children()
        #expect(!workers.isEmpty, "the PDF worker runs beside the watch")

        workspace.write("report.md", Array(Self.first.replacingOccurrences(of: "First", with: "Second").utf8))
        #expect(poll { httpGet(port: port, path: "/report.xhtml")?.body.contains("Second words.") == true }, "\(watch.output)")
        #expect(workspace.contents("out/report.txt")?.contains("Second words.") == true)

        workspace.write("report.md", Array("---\ntitle: [broken\n---\n\nThird words.\n".utf8))
        #expect(poll { httpGet(port: port, path: "/__imprint/state")?.body.contains(#""ok":false"#) == true }, "\(watch.output)")
        let state = httpGet(port: port, path: "/__imprint/state")?.body ?? ""
        #expect(state.contains("report.md:3:1: error: the front matter is not valid YAML"), "\(state)")
        #expect(httpGet(port: port, path: "/report.xhtml")?.body.contains("Second words.") == true, "the last good edition stays served")

        watch.interrupt()
        #expect(watch.waitForExit(seconds: 5), "the watch did not stop")
        #expect(poll { workers.allSatisfy { kill($0, 0) != 0 } }, "a PDF worker outlived the watch: \(workers)")
        #expect(httpGet(port: port, path: "/") == nil, "the preview still answers")
    }

    /// In a real browser (Debian's chromium, driven by Playwright: `Scripts/preview_check.py`),
    /// a save reloads the XHTML edition once, alone or inside `/`, at the place the reader
    /// had scrolled to, and the text edition inside `/` too; its name (here with a space and
    /// an accent) percent-encoded in the addresses.
    @Test(arguments: [("xhtml,text", "xhtml"), ("text", "txt")])
    func theBrowserKeepsTheReadersPlace(editions: String, shown: String) throws {
        let body = (1...60).map { "## Part \($0)\n\n" + String(repeating: "Words of a long paragraph that fills the page. ", count: 12) }
        let name = "my résumé.md"
        let workspace = Workspace(files: [name: Array(("---\ntitle: Long\ndate: 2026-12-05\n---\n\n" + body.joined(separator: "\n\n") + "\n").utf8)])
        let watch = try Watch(in: workspace.folder, ["watch", name, "--to", editions, "--serve", "0"])
        defer { watch.stop() }
        let port = try #require(watch.servingPort())
        try #require(watch.waitForLine { $0.hasPrefix("built ") } != nil, "\(watch.output)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/preview_check.py").path
        let result = try runTool(["python3", script, String(port), workspace.folder + "/" + name, shown])
        #expect(result.status == 0 && result.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(result.output)")
    }

    /// Two watches of one folder, each with its own output folder, never rebuild each other:
    /// another build's output folder is not an input.
    @Test func twoWatchesOfOneFolderLeaveEachOtherAlone() throws {
        let workspace = Workspace(report: Self.first)
        let one = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "-o", "one"])
        defer { one.stop() }
        try #require(one.waitForLine { $0.hasPrefix("built text") } != nil, "\(one.output)")
        let two = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "-o", "two"])
        defer { two.stop() }
        try #require(two.waitForLine { $0.hasPrefix("built text") } != nil, "\(two.output)")
        Thread.sleep(forTimeInterval: 1.5)
        let builds = [one, two].map { $0.output.split(separator: "\n").filter { $0.hasPrefix("built") || $0.contains("up to date") }.count }
        #expect(builds == [1, 1], "\(one.output)\n---\n\(two.output)")
    }

    /// A report whose folder holds its own editions (built with `-o .`) is still an input
    /// of a watched folder of reports.
    @Test func aReportBesideItsEditionsIsStillWatched() throws {
        let workspace = Workspace(files: ["reports/sub/b.md": Array(Self.first.utf8)])
        let built = try workspace.run(["build", "reports/sub/b.md", "--to", "text", "-o", "reports/sub"])
        try #require(built.status == 0 && FileManager.default.fileExists(atPath: workspace.folder + "/reports/sub/.imprint"), "\(built.stderr)")
        let watch = try Watch(in: workspace.folder, ["watch", "reports", "--to", "text", "-o", "out"])
        defer { watch.stop() }
        try #require(watch.waitForLine { $0.hasPrefix("built") } != nil, "\(watch.output)")
        let before = watch.output.split(separator: "\n").filter { $0.hasPrefix("built") }.count
        try Data((Self.first + "\nMore words.\n").utf8).write(to: URL(fileURLWithPath: workspace.folder + "/reports/sub/b.md"))
        #expect(poll { watch.output.split(separator: "\n").filter { $0.hasPrefix("built") }.count > before }, "\(watch.output)")
    }

    /// A preview of the text edition shows the text, not a page that is not there.
    @Test func aTextPreviewShowsTheText() throws {
        let workspace = Workspace(report: Self.first)
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "--serve", "0"])
        defer { watch.stop() }
        let port = try #require(watch.servingPort())
        try #require(watch.waitForLine { $0.hasPrefix("built text") } != nil, "\(watch.output)")
        #expect(httpGet(port: port, path: "/")?.body.contains(#"<iframe src="/report.txt">"#) == true)
        #expect(httpGet(port: port, path: "/report.txt")?.body.contains("First words.") == true)
    }

    /// `--serve` without a port is port 8000, and any other word after it is left alone; the
    /// man page's synopsis (`watch REPORT --serve`) is read so.
    @Test func serveAloneIsPort8000() throws {
        let workspace = Workspace(report: Self.first)
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "--serve"])
        defer { watch.stop() }
        // (Port 8000 may be another program's: then the message says so, which is read too.)
        let line = watch.waitForLine { $0.contains("127.0.0.1:8000") || $0.contains("--serve") }
        #expect(line?.contains("127.0.0.1:8000") == true, "\(watch.output)")
        #expect(WatchCommand.defaultingServe(["watch", "r.md", "--serve"]) == ["watch", "r.md", "--serve", "8000"])
        #expect(WatchCommand.defaultingServe(["watch", "--serve", "r.md"]) == ["watch", "--serve", "8000", "r.md"])
        #expect(WatchCommand.defaultingServe(["watch", "--serve", "9000", "r.md"]) == ["watch", "--serve", "9000", "r.md"])
        #expect(WatchCommand.defaultingServe(["build", "--serve"]) == ["build", "--serve"])
    }

    /// Links to `.` and `/` beside the report are not followed (no loop, no watch of the
    /// whole disk), and `-o .` builds into the watched folder and still rebuilds on a save.
    @Test func linksAreNotFollowedAndTheWatchedFolderMayTakeTheEditions() throws {
        let workspace = Workspace(report: Self.first)
        symlink(".", workspace.folder + "/self")
        symlink("/", workspace.folder + "/root")
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "-o", "."])
        defer { watch.stop() }
        try #require(watch.waitForLine { $0.hasPrefix("built text") } != nil, "\(watch.output)")
        #expect(workspace.contents("report.txt")?.contains("First words.") == true)
        Thread.sleep(forTimeInterval: 0.5)
        #expect(!watch.output.contains("changed:"), "its own editions started a build: \(watch.output)")
        workspace.write("report.md", Array(Self.first.replacingOccurrences(of: "First", with: "Second").utf8))
        #expect(poll { workspace.contents("report.txt")?.contains("Second words.") == true }, "\(watch.output)")
    }

    /// A changed imprint.yml is planned again: its build options apply to the next build.
    @Test func aChangedDeskConfigurationAppliesToTheNextBuild() throws {
        let long = Self.first.replacingOccurrences(of: "First words.", with: String(repeating: "Words of a long paragraph ", count: 12))
        let workspace = Workspace(report: long)
        workspace.write("imprint.yml", Array("width: 40\n".utf8))
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text"])
        defer { watch.stop() }
        try #require(watch.waitForLine { $0.hasPrefix("built text") } != nil, "\(watch.output)")
        #expect(workspace.contents("out/report.txt")?.split(separator: "\n").allSatisfy { $0.count <= 40 } == true)
        workspace.write("imprint.yml", Array("width: 70\n".utf8))
        #expect(poll { workspace.contents("out/report.txt")?.split(separator: "\n").contains { $0.count > 40 } == true }, "\(watch.output)")
        workspace.write("imprint.yml", Array("width: 7\n".utf8))
        #expect(watch.waitForLine { $0.contains("'width' must be from 20 to 200, not '7'") } != nil, "\(watch.output)")
        workspace.write("imprint.yml", Array("output: brief.txt\n".utf8))
        #expect(watch.waitForLine { $0.contains("watch writes into a folder") } != nil, "\(watch.output)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder + "/out/brief.txt"))
    }

    private func poll(seconds: Double = 15, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}

/// A running `imprint watch`, its standard output read line by line.
final class Watch: @unchecked Sendable {
    private let process = Process()
    private let lines = NSLock()
    private var collected: [String] = []

    /// `imprint` with `arguments` in `folder`; with `descriptorLimit`, under that many open
    /// files at most (`ulimit -n`).
    init(in folder: String, _ arguments: [String], descriptorLimit: Int? = nil) throws {
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\"", CommandRunner.executable.path] + arguments
        } else {
            process.executableURL = CommandRunner.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        Thread.detachNewThread { [self] in
            var pending = Data()
            while true {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { return }
                pending += data
                while let newline = pending.firstIndex(of: 10) {
                    let line = String(decoding: pending[..<newline], as: UTF8.self)
                    pending = pending[(newline + 1)...]
                    lines.lock()
                    collected.append(line)
                    lines.unlock()
                }
            }
        }
    }

    var output: String {
        lines.lock()
        defer { lines.unlock() }
        return collected.joined(separator: "\n")
    }

    /// The port its `serving http://127.0.0.1:PORT/` line names, once it says it.
    func servingPort() -> UInt16? {
        waitForLine { $0.hasPrefix("serving http://127.0.0.1:") }.flatMap { UInt16($0.split(separator: ":").last?.dropLast() ?? "") }
    }

    /// The first line that `matches`, waiting up to 30 seconds for it.
    func waitForLine(_ matches: (String) -> Bool) -> String? {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            lines.lock()
            let found = collected.first(where: matches)
            lines.unlock()
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    /// The processes the watch started.
    func children() -> [Int32] {
        let text = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/task/\(process.processIdentifier)/children", encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }

    func interrupt() { process.interrupt() }

    func waitForExit(seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return !process.isRunning
    }

    func stop() {
        if process.isRunning { process.terminate() }
    }
}

/// A socket connected to 127.0.0.1:`port`, or nil.
func connectToLoopback(port: UInt16) -> Int32? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = port.bigEndian
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard connected else {
        close(socket)
        return nil
    }
    return socket
}

/// A GET on 127.0.0.1 with `host` as its `Host` (the server's own address by default): the
/// status and the body, or nil when nothing answers.
func httpGet(port: UInt16, path: String, host: String? = nil) -> (status: Int, body: String)? {
    guard let socket = connectToLoopback(port: port) else { return nil }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n".utf8)
    _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
    var response: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        if count <= 0 { break }
        response += buffer[..<count]
    }
    let text = String(decoding: response, as: UTF8.self)
    guard let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap({ Int($0) }),
        let blank = text.range(of: "\r\n\r\n")
    else { return nil }
    return (status, String(text[blank.upperBound...]))
}
