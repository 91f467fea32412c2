import Foundation
import ReportTestSupport
import Testing
import XMLSupport
@testable import Imprint

/// Whatever it is fed, Imprint ends in a clear diagnostic (exit 1, nothing written) or in
/// valid output: never a crash, a hang, a signal, or a file read from outside the folder.
/// The 50 MB report and the multi-megabyte line run in Scripts/hostile, on a release build.
@Suite(.serialized, .needsOutsideTools) struct HostileInputTests {
    private func expectRefused(_ report: [UInt8], message: String, formats: String = "docbook,xhtml,epub,docx,text") throws {
        let workspace = Workspace(files: ["report.md": report])
        let result = try workspace.run("build", "report.md", "--to", formats)
        #expect(result.status == 1, "\(result.stderr.prefix(500))")
        #expect(result.stderr.contains(message), "\(result.stderr.prefix(500))")
        #expect(result.stderr.hasPrefix("report.md:"))
        #expect(workspace.files().isEmpty)
    }

    private func expectBuilt(_ report: [UInt8], formats: String = "docbook,xhtml,epub,docx,text") throws -> Workspace {
        let workspace = Workspace(files: ["report.md": report])
        let result = try workspace.run("build", "report.md", "--to", formats)
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        if formats.contains("docx") { try expectWellFormedParts(of: workspace.folder + "/out/report.docx") }
        return workspace
    }

    /// Every XML part of a Word document parses (the readers' own tests are in
    /// WordEditionTests; a hostile report is held to well-formed parts).
    private func expectWellFormedParts(of docx: String) throws {
        let names = try runProgram("/usr/bin/unzip", ["-Z1", docx])
        try #require(names.status == 0, "not a ZIP: \(names.output)")
        for name in names.output.split(separator: "\n") where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            let part = Process()
            part.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
            // unzip reads a name as a pattern, in which brackets are a character class.
            part.arguments = ["-p", docx, name.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")]
            let pipe = Pipe()
            part.standardOutput = pipe
            try part.run()
            let bytes = Array(pipe.fileHandleForReading.readDataToEndOfFile())
            part.waitUntilExit()
            #expect(throws: Never.self, "\(name)") { _ = try XMLDocument.parse(bytes, url: String(name)) }
        }
    }

    private static func report(_ body: String) -> [UInt8] { Array("---\ntitle: Hostile\n---\n\n\(body)".utf8) }

    @Test func quotesNested100000Deep() throws {
        try expectRefused(Self.report(String(repeating: ">", count: 100_000) + " deep\n"), message: "nested more than 128 levels")
    }

    @Test func listsNested100000Deep() throws {
        try expectRefused(Self.report(String(repeating: "- ", count: 100_000) + "deep\n"), message: "nested more than 128 levels")
    }

    @Test func emphasisNestedDeep() throws {
        let body = String(repeating: "*a ", count: 50_000) + String(repeating: "b*", count: 50_000) + "\n"
        let workspace = Workspace(files: ["report.md": Self.report(body)])
        let result = try workspace.run("build", "report.md", "--to", "docbook")
        #expect(result.status == 0 || result.stderr.contains("nested more than"), "\(result.stderr.prefix(300))")
    }

    @Test func twentyThousandFootnotes() throws {
        let count = 20_000
        let body = (0..<count).map { "Claim \($0).[^n\($0)]\n\n" }.joined() + (0..<count).map { "[^n\($0)]: Note \($0).\n" }.joined()
        let workspace = try expectBuilt(Self.report(body))
        let text = try #require(workspace.contents("out/report.txt"))
        #expect(text.contains("[20000] Note 19999."))
    }

    @Test func aLineOfAMegabyte() throws {
        let workspace = try expectBuilt(Self.report(String(repeating: "word ", count: 200_000) + "\n"), formats: "docbook,text")
        #expect(try #require(workspace.contents("out/report.txt")).split(separator: "\n").allSatisfy { $0.count <= 72 })
    }

    @Test func controlCharactersAndNoncharactersNeverReachAnOutput() throws {
        let workspace = try expectBuilt(Self.report("a\u{0}b\u{1}c\u{FFFE}d\u{FFFF}e\u{7}\n"))
        // (The ZIP packages are binary; their XML parts are checked by `expectBuilt`.)
        for file in workspace.files() where !file.hasSuffix(".epub") && !file.hasSuffix(".docx") {
            let text = try #require(workspace.contents("out/" + file))
            #expect(!text.unicodeScalars.contains { [0, 1, 7, 0xFFFE, 0xFFFF].contains($0.value) }, "\(file)")
        }
    }

    @Test func dangerousAddressesAreNeverActive() throws {
        let body = "[x](javascript:alert(1)) [y](file:///etc/passwd) [z](data:text/html,<script>alert(1)</script>) [w](vbscript:msgbox)\n"
        let workspace = try expectBuilt(Self.report(body), formats: "docbook,xhtml,text")
        for file in ["report.xml", "report.xhtml"] {
            let text = try #require(workspace.contents("out/" + file))
            for scheme in ["javascript:", "file:", "data:", "vbscript:"] {
                #expect(!text.contains("href=\"\(scheme)"), "\(file) links to \(scheme)")
            }
            #expect(!text.contains("<script"), "\(file) carries a script element")
        }
    }

    @Test(arguments: [
        ("![a](javascript:alert(1))\n", "javascript: address"), ("![a](file:///etc/passwd)\n", "file: address"),
        ("![a](data:image/png;base64,AAAA)\n", "data: address"), ("![a](../../etc/passwd)\n", "leaves the report's folder"),
        ("![a](/etc/passwd)\n", "absolute path"),
    ])
    func dangerousImagesAreRefused(body: String, message: String) throws {
        try expectRefused(Self.report(body), message: message)
    }

    @Test func symbolicLinksOutOfTheFolderAreRefused() throws {
        let workspace = Workspace(files: ["report.md": Self.report("![a](secret.png)\n")])
        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/secret.png", withDestinationPath: "/etc/hostname")
        let result = try workspace.run("build", "report.md", "--to", "epub")
        #expect(result.status == 1)
        #expect(result.stderr.contains("leaves the report's folder"))
        #expect(workspace.files().isEmpty)
    }

    @Test func yamlAliasBombsAreRefused() throws {
        var yaml = "title: T\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            yaml += "b\(level): &b\(level) [" + Array(repeating: level == 1 ? "*a" : "*b\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let workspace = Workspace(files: ["report.md": Array("---\n\(yaml)---\n".utf8)])
        let result = try workspace.run("build", "report.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("aliases"))
    }

    @Test func anEmptyFileIsRefused() throws {
        try expectRefused([], message: "no title")
    }

    @Test func aFileWithoutFrontMatterBuilds() throws {
        let workspace = try expectBuilt(Array("# A Title\n\nText.\n".utf8))
        #expect(workspace.contents("out/report.txt")?.contains("A Title") == true)
    }

    @Test func aReportOverTheSizeLimitIsRefusedBeforeReading() throws {
        let workspace = Workspace()
        let path = workspace.folder + "/report.md"
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: UInt64(ReportMarkdownReaderLimit.bytes + 1))
        try handle.close()
        let result = try workspace.run("build", "report.md")
        #expect(result.status == 1)
        #expect(result.stderr.contains("up to 64 MiB"))
        #expect(workspace.files().isEmpty)
    }

    /// A build killed mid-way leaves the earlier outputs as they were (or, killed after its
    /// swaps, the new ones, all of them) and no temporary file.
    @Test func aKilledBuildLeavesNoTrace() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Before.\n")])
        #expect(try workspace.run("build", "report.md", "--to", "docbook,xhtml,text").status == 0)
        // The stamp is left out: a build removes it before it writes (see `Pipeline.build`).
        let stamp = ".imprint/report.stamp"
        let before = Dictionary(
            uniqueKeysWithValues: workspace.files(stamps: true).filter { $0 != stamp }.map { ($0, workspace.contents("out/" + $0)) })
        let body = (0..<20_000).map { "Claim \($0) with *emphasis* and a [link](https://example.org/\($0)).[^n\($0)]\n\n" }.joined()
            + (0..<20_000).map { "[^n\($0)]: Note \($0).\n" }.joined()
        workspace.write("report.md", Self.report(body))
        // The new report's editions, built whole elsewhere: a build killed after its swaps
        // (while it writes its stamp, or exits) has put them in place.
        let reference = Workspace(files: ["report.md": Self.report(body)])
        #expect(try reference.run("build", "report.md", "--to", "docbook,xhtml,text").status == 0)
        let after = Dictionary(uniqueKeysWithValues: before.keys.map { ($0, reference.contents("out/" + $0)) })
        for delay in [0.2, 0.8, 1.6, 3.0] {
            let process = Process()
            process.executableURL = CommandRunner.executable
            process.arguments = ["build", "report.md", "--to", "docbook,xhtml,text"]
            process.currentDirectoryURL = URL(fileURLWithPath: workspace.folder)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let files = workspace.files(stamps: true).filter { $0 != stamp }
            #expect(files == before.keys.sorted(), "after \(delay) s: \(files)")
            if process.terminationReason == .uncaughtSignal {
                let old = before.allSatisfy { workspace.contents("out/" + $0.key) == $0.value }
                let new = after.allSatisfy { workspace.contents("out/" + $0.key) == $0.value }
                #expect(old || new, "after \(delay) s: the editions are neither all the old ones nor all the new ones")
            }
        }
    }
}

/// The reader's size limit, as tests see it.
enum ReportMarkdownReaderLimit {
    static let bytes = 64 << 20
}
