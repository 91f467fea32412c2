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
        // `imprint config` shows the value, refused, and goes on.
        let config = try workspace.run("config", "dl/report.md")
        #expect(config.status == 0, "\(config.stderr)")
        #expect(config.stdout.contains("(refused: leaves its file's folder)"), "\(config.stdout)")
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
        // The command line may name any file: the user chose it.
        let outside = Self.outside()
        let chosen = try workspace.run("build", "desk/team/report.md", "--to", "xhtml", "--css", outside.folder + "/secret.css", "--force")
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(workspace.contents("desk/built/deep/report.css")?.contains("OUTSIDE-SECRET") == true)
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
    }
}
