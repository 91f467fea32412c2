import Foundation
import ReportTestSupport
import Testing
import XMLSupport
@testable import Imprint

/// The trust rules, tried as an attacker would: nothing outside the report's folder is
/// read, no address is active unless it is safe, nothing private is published, and outputs
/// are all-or-nothing. Each case fails on a build without the rule.
@Suite(.serialized, .needsOutsideTools) struct TrustTests {
    private static func report(_ body: String, frontMatter: String = "") -> [UInt8] {
        Array("---\ntitle: Trust\n\(frontMatter)---\n\n\(body)".utf8)
    }

    /// A unique file outside the workspace's report folder, which no edition may carry.
    private static func outsideSecret() -> String {
        let folder = NSTemporaryDirectory() + "imprint-secret-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/secret.png"
        _ = FileManager.default.createFile(atPath: path, contents: Data(onePixelPNG))
        return path
    }

    /// A valid 1×1 PNG.
    static let onePixelPNG: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
        0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D,
        0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ]

    private func expectRefused(
        _ workspace: Workspace, _ arguments: [String], mentioning message: String, sourceLocus: String = "report.md:"
    ) throws {
        let result = try workspace.run(arguments)
        #expect(result.status == 1, "\(result.stderr.prefix(800))")
        #expect(result.stderr.contains(message), "\(result.stderr.prefix(800))")
        #expect(result.stderr.contains(sourceLocus), "\(result.stderr.prefix(800))")
        #expect(workspace.files().isEmpty, "\(workspace.files())")
    }

    // MARK: - The PDF engine reads only the report's folder

    @Test func anSVGThatReachesOutsideIsRefusedBeforeAnyEdition() throws {
        let secret = Self.outsideSecret()
        let server = try LoopbackServer()
        defer { server.stop() }
        for reference in ["file://\(secret)", "../\(secret.split(separator: "/").suffix(2).joined(separator: "/"))",
                          "http://127.0.0.1:\(server.port)/x.png"] {
            let svg = """
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="\(reference)" width="10" height="10"/></svg>
                """
            let workspace = Workspace(files: ["report.md": Self.report("![Map](pic.svg)\n"), "pic.svg": Array(svg.utf8)])
            try expectRefused(
                workspace, ["build", "report.md", "--to", "pdf,xhtml,epub"], mentioning: "outside the image",
                sourceLocus: "report.md:5:1:")
        }
        #expect(server.requests == 0)
    }

    @Test func thePDFEngineIsRefusedFilesOutsideTheFolderAndTheNetwork() throws {
        let secret = Self.outsideSecret()
        let server = try LoopbackServer()
        defer { server.stop() }
        // A relative address passes the style sheets' address rule; the engine's fetcher
        // still refuses what it leads to outside the folder.
        let css = """
            p { background: url(link.png); }
            h1 { background: url(sub/../link.png); }
            """
        let workspace = Workspace(files: ["report.md": Self.report("## Heading\n\nText.\n"), "user.css": Array(css.utf8)])
        try FileManager.default.createSymbolicLink(atPath: workspace.folder + "/link.png", withDestinationPath: secret)
        let result = try workspace.run("build", "report.md", "--to", "pdf", "--css", "user.css")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("report.md:1:1: error: pdf: the PDF engine was refused"), "\(result.stderr)")
        #expect(result.stderr.contains("link.png"), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
        #expect(server.requests == 0)
    }

    /// One address rule for style sheets, from `--css` or a desk's `css:`, in every edition
    /// they reach: nothing from the network, no active scheme, no other sheet, however the
    /// CSS spells it.
    @Test(arguments: [
        "body { background: url(file://SECRET); }",
        "h1 { background: url(http://127.0.0.1:PORT/a.png); }",
        "h1 { background: u\\72l(http://127.0.0.1:PORT/a.png); }",
        "@\\69mport url(http://127.0.0.1:PORT/x.css);",
        "@import 'x.css';",
        "p { background: url(\"java\tscript:alert(1)\"); }",
        "p { background: image-set('http://127.0.0.1:PORT/a.png' 1x); }",
        "p { background: url(//127.0.0.1:PORT/a.png); }",
        "p { background: url(/etc/passwd); }",
        "p { background: url(\"http:/\\\n/127.0.0.1:PORT/a.png\"); }",
        "p::before { content: \"/*\" }\nbody { background: url(http://127.0.0.1:PORT/leak.png) }\np::after { content: \"*/\" }",
        "body { background: url(\"\\1 http://127.0.0.1:PORT/x\") }",
        "body{background:url(x/*)}\nbody{background-image:url(http://127.0.0.1:PORT/leak1)}\n/* */",
        "a{content:\"x\u{C}}b{content:\"/*\"}body{background-image:url(http://127.0.0.1:PORT/leak2)}/* */",
        "body{background:u/**/rl(http://127.0.0.1:PORT/x)} @font-face { src: url(http://127.0.0.1:PORT/f.woff) }",
    ])
    func styleSheetsFetchNothingInAnyEdition(rule: String) throws {
        let secret = Self.outsideSecret()
        let server = try LoopbackServer()
        defer { server.stop() }
        let css = rule.replacingOccurrences(of: "SECRET", with: secret).replacingOccurrences(of: "PORT", with: String(server.port))
        for config in [false, true] {
            let workspace = Workspace(files: [
                "report.md": Self.report("## Heading\n\nText.\n"), "user.css": Array(css.utf8),
                "imprint.yml": Array((config ? "css: user.css\n" : "").utf8),
            ])
            let result = try workspace.run(["build", "report.md", "--to", "xhtml,epub,pdf"] + (config ? [] : ["--css", "user.css"]))
            #expect(result.status == 1, "\(css): \(result.stderr)")
            #expect(result.stderr.contains("user.css:1:1: error: cannot embed this style sheet") && result.stderr.contains("[style-sheet-unsafe]"), "\(result.stderr)")
            #expect(workspace.files().isEmpty)
        }
        #expect(server.requests == 0)
    }

    @Test func anImageInsideTheFolderStillReachesThePDF() throws {
        let workspace = Workspace(files: [
            "report.md": Self.report("![A pixel](images/pixel.png)\n"), "images/pixel.png": Self.onePixelPNG,
        ])
        let result = try workspace.run("build", "report.md", "--to", "pdf")
        try #require(result.status == 0, "\(result.stderr)")
        let images = try runTool(["pdfimages", "-list", workspace.folder + "/out/report.pdf"])
        #expect(images.output.split(separator: "\n").count >= 3, "\(images.output)")
    }

    @Test func theWidthIsACSSLengthAndNothingElse() throws {
        let workspace = Workspace(files: [
            "report.md": Self.report("![Map](pic.png){width=\"1cm;background:url(file:///etc/hostname)\"}\n"),
            "pic.png": Self.onePixelPNG,
        ])
        try expectRefused(workspace, ["build", "report.md"], mentioning: "must be a CSS length", sourceLocus: "report.md:5:1:")
    }

    @Test func aJSONModelIsHeldToTheSameRules() throws {
        let secret = Self.outsideSecret()
        let model = """
            {"version":1,"metadata":{"title":"T","authors":[],"extra":[],"identifier":"x","keywords":[],"lang":"en","yardstick":"ICD203",
                          "publisher":{"name":"P","url":"javascript:alert(1)"}},
             "lead":[{"type":"figure","content":{"number":1,"source":"\(secret)","caption":[],"alt":"x","attributes":[],"width":"1cm;x"}},
                     {"type":"paragraph","content":[{"type":"link","content":{"url":"data:text/html,x","content":[{"type":"text","content":"c"}]}}]}],
             "sections":[],"footnotes":[]}
            """
        let workspace = Workspace(files: ["model.json": Array(model.utf8)])
        let result = try workspace.run("build", "model.json", "--to", "xhtml,pdf")
        #expect(result.status == 1)
        for expected in ["metadata.publisher.url", "is an absolute path", "width", "the link 'data:text/html,x'"] {
            #expect(result.stderr.contains(expected), "\(expected): \(result.stderr)")
        }
        #expect(workspace.files().isEmpty)
    }

    // MARK: - Addresses

    @Test func unsafeAddressesFromEverySourceNeverBecomeLinks() throws {
        let body = """
            [c](java&#x09;script:alert(1)) [v](VBScript:x) [d](data:text/html,x) [f](file:///etc/passwd)
            [n](notes.md) [s](//server/share/x.exe) <javascript:alert(2)>

            ![A pixel](pic.png){source-url="javascript:alert(3)" license-url="file:///x"}

            [ok](<https://example.org/a b[1]%zz>) and [mail](mailto:desk@example.org).
            """
        let frontMatter = """
            publisher: {name: P, url: "javascript:alert(4)"}
            license: {name: L, url: "data:text/html,x"}
            authors: [{name: A, email: desk@example.org}]

            """
        let workspace = Workspace(files: ["report.md": Self.report(body, frontMatter: frontMatter), "pic.png": Self.onePixelPNG])
        let result = try workspace.run("build", "report.md", "--to", "docbook,xhtml,epub,text,pdf")
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "is kept as plain text").count - 1 == 7, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "is left out").count - 1 == 4, "\(result.stderr)")
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        let docbook = try #require(workspace.contents("out/report.xml"))
        let hrefs = xhtml.matches(of: /href="([^"]*)"/).map { String($0.1) } + docbook.matches(of: /href="([^"]*)"/).map { String($0.1) }
        for href in hrefs {
            #expect(["https://", "http://", "mailto:", "#", "report.css"].contains { href.hasPrefix($0) }, "\(href)")
        }
        #expect(hrefs.contains("https://example.org/a%20b%5B1%5D%25zz"))
        // The text of an unsafe link stays, with its address as text.
        #expect(try #require(workspace.contents("out/report.txt")).contains("n <notes.md>"))
        // The PDF has no link but the two allowed.
        let pdf = try #require(FileManager.default.contents(atPath: workspace.folder + "/out/report.pdf"))
        let uris = String(decoding: pdf, as: UTF8.self).matches(of: /\/URI \(([^)]*)\)/).map { String($0.1) }
        #expect(uris.allSatisfy { $0.hasPrefix("https://") || $0.hasPrefix("mailto:") }, "\(uris)")
        // DocBook valid against its schema, the e-book clean under EPUBCheck.
        let schema = try RelaxNGSchema(path: "/usr/share/xml/docbook/schema/rng/5.0/docbook.rng")
        #expect(schema.validate(try XMLDocument.parse(Array(docbook.utf8))).isEmpty)
        let epubcheck = try epubCheck(workspace.folder + "/out/report.epub")
        #expect(epubcheck.contains("No errors or warnings detected"), "\(epubcheck.suffix(1500))")
    }

    @Test func anEmailAddressWithAQuoteIsAnError() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n", frontMatter: "authors: [{name: A, email: 'a\"b@example.org'}]\n")])
        try expectRefused(workspace, ["build", "report.md"], mentioning: "is not an e-mail address", sourceLocus: "report.md:3:")
    }

    // MARK: - Nothing private is published

    @Test func htmlCommentsReachNoEditionAndCheckListsThem() throws {
        let body = """
            <!-- internal: source is agent X -->

            The summary paragraph<!-- inline: agent Y --> goes on.

            ## Section {#s}

            <!--
            multi-line: agent Z
            -->
            Text.
            """
        let workspace = Workspace(files: ["report.md": Self.report(body)])
        let build = try workspace.run("build", "report.md", "--to", "docbook,xhtml,epub,text,brief,pdf")
        try #require(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("agent"), "\(build.stderr)")
        for file in ["report.xml", "report.xhtml", "report.txt", "report.brief.txt"] {
            let text = try #require(workspace.contents("out/" + file))
            #expect(!text.contains("agent"), "\(file)")
            #expect(!text.contains("<!--") && !text.contains("&lt;!--"), "\(file)")
        }
        let unzip = try runTool(["unzip", "-p", workspace.folder + "/out/report.epub"])
        try #require(unzip.status == 0 && unzip.output.contains("<html"), "unzip (Scripts/bootstrap installs it): \(unzip.output)")
        #expect(!unzip.output.contains("agent"))
        let info = try runTool(["pdfinfo", workspace.folder + "/out/report.pdf"]).output
        let text = try runTool(["pdftotext", workspace.folder + "/out/report.pdf", "-"]).output
        #expect(!info.contains("agent") && !text.contains("agent"))
        let check = try workspace.run("check", "report.md", "--strict")
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("report.md:5:1: note: HTML comment, left out of every edition: internal: source is agent X"))
        #expect(check.stderr.contains("report.md:7:22: note: HTML comment, left out of every edition: inline: agent Y"))
        #expect(check.stderr.contains("report.md:11:1: note: HTML comment, left out of every edition: multi-line: agent Z"))
    }

    @Test func commentsInFrontMatterStringsAreComments() throws {
        let workspace = Workspace(files: [
            "report.md": Self.report("Text.\n", frontMatter: "rights: \"© Desk <!-- client is ACME --> 2026\"\nsubtitle: Brief<!--draft-->\n")
        ])
        let build = try workspace.run("build", "report.md", "--to", "xhtml,text,docbook")
        try #require(build.status == 0, "\(build.stderr)")
        for file in ["report.xhtml", "report.txt", "report.xml"] {
            let text = try #require(workspace.contents("out/" + file))
            #expect(!text.contains("ACME") && !text.contains("draft") && text.contains("2026"), "\(file)")
        }
        let check = try workspace.run("check", "report.md")
        #expect(check.stderr.contains("report.md:3:9: note: HTML comment, left out of every edition: client is ACME"), "\(check.stderr)")
        #expect(check.stderr.contains("HTML comment, left out of every edition: draft"), "\(check.stderr)")
    }

    /// An SVG's style is read as the CSS engine reads it, escapes resolved; an animation
    /// may not set an address after the check.
    @Test(arguments: [
        (#"<style>rect { fill: u\72l(http://127.0.0.1:PORT/a) }</style>"#, "outside the image in its style"),
        (#"<style>@\69mport 'http://127.0.0.1:PORT/x.css';</style>"#, "imports a style sheet"),
        (#"<rect style="fill: image-set('http://127.0.0.1:PORT/a' 1x)" width="1" height="1"/>"#, "fetches with image-set"),
        (##"<a href="#x"><set attributeName="href" to="http://127.0.0.1:PORT/"/></a>"##, "animates its href attribute"),
        (##"<a href="#x"><animate attributeName="xlink:href" values="http://127.0.0.1:PORT/"/></a>"##, "animates its xlink:href attribute"),
        (#"<rect fill="url(http://127.0.0.1:PORT/a)" width="1" height="1"/>"#, "outside the image in its style"),
        (#"<rect width="1" height="1"><set attributeName="fill" to="url(http://127.0.0.1:PORT/a)"/></rect>"#, "outside the image in its style"),
        (#"<style>p::before{content:"/*"} rect{fill:url(http://127.0.0.1:PORT/a)} p::after{content:"*/"}</style>"#, "outside the image in its style"),
        (#"<h:img xmlns:h="http://www.w3.org/1999/xhtml" srcset="http://127.0.0.1:PORT/a 1x"/>"#, "has a <img> element of HTML"),
        (#"<style>svg{background:u<!-- -->rl(http://127.0.0.1:PORT/svg1)}</style>"#, "outside the image in its style"),
        (#"<style><![CDATA[svg{background:u]]>rl(http://127.0.0.1:PORT/svg3)}</style>"#, "outside the image in its style"),
        (#"<style>svg{fill:url(#a/*)} svg{background:url(http://127.0.0.1:PORT/svg2)} /* */</style>"#, "outside the image in its style"),
        (#"<rect style="fill:url(#a/*);stroke:url(http://127.0.0.1:PORT/svg4);--z:*/" width="1" height="1"/>"#, "outside the image in its style"),
        (#"<g xml:base="http://127.0.0.1:PORT/"><rect width="1" height="1"/></g>"#, "sets a base address"),
    ])
    func svgStyleAndAnimationAreReadAsABrowserReadsThem(element: String, message: String) throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        let svg = #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">"#
            + element.replacingOccurrences(of: "PORT", with: String(server.port)) + "<rect id=\"x\" width=\"5\" height=\"5\"/></svg>"
        let workspace = Workspace(files: ["report.md": Self.report("![Map](pic.svg)\n"), "pic.svg": Array(svg.utf8)])
        try expectRefused(workspace, ["build", "report.md", "--to", "xhtml,epub,docx"], mentioning: message, sourceLocus: "report.md:5:1:")
        #expect(server.requests == 0)
    }

    @Test func aContactOrEmailWithMoreThanAnAddressIsNoLink() throws {
        let workspace = Workspace(files: [
            "report.md": Self.report("Text.\n", frontMatter: "contact: desk@example.org?attach=/home/u/.ssh/id_rsa\n")
        ])
        let build = try workspace.run("build", "report.md", "--to", "xhtml,epub,docx")
        try #require(build.status == 0, "\(build.stderr)")
        let xhtml = try #require(workspace.contents("out/report.xhtml"))
        #expect(!xhtml.contains("mailto:") && xhtml.contains("desk@example.org?attach="), "\(xhtml)")
        let docx = try runTool(["unzip", "-p", workspace.folder + "/out/report.docx"]).output
        #expect(!docx.contains("mailto:"))
        for email in ["a?attach=/etc/passwd@example.org", "a&b=c@example.org", "a/b@example.org"] {
            let bad = Workspace(files: ["report.md": Self.report("Text.\n", frontMatter: "authors:\n  - name: A\n    email: \"\(email)\"\n")])
            let result = try bad.run("build", "report.md", "--to", "text")
            #expect(result.status == 1 && result.stderr.contains("is not an e-mail address"), "\(email): \(result.stderr)")
        }
    }

    // MARK: - Inputs

    @Test func deleteAndC1ControlsReachNoEdition() throws {
        let workspace = Workspace(files: ["report.md": Self.report("a\u{7F}b\u{80}c\u{9F}d [x](https://example.org/\u{85})\n")])
        let result = try workspace.run("build", "report.md", "--to", "docbook,xhtml,text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("report.md:5:2: warning: dropped the control character U+007F"), "\(result.stderr)")
        for file in workspace.files() {
            let text = try #require(workspace.contents("out/" + file))
            #expect(!text.unicodeScalars.contains { (0x7F...0x9F).contains($0.value) }, "\(file)")
        }
    }

    @Test func plainFrontMatterValuesCountTowardTheLimit() throws {
        let keywords = "keywords: [" + (0..<10_001).map { "k\($0)" }.joined(separator: ", ") + "]\n"
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n", frontMatter: keywords)])
        try expectRefused(workspace, ["build", "report.md"], mentioning: "more than 10000 values", sourceLocus: "report.md:2:")
    }

    @Test func devicesAndFIFOsAreRefusedAtOnce() throws {
        let workspace = Workspace()
        #expect(mkfifo(workspace.folder + "/r.md", 0o644) == 0)
        for input in ["/dev/zero", "r.md"] {
            let started = Date()
            let result = try workspace.run("build", input, "--to", "text")
            #expect(result.status == 1)
            #expect(result.stderr.contains("it is not a regular file"), "\(result.stderr)")
            #expect(Date().timeIntervalSince(started) < 30)
        }
    }

    @Test func anEmptyOutputFolderAndDashedNames() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n"), "-x.md": Self.report("Dashed.\n")])
        let empty = try workspace.run("build", "report.md", "-o", "")
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("-o/--output must be a folder, an edition's file or -, not ''"))
        #expect(!FileManager.default.fileExists(atPath: "/report.txt"))
        let dashed = try workspace.run("build", "-x.md")
        #expect(dashed.status == 2)
        #expect(dashed.stderr.contains("imprint build [OPTIONS] -- -x.md"))
        let built = try workspace.run("build", "--to", "text", "--", "-x.md")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(workspace.contents("out/-x.txt")?.contains("Dashed.") == true)
    }

    @Test func unsafeImagesNeverReachTheEbook() throws {
        let svg = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY e SYSTEM "file:///etc/hostname">]>
            <svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><foreignObject/><text>&e;</text></svg>
            """
        let workspace = Workspace(files: [
            "report.md": Self.report("![Evil](evil.svg)\n\n![Fake](fake.png)\n"), "evil.svg": Array(svg.utf8),
            "fake.png": Array("just text".utf8),
        ])
        let result = try workspace.run("build", "report.md", "--to", "epub")
        #expect(result.status == 1)
        for expected in ["report.md:5:1: error: image 'evil.svg' is not a safe SVG image", "document type declaration",
                         "event attribute onload", "<script>", "<foreignObject>",
                         "report.md:7:1: error: image 'fake.png' is not a PNG file"] {
            #expect(result.stderr.contains(expected), "\(expected): \(result.stderr)")
        }
        #expect(workspace.files().isEmpty)
    }

    // MARK: - The PDF worker

    @Test func theWorkerDiesWithImprint() throws {
        let body = (0..<3000).map { "Paragraph \($0) with words enough to fill a line or two of the page.\n\n" }.joined()
        let workspace = Workspace(files: ["report.md": Self.report(body)])
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["build", "report.md", "--to", "pdf"]
        process.currentDirectoryURL = URL(fileURLWithPath: workspace.folder)
        process.standardError = FileHandle.nullDevice
        try process.run()
        var worker: Int32?
        for _ in 0..<200 where worker == nil {
            Thread.sleep(forTimeInterval: 0.05)
            worker = Self.children(of: process.processIdentifier).first
        }
        let pid = try #require(worker, "no PDF worker was started")
        Thread.sleep(forTimeInterval: 0.5)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        var gone = false
        for _ in 0..<100 where !gone {
            gone = Self.isGone(pid)
            if !gone { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(gone, "the PDF worker \(pid) outlived Imprint")
        #expect(workspace.files().isEmpty)
    }

    @Test func aPDFThatTakesTooLongFailsTheBuild() throws {
        let body = (0..<3000).map { "Paragraph \($0) with words enough to fill a line or two of the page.\n\n" }.joined()
        let workspace = Workspace(files: ["report.md": Self.report(body)])
        let result = try workspace.run("build", "report.md", "--to", "pdf,text", "--pdf-timeout", "1")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the PDF engine took more than 1 s and was stopped"), "\(result.stderr)")
        #expect(workspace.files().isEmpty)
    }

    @Test func aWorkerThatDiesFailsTheBuildAtOnce() throws {
        // A worker (through IMPRINT_PDF_WORKER, the development override of the compiled-in
        // one) that says who it is, then dies at its first job.
        let worker = """
            import json, sys
            sys.stdout.write(json.dumps({"version": 2, "engine": "Broken 1"}) + "\\n"); sys.stdout.flush()
            sys.stdin.buffer.readline(); sys.stderr.write("worker: giving up\\n"); sys.exit(3)
            """
        let workspace = Workspace(files: ["report.md": Self.report("Text.\n"), "styles/pdf-worker.py": Array(worker.utf8)])
        let started = Date()
        let result = try workspace.run(
            ["build", "report.md", "--to", "pdf,text"], environment: ["IMPRINT_PDF_WORKER": workspace.folder + "/styles/pdf-worker.py"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("report.md:1:1: error: pdf: the PDF worker"), "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 30)
        #expect(workspace.files().isEmpty)
        // A desk's house style (IMPRINT_STYLES) cannot replace the sandboxed worker.
        let styled = try workspace.run(
            ["build", "report.md", "--to", "pdf", "-o", "styled"], environment: ["IMPRINT_STYLES": workspace.folder + "/styles"])
        #expect(styled.status == 0, "\(styled.stderr)")
        #expect(workspace.files(under: "styled") == ["report.pdf"])
    }

    /// The processes whose parent is `pid`.
    private static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    /// Whether `pid` has ended (a zombie waiting for init counts as ended).
    private static func isGone(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return true }
        return status.contains("State:\tZ")
    }

    // MARK: - All editions commit together

    @Test func aFolderInTheWayLeavesEveryOldEditionAsItWas() throws {
        let workspace = Workspace(files: ["report.md": Self.report("First.\n")])
        try #require(try workspace.run("build", "report.md", "--to", "docbook,text,brief").status == 0)
        let before = try #require(workspace.contents("out/report.xml"))
        try FileManager.default.removeItem(atPath: workspace.folder + "/out/report.brief.txt")
        try FileManager.default.createDirectory(atPath: workspace.folder + "/out/report.brief.txt", withIntermediateDirectories: false)
        workspace.write("report.md", Self.report("Second.\n"))
        let result = try workspace.run("build", "report.md", "--to", "docbook,text,brief")
        #expect(result.status == 1)
        #expect(result.stderr.contains("a folder of that name is in the way"), "\(result.stderr)")
        #expect(workspace.contents("out/report.xml") == before)
        #expect(workspace.contents("out/report.txt")?.contains("First.") == true)
        #expect(workspace.files().allSatisfy { !$0.hasPrefix(".") && !$0.contains("imprint-swap") }, "\(workspace.files())")
    }

    @Test func aCommitCutShortIsPutBackByTheNextBuild() throws {
        let folder = Workspace().folder
        // Two old editions; the first already swapped with its new one, the second not yet.
        let (first, second) = (folder + "/r.xml", folder + "/r.txt")
        let (firstAside, secondAside) = (folder + "/.r.xml.41.1.imprint-swap", folder + "/.r.txt.41.2.imprint-swap")
        try Data("old xml".utf8).write(to: URL(fileURLWithPath: first))
        try Data("old txt".utf8).write(to: URL(fileURLWithPath: second))
        try Data("new xml".utf8).write(to: URL(fileURLWithPath: firstAside))
        try Data("new txt".utf8).write(to: URL(fileURLWithPath: secondAside))
        rename(firstAside, folder + "/new")
        rename(first, firstAside)
        rename(folder + "/new", first)
        var status = stat()
        stat(first, &status)
        let newFirst = status.st_ino
        stat(secondAside, &status)
        try FileManager.default.createDirectory(atPath: folder + "/.imprint", withIntermediateDirectories: false)
        let journal = folder + "/.imprint/r.stamp.commit"
        let lines = "\(newFirst)\told\t\(firstAside)\t\(first)\n\(status.st_ino)\told\t\(secondAside)\t\(second)\n"
        try Data(lines.utf8).write(to: URL(fileURLWithPath: journal))
        AtomicFile.recover(journal: journal)
        #expect(try String(contentsOfFile: first, encoding: .utf8) == "old xml")
        #expect(try String(contentsOfFile: second, encoding: .utf8) == "old txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == [".imprint", "r.txt", "r.xml"])
    }

    /// A downloaded folder's `out/.imprint/` journal names files elsewhere, and files of
    /// the folder under names that are not Imprint's: the next build touches none of them.
    @Test func aShippedJournalCannotRemoveOrMoveAnyFile() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Body.\n"), "keep.txt": Array("mine".utf8), "out/keep.txt": Array("mine too".utf8)])
        let outside = Workspace(files: ["thesis.txt": Array("years of work".utf8)])
        var status = stat()
        stat(outside.folder + "/thesis.txt", &status)
        let (thesis, keep) = (outside.folder + "/thesis.txt", workspace.folder + "/out/keep.txt")
        // A link inside the output folder, and an entry through it with the right inode.
        symlink(outside.folder, workspace.folder + "/out/L")
        let journal = [
            "\(status.st_ino)\tnew\tout/L/.thesis.txt.1.1.imprint-swap\tout/L/thesis.txt",
            "\(status.st_ino)\tnew\t\(outside.folder)/.thesis.txt.1.1.imprint-swap\t\(thesis)",
            "1\tnew\t\(workspace.folder)/keep.txt\t\(thesis)",
            "1\told\t\(keep)\tout/report.txt",
            "1\tnew\tout/.keep.txt.1.1.imprint-swap\tout/../keep.txt",
            "1\told\tout/x\tout/keep.txt",
        ].joined(separator: "\n") + "\n"
        workspace.write("out/.imprint/report.stamp.commit", Array(journal.utf8))
        let result = try workspace.run("build", "report.md", "--to", "text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(outside.contents("thesis.txt") == "years of work")
        #expect(workspace.contents("keep.txt") == "mine")
        #expect(workspace.contents("out/keep.txt") == "mine too")
        #expect(workspace.contents("out/report.txt")?.contains("Body.") == true)
    }

    /// A link planted as `out/.imprint`, or as the journal in it, is never written through:
    /// the build removes the link and keeps its records in a folder of its own.
    @Test func linksInTheRecordsFolderAreNeverWrittenThrough() throws {
        let outside = Workspace(files: ["big.bin": Array(repeating: 7, count: 2_000_000)])
        for planted in ["journal", "dangling journal", "folder"] {
            let workspace = Workspace(files: ["report.md": Self.report("Body.\n")])
            try FileManager.default.createDirectory(atPath: workspace.folder + "/out/.imprint", withIntermediateDirectories: true)
            switch planted {
            case "journal": symlink(outside.folder + "/big.bin", workspace.folder + "/out/.imprint/report.stamp.commit")
            case "dangling journal": symlink(outside.folder + "/created.txt", workspace.folder + "/out/.imprint/report.stamp.commit")
            default:
                rmdir(workspace.folder + "/out/.imprint")
                symlink(outside.folder, workspace.folder + "/out/.imprint")
            }
            let result = try workspace.run("build", "report.md", "--to", "text,xhtml")
            #expect(result.status == 0, "\(planted): \(result.stderr)")
            #expect(workspace.contents("out/report.txt")?.contains("Body.") == true)
            let size = (try FileManager.default.attributesOfItem(atPath: outside.folder + "/big.bin")[.size] as? Int) ?? 0
            #expect(size == 2_000_000, "\(planted): the file outside was written through a link")
            #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder) == ["big.bin"], "\(planted)")
        }
    }

    /// A folder of reports whose output folder came with a link inside it, where a report's
    /// editions would go: that report fails, nothing is written through the link.
    @Test func aFolderBuildDoesNotWriteThroughALinkInTheOutputFolder() throws {
        let outside = Workspace()
        let workspace = Workspace(files: ["in/sub/r.md": Self.report("Sub.\n"), "in/top.md": Self.report("Top.\n")])
        try FileManager.default.createDirectory(atPath: workspace.folder + "/out", withIntermediateDirectories: true)
        symlink(outside.folder, workspace.folder + "/out/sub")
        let result = try workspace.run("build", "in", "--to", "text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("in/sub/r.md:1:1: error: its editions' folder out/sub leads out of the output folder through a link"), "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder).isEmpty)
        #expect(workspace.contents("out/top.txt")?.contains("Top.") == true)
    }

    /// A downloaded folder's stamp and editions, made to look current, are not taken for
    /// this machine's build: the report is built.
    @Test func aShippedStampIsNeverCurrent() throws {
        let workspace = Workspace(files: ["report.md": Self.report("Real words.\n")])
        try #require(try workspace.run("build", "report.md", "--to", "text").status == 0)
        let stamp = try #require(workspace.contents("out/.imprint/report.stamp"))
        // As an archive unpacks it: the same bytes, new files.
        workspace.write("out/report.txt", Array("Forged words.\n".utf8))
        workspace.write("out/.imprint/report.stamp", Array(stamp.utf8))
        let result = try workspace.run("build", "report.md", "--to", "text")
        #expect(result.status == 0 && !result.stdout.contains("up to date"), "\(result.stdout)")
        #expect(workspace.contents("out/report.txt")?.contains("Real words.") == true)
        // A stamp that vouches for no file at all (its settings line alone) is not current either.
        let settings = try #require(workspace.contents("out/.imprint/report.stamp")?.split(separator: "\n").dropFirst().first)
        workspace.write("out/report.txt", Array("Forged words.\n".utf8))
        workspace.write("out/.imprint/report.stamp", Array("imprint-stamp 2\n\(settings)\n".utf8))
        let bare = try workspace.run("build", "report.md", "--to", "text")
        #expect(!bare.stdout.contains("up to date") && workspace.contents("out/report.txt")?.contains("Real words.") == true, "\(bare.stdout)")
    }

    /// An `out` link shipped in a downloaded folder is not followed out of it, and an image
    /// folder beside the edition that leads out is not written through.
    @Test func theDefaultOutputFolderIsNotFollowedOut() throws {
        let outside = Workspace(files: ["report.txt": Array("someone else's".utf8)])
        let workspace = Workspace(files: ["report.md": Self.report("Body.\n")])
        symlink(outside.folder, workspace.folder + "/out")
        let result = try workspace.run("build", "report.md", "--to", "text")
        #expect(result.status == 1)
        #expect(result.stderr.contains("the default output folder 'out' is a link that leads out of this folder"), "\(result.stderr)")
        #expect(outside.contents("report.txt") == "someone else's")
        // Named on the command line, the same link is the user's choice.
        #expect(try workspace.run("build", "report.md", "--to", "text", "-o", "out").status == 0)
        #expect(outside.contents("report.txt")?.contains("Body.") == true)
    }
}
