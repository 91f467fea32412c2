import Foundation
import ReportTestSupport
import Testing
@testable import Imprint

#if canImport(Glibc)
    import Glibc
#endif

/// The preview server as a web page in the same browser, or a program on the same machine,
/// would try it: it answers only its own name, serves only what its builds wrote, and
/// stays up and answering under slow, many and exhausting clients.
@Suite(.serialized, .needsOutsideTools) struct PreviewServerTests {
    /// A folder with an edition the build wrote and a file it did not.
    private func served() throws -> (PreviewServer, String) {
        let workspace = Workspace(files: ["out/report.xhtml": Array("<html><body>Edition.</body></html>".utf8), "out/notes.txt": Array("private".utf8)])
        let server = try PreviewServer(folder: workspace.folder + "/out", port: 0, page: "report.xhtml", pdf: nil)
        server.published(succeeded: true, diagnostics: [], files: [workspace.folder + "/out/report.xhtml"])
        return (server, workspace.folder)
    }

    /// A port in use is said with the ports to try, not the command's usage.
    @Test func aPortInUseSaysWhichToTry() throws {
        let workspace = Workspace(report: CommandTests.valid)
        try FileManager.default.createDirectory(atPath: workspace.folder + "/out", withIntermediateDirectories: true)
        let taken = try PreviewServer(folder: workspace.folder + "/out", port: 0, page: nil, pdf: nil)
        // (Watched, so that a watch that serves after all is stopped, not waited for.)
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "text", "--serve", String(taken.port)])
        defer { watch.stop() }
        let line = watch.waitForLine { $0.contains("127.0.0.1") || $0.contains("in use") }
        #expect(line?.contains("port \(taken.port) is in use") == true && line?.contains("--serve 0") == true, "\(watch.output)")
        #expect(watch.waitForExit(seconds: 10) && !watch.output.contains("Usage:"), "\(watch.output)")
        _ = taken
    }

    /// Each file's version moves only when it changed, so that a page reloads only the pane
    /// whose file a build rewrote; the page keeps its reader's place, and a page inside a
    /// frame leaves its reloading to the page that frames it.
    @Test func eachPaneReloadsWhenItsOwnFileChanged() throws {
        let workspace = Workspace(files: ["out/report.xhtml": Array("<html><body>One.</body></html>".utf8), "out/report.pdf": Array("%PDF-1.7 one".utf8)])
        let out = workspace.folder + "/out"
        let server = try PreviewServer(folder: out, port: 0, page: "report.xhtml", pdf: "report.pdf")
        func versions() throws -> [String: Int] {
            let body = try #require(httpGet(port: server.port, path: "/__imprint/state")?.body)
            let state = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return try #require(state["versions"] as? [String: Int])
        }
        server.published(succeeded: true, diagnostics: [], files: [out + "/report.xhtml", out + "/report.pdf"])
        #expect(try versions() == ["/report.xhtml": 1, "/report.pdf": 1])
        // The first pass of a save rewrites the XHTML only; the PDF's pass follows.
        Thread.sleep(forTimeInterval: 0.01)
        try Data("<html><body>Two.</body></html>".utf8).write(to: URL(fileURLWithPath: out + "/report.xhtml"))
        server.published(succeeded: true, diagnostics: [], files: [out + "/report.xhtml", out + "/report.pdf"])
        #expect(try versions() == ["/report.xhtml": 2, "/report.pdf": 1])
        let script = try #require(httpGet(port: server.port, path: "/__imprint/reload.js")?.body)
        #expect(script.contains("sessionStorage") && script.contains("window.top !== window") && script.contains("state.versions[path]"))
    }

    /// A preview of editions no browser shows as a page lists what was written; the text
    /// edition is a page of its own.
    @Test func aPreviewWithoutXHTMLShowsWhatThereIs() throws {
        let workspace = Workspace(files: ["out/report.brief.txt": Array("Brief.".utf8), "out/report.pdf": Array("%PDF-1.7".utf8)])
        let out = workspace.folder + "/out"
        let listing = try PreviewServer(folder: out, port: 0, page: nil, pdf: nil)
        listing.published(succeeded: true, diagnostics: [], files: [out + "/report.brief.txt", out + "/report.pdf"])
        let page = try #require(httpGet(port: listing.port, path: "/")?.body)
        #expect(page.contains(#"href="/report.brief.txt""#) && page.contains(#"href="/report.pdf""#), "\(page)")
        let text = try PreviewServer(folder: out, port: 0, page: "report.brief.txt", pdf: nil)
        text.published(succeeded: true, diagnostics: [], files: [out + "/report.brief.txt"])
        #expect(httpGet(port: text.port, path: "/")?.body.contains(#"<iframe src="/report.brief.txt">"#) == true)
        #expect(httpGet(port: text.port, path: "/report.brief.txt")?.body == "Brief.")
    }

    @Test func answersOnlyItsOwnName() throws {
        let (server, _) = try served()
        #expect(httpGet(port: server.port, path: "/report.xhtml")?.status == 200)
        #expect(httpGet(port: server.port, path: "/report.xhtml", host: "localhost:\(server.port)")?.status == 200)
        for host in ["evil.example:\(server.port)", "127.0.0.1", "127.0.0.1:1", "evil.example", "localhost.evil.example:\(server.port)", ""] {
            let answer = httpGet(port: server.port, path: "/report.xhtml", host: host)
            #expect(answer?.status == 421 && answer?.body.contains("Edition.") == false, "Host: \(host) → \(String(describing: answer))")
        }
    }

    @Test func servesOnlyWhatItsBuildsWrote() throws {
        let (server, folder) = try served()
        #expect(httpGet(port: server.port, path: "/notes.txt")?.status == 404, "a file the build did not write")
        #expect(httpGet(port: server.port, path: "/")?.body.contains("report.xhtml") == true)
        // An output folder given through a link is resolved once, and served.
        symlink(folder + "/out", folder + "/linked")
        let linked = try PreviewServer(folder: folder + "/linked", port: 0, page: "report.xhtml", pdf: nil)
        linked.published(succeeded: true, diagnostics: [], files: [folder + "/linked/report.xhtml"])
        #expect(httpGet(port: linked.port, path: "/report.xhtml")?.body.contains("Edition.") == true)
    }

    @Test func slowClientsDoNotStarveIt() throws {
        let (server, _) = try served()
        // Three hundred clients that open a request and never finish it.
        let slow = Self.clients(300, port: server.port, sending: "GET /report.xhtml HTTP/1.1\r\n")
        defer { slow.forEach { close($0) } }
        // Past the cap the longest-waiting is closed to make room: a reader gets in at once.
        let start = Date()
        var answered = false
        while !answered && Date().timeIntervalSince(start) < 10 {
            answered = httpGet(port: server.port, path: "/report.xhtml")?.status == 200
            if !answered { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(answered, "nothing answered within 10 s while 300 clients dawdled")
        #expect(Date().timeIntervalSince(start) < 1, "answered only after \(Date().timeIntervalSince(start)) s")
    }

    /// Clients that ask for a large file and never read it hold only their own connections.
    @Test func clientsThatNeverReadDoNotStallIt() throws {
        let workspace = Workspace(files: ["out/big.png": Array(repeating: 1, count: 24 << 20), "out/report.xhtml": Array("<html><body>Edition.</body></html>".utf8)])
        let server = try PreviewServer(folder: workspace.folder + "/out", port: 0, page: "report.xhtml", pdf: nil)
        server.published(succeeded: true, diagnostics: [], files: [workspace.folder + "/out/big.png", workspace.folder + "/out/report.xhtml"])
        let stalled = Self.clients(16, port: server.port, sending: "GET /big.png HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        defer { stalled.forEach { close($0) } }
        Thread.sleep(forTimeInterval: 0.3)
        let start = Date()
        #expect(httpGet(port: server.port, path: "/report.xhtml")?.status == 200)
        #expect(Date().timeIntervalSince(start) < 1, "answered only after \(Date().timeIntervalSince(start)) s")
        // The file is sent a piece at a time as each client takes it, not held whole per client.
        #expect(Self.residentMegabytes() < 400, "\(Self.residentMegabytes()) MB resident with 16 clients of a 24 MB file")
        // What a client does take arrives whole, the reload script in the XHTML edition.
        let page = httpGet(port: server.port, path: "/report.xhtml")?.body ?? ""
        #expect(page == #"<html><body>Edition.<script src="/__imprint/reload.js"></script></body></html>"#, "\(page)")
    }

    /// `count` connections to the server, each having sent `text` and then nothing more.
    private static func clients(_ count: Int, port: UInt16, sending text: String) -> [Int32] {
        (0..<count).compactMap { _ in
            guard let socket = connectToLoopback(port: port) else { return nil }
            _ = Array(text.utf8).withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
            return socket
        }
    }

    private static func residentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) / 1024
    }

    /// `watch --serve` with few descriptors, flooded with connections: it pauses accepting,
    /// then answers again; and the PDF worker it starts holds none of its sockets.
    @Test func outOfDescriptorsItKeepsAcceptingAndItsSocketsStayItsOwn() throws {
        let workspace = Workspace(report: "---\ntitle: Flooded\n---\n\nWords.\n")
        let watch = try Watch(in: workspace.folder, ["watch", "report.md", "--to", "xhtml,pdf", "--serve", "0"], descriptorLimit: 96)
        defer { watch.stop() }
        let port = try #require(
            watch.waitForLine { $0.hasPrefix("serving http://127.0.0.1:") }.flatMap { UInt16($0.split(separator: ":").last?.dropLast() ?? "") })
        try #require(watch.waitForLine { $0.hasPrefix("built pdf") } != nil, "\(watch.output)")
        var flood: [Int32] = []
        for _ in 0..<400 { if let socket = connectToLoopback(port: port) { flood.append(socket) } }
        Thread.sleep(forTimeInterval: 0.5)
        flood.forEach { close($0) }
        var answered = false
        let start = Date()
        while !answered && Date().timeIntervalSince(start) < 10 {
            answered = httpGet(port: port, path: "/report.xhtml")?.status == 200
            if !answered { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(answered, "the preview stopped answering after running out of descriptors: \(watch.output)")
        // The listening socket, by its inode in the kernel's table of TCP sockets.
        let table = (try? String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)) ?? ""
        let listening = table.split(separator: "\n").map { $0.split(separator: " ") }
            .first { $0.count > 9 && $0[1].hasSuffix(String(format: ":%04X", port)) && $0[3] == "0A" }.map { "socket:[\($0[9])]" }
        let listeningSocket = try #require(listening, "no listening socket on port \(port)")
        let workers = watch.children()
        #expect(!workers.isEmpty)
        for worker in workers {
            let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(worker)/fd")) ?? []
            let links = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(worker)/fd/\($0)") }
            #expect(!links.contains(listeningSocket), "the PDF worker \(worker) holds the preview's socket")
        }
    }
}
