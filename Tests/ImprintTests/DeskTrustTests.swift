import Foundation
import ReportTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A downloaded report folder is input like any other: its `imprint.yml` steers nothing
/// outside it. Every path it names stays inside its own folder (links resolved), an
/// `imprint.yml` that may not be trusted is ignored, and `imprint config` says which values
/// a build refuses.
@Suite struct DeskTrustTests {
    private static let report = Array("---\ntitle: Downloaded\n---\n\nThe words of the report.\n".utf8)

    /// A folder outside the report's, with a file no build may read or replace.
    private static func outside() -> Workspace {
        Workspace(files: ["secret.css": Array("p { color: red; } /* OUTSIDE-SECRET */\n".utf8), "thesis.txt": Array("years of work".utf8)])
    }

    @Test(arguments: [
        ("output: ../escaped", "'output' names '../escaped'"),
        ("output: OUTSIDE", "'output' names"),
        ("css: [house.css, ../secret.css]", "'css' names 'house.css', '../secret.css'"),
        ("css: OUTSIDE/secret.css", "'css' names"),
        ("reference-doc: ../house.docx", "'reference-doc' names '../house.docx'"),
        ("assets: [/]", "'assets' names '/'"),
        ("assets: [shared]", "'assets' names 'shared'"),
        ("css: escape/secret.css", "'css' names 'escape/secret.css'"),
    ])
    func aDeskFilesPathsStayInsideItsFolder(setting: String, message: String) throws {
        let outside = Self.outside()
        let workspace = Workspace(files: [
            "dl/report.md": Self.report, "dl/house.css": Array("p { color: blue; }\n".utf8),
            "dl/imprint.yml": Array((setting.replacingOccurrences(of: "OUTSIDE", with: outside.folder) + "\n").utf8),
        ])
        symlink("/", workspace.folder + "/dl/shared")
        symlink(outside.folder, workspace.folder + "/dl/escape")
        let result = try workspace.run("build", "dl/report.md", "--to", "xhtml,text", "-o", "built")
        #expect(result.status == 1)
        #expect(result.stderr.contains("dl/imprint.yml:1:"), "\(result.stderr)")
        #expect(result.stderr.contains(message) && result.stderr.contains("[file-outside-folder]"), "\(result.stderr)")
        #expect(workspace.files(under: "built").isEmpty && workspace.files(under: "escaped").isEmpty)
        #expect(outside.contents("thesis.txt") == "years of work")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.folder).sorted() == ["secret.css", "thesis.txt"])
        // `imprint config` shows the value, refused, and refuses it as the build does.
        let config = try workspace.run("config", "dl/report.md")
        #expect(config.status == 1, "\(config.stderr)")
        #expect(config.stdout.contains("(refused: leaves its file's folder)"), "\(config.stdout)")
        #expect(config.stderr.contains("dl/imprint.yml:1:") && config.stderr.contains(message), "\(config.stderr)")
    }

    @Test func pathsInsideTheFolderAreObeyed() throws {
        let workspace = Workspace(files: [
            "desk/imprint.yml": Array("output: built/deep\ncss: [house/house.css]\nassets: [.]\n".utf8),
            "desk/house/house.css": Array("p { letter-spacing: 0.01em; } /* HOUSE */\n".utf8),
            "desk/team/report.md": Self.report,
        ])
        let result = try workspace.run("build", "desk/team/report.md", "--to", "xhtml")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.contents("desk/built/deep/report.css")?.contains("HOUSE") == true)
        let config = try workspace.run("config", "desk/team/report.md")
        #expect(config.stdout.contains("css: [house/house.css]") && config.stdout.contains("(allowed: inside its file's folder)"), "\(config.stdout)")
        // The command line may name any file: the user chose it.
        let outside = Self.outside()
        let chosen = try workspace.run("build", "desk/team/report.md", "--to", "xhtml", "--css", outside.folder + "/secret.css", "--force")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(workspace.contents("desk/built/deep/report.css")?.contains("OUTSIDE-SECRET") == true)
    }

    /// An imprint.yml that is a link out of its folder (to a file of yours elsewhere, a
    /// token file) is ignored: a desk's configuration stays in its folder as its paths do.
    /// And a front-matter key named as a desk's path is no build option: no verdict.
    @Test func aConfigurationLinkedFromElsewhereIsIgnored() throws {
        let outside = Self.outside()
        outside.write("hosts.yml", Array("title: Stolen\noauth_token: SECRET\n".utf8))
        let workspace = Workspace(files: ["dl/report.md": Self.report])
        symlink(outside.folder + "/hosts.yml", workspace.folder + "/dl/imprint.yml")
        let result = try workspace.run("build", "dl/report.md", "--to", "text", "-o", "built")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("this configuration is ignored: it is a link to") && result.stderr.contains("outside its folder"), "\(result.stderr)")
        #expect(workspace.contents("built/report.txt")?.contains("Stolen") == false)
        let config = try workspace.run("config", "dl/report.md", "-M", "css=/etc/passwd")
        #expect(!config.stdout.contains("SECRET"), "\(config.stdout)")
        #expect(config.stdout.contains("css: /etc/passwd") && !config.stdout.contains("allowed"), "\(config.stdout)")
    }

    @Test func aConfigurationAnyoneMayWriteIsIgnored() throws {
        let workspace = Workspace(files: [
            "shared/imprint.yml": Array("publisher: Someone Else\n".utf8),
            "shared/report.md": Self.report,
            "mine/imprint.yml": Array("publisher: Anyone\n".utf8),
            "mine/report.md": Self.report,
        ])
        chmod(workspace.folder + "/shared", 0o1777)
        chmod(workspace.folder + "/mine/imprint.yml", 0o666)
        for folder in ["shared", "mine"] {
            let result = try workspace.run("build", folder + "/report.md", "--to", "text", "-o", folder + "-out")
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("\(folder)/imprint.yml:1:1: warning: this configuration is ignored"), "\(result.stderr)")
            #expect(result.stderr.contains("[configuration-ignored]"))
            #expect(workspace.contents(folder + "-out/report.txt")?.contains("Someone Else") == false)
            #expect(workspace.contents(folder + "-out/report.txt")?.contains("Anyone") == false)
            let config = try workspace.run("config", folder + "/report.md")
            #expect(config.stderr.contains("this configuration is ignored") && !config.stdout.contains("publisher"), "\(config.stdout)")
        }
        // Named on the command line, it is the user's choice.
        let chosen = try workspace.run("build", "shared/report.md", "--to", "text", "-o", "chosen", "--config", "shared/imprint.yml")
        #expect(chosen.status == 0 && workspace.contents("chosen/report.txt")?.contains("Someone Else") == true, "\(chosen.stderr)")
    }

    @Test(.enabled(if: geteuid() == 0, "changing a file's owner needs root"))
    func anotherUsersConfigurationIsIgnored() throws {
        let workspace = Workspace(files: ["imprint.yml": Array("publisher: Someone Else\n".utf8), "report.md": Self.report])
        chown(workspace.folder + "/imprint.yml", 65534, 65534)
        let result = try workspace.run("build", "report.md", "--to", "text")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("it belongs to another user (uid 65534)"), "\(result.stderr)")
        #expect(workspace.contents("out/report.txt")?.contains("Someone Else") == false)
        // Another user's folder, or a link of theirs to a file of root's, is theirs too.
        let theirs = Workspace(files: ["mine.yml": Array("publisher: Someone Else\n".utf8), "team/report.md": Self.report])
        symlink(theirs.folder + "/mine.yml", theirs.folder + "/team/imprint.yml")
        lchown(theirs.folder + "/team/imprint.yml", 65534, 65534)
        let linked = try theirs.run("build", "team/report.md", "--to", "text")
        #expect(linked.stderr.contains("this configuration is ignored: it belongs to another user"), "\(linked.stderr)")
        unlink(theirs.folder + "/team/imprint.yml")
        theirs.write("team/imprint.yml", Array("publisher: Someone Else\n".utf8))
        chown(theirs.folder + "/team", 65534, 65534)
        let folder = try theirs.run("build", "team/report.md", "--to", "text", "-o", theirs.folder + "/built")
        #expect(folder.stderr.contains("this configuration is ignored: its folder belongs to another user"), "\(folder.stderr)")
        // A chain of links is held to the rule at every link, and at the folder of each.
        let chain = Workspace(files: ["d/real.yml": Array("publisher: Someone Else\n".utf8), "d/report.md": Self.report, "nob/keep": []])
        symlink("real.yml", chain.folder + "/d/mid.yml")
        lchown(chain.folder + "/d/mid.yml", 65534, 65534)
        symlink("mid.yml", chain.folder + "/d/imprint.yml")
        let twoLinks = try chain.run("build", "d/report.md", "--to", "text", "-o", chain.folder + "/b1")
        #expect(twoLinks.stderr.contains("this configuration is ignored: the file it leads to"), "\(twoLinks.stderr)")
        unlink(chain.folder + "/d/imprint.yml")
        chain.write("nob/t.yml", Array("publisher: Someone Else\n".utf8))
        chown(chain.folder + "/nob", 65534, 65534)
        symlink("../nob/t.yml", chain.folder + "/d/imprint.yml")
        let theirFolder = try chain.run("build", "d/report.md", "--to", "text", "-o", chain.folder + "/b2")
        #expect(theirFolder.stderr.contains("this configuration is ignored: the folder of"), "\(theirFolder.stderr)")
    }

    /// A desk's words reach CSS, XML and text: escaped for each, a control character or an
    /// amplifying word refused at its place.
    @Test(.needsOutsideTools) func deskWordsAreEscapedAndBounded() throws {
        let injected = #"Page {page} </style><p>INJECTED</p><a href="javascript:x">x</a> \"; } body { color: red "#
        let workspace = Workspace(files: [
            "imprint.yml": Array("words:\n  en:\n    page.of: '\(injected)'\n".utf8), "report.md": Self.report,
        ])
        let result = try workspace.run("build", "report.md", "--to", "pdf,xhtml,docx")
        try #require(result.status == 0, "\(result.stderr)")
        let text = try runTool(["pdftotext", workspace.folder + "/out/report.pdf", "-"]).output
        // The word is set as the text it is, markup and all, on every page.
        #expect(text.contains("Page 1 </"), "\(text)")
        let css = try #require(workspace.contents("out/report.css"))
        #expect(!css.contains("</style") && !css.contains("<p>"), "\(css)")
        for (word, message) in [("\"Page\\e]0;owned\\a {page}\"", "holds a control character"),
                                ("'{title}{title}{title}{title}{title}'", "has more than 4 placeholders"),
                                ("'\(String(repeating: "x", count: 201))'", "is longer than 200 characters")] {
            let bad = Workspace(files: ["imprint.yml": Array("words:\n  en:\n    page.of: \(word)\n".utf8), "report.md": Self.report])
            let refused = try bad.run("build", "report.md", "--to", "text")
            #expect(refused.status == 1 && refused.stderr.contains("imprint.yml:3:14: error: the word 'page.of' \(message)"), "\(refused.stderr)")
        }
    }

    /// A name with escape sequences reaches the terminal as text.
    @Test func namesReachTheTerminalEscaped() throws {
        let name = "evil\u{1B}]0;owned\u{07}\u{1B}[2J\nreport.md:1:1: error: forged.md"
        let workspace = Workspace(files: [name: Array("no front matter".utf8)])
        let result = try workspace.run("build", name, "--to", "text")
        #expect(result.status == 1)
        #expect(!result.stderr.contains("\u{1B}") && !result.stdout.contains("\u{1B}"), "\(result.stderr)")
        #expect(result.stderr.contains("evil\\e]0;owned\\x07\\e[2J\\nreport.md"), "\(result.stderr)")
        // A desk's value reaches `imprint config` the same way.
        let desk = Workspace(files: ["report.md": Self.report, "imprint.yml": Array("publisher: \"Desk\\e]0;owned\\a\"\n".utf8)])
        let config = try desk.run("config", "report.md")
        #expect(config.status == 0 && config.stdout.contains("Desk\\e]0;owned\\x07"), "\(config.stdout)\(config.stderr)")
        #expect(!config.stdout.contains("\u{1B}") && !config.stderr.contains("\u{1B}"))
    }
}
