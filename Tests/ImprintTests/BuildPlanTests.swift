import Foundation
import ReportModel
import ReportTestSupport
import Testing

@testable import Imprint

/// The build plan: every setting from the command line, else the report's nearest desk
/// configuration, else its one default; every value checked by one rule, whichever of the
/// two gave it; and every command planning alike.
@Suite struct BuildPlanTests {
    private static let report = Array("---\ntitle: Planned\ndate: 2026-12-07\n---\n\n\(String(repeating: "Words of a long paragraph ", count: 12))\n".utf8)

    private func request(_ workspace: Workspace, _ report: String = "report.md") -> BuildRequest {
        BuildRequest(report: workspace.folder + "/" + report)
    }

    @Test func flagsWinOverTheDeskAndTheDeskOverTheDefaults() throws {
        let bare = Workspace(files: ["report.md": Self.report])
        let defaults = try BuildPlan.resolve(request(bare))
        #expect(defaults.settings == BuildSettings.defaults)
        #expect(defaults.outputDirectory == BuildPlan.defaultOutput && defaults.outputName == nil)

        let desk = Workspace(files: [
            "report.md": Self.report,
            "imprint.yml": Array("paper: Letter\nwidth: 40\nto: [text, brief]\npdf-standard: pdf/a-3u\noutput: built\n".utf8),
        ])
        let planned = try BuildPlan.resolve(request(desk))
        #expect(planned.settings.paper == .letter && planned.settings.textWidth == 40 && planned.settings.pdfStandard == .a3u)
        #expect(planned.settings.formats == [.text, .brief])
        #expect(planned.outputDirectory.hasSuffix("/built"))

        var flagged = request(desk)
        flagged.width = 60
        flagged.paper = "a4"
        flagged.output = desk.folder + "/brief.pdf"
        let overridden = try BuildPlan.resolve(flagged)
        #expect(overridden.settings.textWidth == 60 && overridden.settings.paper == .a4)
        #expect(overridden.settings.formats == [.pdf], "-o FILE.pdf names its edition over the desk's list")
        #expect(overridden.outputName == "brief.pdf" && overridden.outputDirectory == desk.folder)
    }

    /// A wrong value is told in the same words from the command line and from a desk file,
    /// the first as usage, the second at its place.
    @Test(arguments: [
        ("width", "500", "from 20 to 200"), ("paper", "a5", "a4 or letter"),
        ("pdf-standard", "pdf/z", "one of pdf/ua-1"), ("to", "odt", "editions among docbook"),
    ])
    func oneRuleWhereverTheValueComesFrom(key: String, value: String, expected: String) throws {
        let desk = Workspace(files: ["report.md": Self.report, "imprint.yml": Array("\(key): \(value)\n".utf8)])
        var fromDesk: [Diagnostic] = []
        do {
            _ = try BuildPlan.resolve(request(desk))
        } catch {
            fromDesk = error.diagnostics(at: "")
        }
        let problem = try #require(fromDesk.first)
        #expect(problem.message.hasPrefix("'\(key)' must be \(expected)") && problem.message.hasSuffix("not '\(value)'"), "\(problem)")
        #expect(problem.location?.file.hasSuffix("imprint.yml") == true && problem.location?.line == 1)

        var given = request(Workspace(files: ["report.md": Self.report]))
        switch key {
        case "width": given.width = Int(value)
        case "paper": given.paper = value
        case "pdf-standard": given.pdfStandard = value
        default: given.to = value
        }
        do {
            _ = try BuildPlan.resolve(given)
            Issue.record("--\(key) \(value) was accepted")
        } catch {
            guard case .usage(let message) = error else { throw error }
            #expect(message == "--\(key) " + problem.message.dropFirst(key.count + 3), "\(message)")
        }
    }

    /// `imprint config` refuses what `build` refuses, with the same diagnostics, and still
    /// shows every value. (A desk's value the command line overrides is not used, and not
    /// checked.)
    @Test(arguments: ["width: 500", "paper: A5", "to: [text, odt]", "css: ../outside.css", "pdf-standard: x", "output: [a, b]"])
    func configRefusesWhatBuildRefuses(setting: String) throws {
        let workspace = Workspace(files: [
            "desk/report.md": Self.report, "desk/imprint.yml": Array("publisher: Desk\n\(setting)\n".utf8),
            "outside.css": Array("p {}\n".utf8),
        ])
        let build = try workspace.run("build", "desk/report.md")
        let config = try workspace.run("config", "desk/report.md")
        let check = try workspace.run("check", "desk/report.md")
        #expect(build.status == 1 && config.status == 1 && check.status == 1, "\(build.stderr)\n\(config.stderr)\n\(check.stderr)")
        let errors = build.stderr.split(separator: "\n").filter { $0.contains("error:") }
        #expect(!errors.isEmpty)
        for line in errors {
            #expect(config.stderr.contains(line), "config did not say: \(line)\n\(config.stderr)")
        }
        #expect(config.stdout.contains("publisher: Desk"), "the listing is shown all the same: \(config.stdout)")
        #expect(workspace.files(under: "out").isEmpty && workspace.files(under: "desk/out").isEmpty)
    }

    /// In a folder build each report takes every setting from its own nearest imprint.yml;
    /// where the editions go is the folder's.
    @Test func aFolderBuildTakesEachReportsNearestSettings() throws {
        let workspace = Workspace(files: [
            "reports/imprint.yml": Array("to: [text]\nwidth: 40\noutput: site\n".utf8),
            "reports/top.md": Self.report,
            "reports/wide/imprint.yml": Array("width: 70\nto: [text, brief]\n".utf8),
            "reports/wide/report.md": Self.report,
        ])
        let result = try workspace.run("build", "reports")
        try #require(result.status == 0, "\(result.stderr)\(result.stdout)")
        #expect(workspace.files(under: "reports/site").sorted() == ["top.txt", "wide", "wide/report.brief.txt", "wide/report.txt"])
        let top = try #require(workspace.contents("reports/site/top.txt")).split(separator: "\n")
        let wide = try #require(workspace.contents("reports/site/wide/report.txt")).split(separator: "\n")
        #expect(top.allSatisfy { $0.count <= 40 } && wide.contains { $0.count > 40 } && wide.allSatisfy { $0.count <= 70 })
        // A report whose own desk file is wrong fails alone, at its place.
        workspace.write("reports/wide/imprint.yml", Array("width: 7\n".utf8))
        let broken = try workspace.run("build", "reports")
        #expect(broken.status == 1 && broken.stderr.contains("wide/imprint.yml:1:8: error: 'width' must be from 20 to 200, not '7'"), "\(broken.stderr)")
        #expect(broken.stdout.contains("1 built") || broken.stdout.contains("1 up to date"), "\(broken.stdout)")
    }

    /// A desk's output that names one edition's file takes the desk's editions as asked
    /// for, as the command line's: one is written to that file, two are refused.
    @Test func aDesksOutputFileTakesTheDesksEditions() throws {
        let one = Workspace(files: ["report.md": Self.report, "imprint.yml": Array("output: x.txt\nto: [docx]\n".utf8)])
        let plan = try BuildPlan.resolve(request(one))
        #expect(plan.settings.formats == [.docx] && plan.outputName == "x.txt")
        let two = Workspace(files: ["report.md": Self.report, "imprint.yml": Array("output: x.txt\nto: [text, brief]\n".utf8)])
        do {
            _ = try BuildPlan.resolve(request(two))
            Issue.record("two editions into one file were accepted")
        } catch {
            // The desk's mistake, told at its line (not as the command line's usage).
            guard case .problems(let problems) = error, let problem = problems.first else { throw error }
            #expect(problem.message.contains("names one file, but 2 editions are asked for"), "\(problem)")
            #expect(problem.location?.file.hasSuffix("imprint.yml") == true && problem.location?.line == 1)
        }
        // imprint config refuses it as build does.
        let config = try two.run("config", "report.md")
        #expect(config.status == 1 && config.stderr.contains("names one file, but 2 editions are asked for"), "\(config.stderr)")
    }

    /// Two reports of a folder whose own editions would share a file are an error naming
    /// both, though the folder's editions alone would not collide.
    @Test func aFolderChecksEachReportsOwnEditionsForCollisions() throws {
        let workspace = Workspace(files: [
            "reps/imprint.yml": Array("to: [docx]\n".utf8), "reps/sub/imprint.yml": Array("to: [text, brief]\n".utf8),
            "reps/sub/report.md": Self.report, "reps/sub/report.brief.md": Self.report,
        ])
        let result = try workspace.run("build", "reps")
        #expect(result.status == 1 && result.stderr.contains("[editions-collide]"), "\(result.stderr)")
        #expect(workspace.files(under: "reps/out").isEmpty && workspace.files(under: "out").isEmpty)
    }

    /// A report far down a deep tree (its path longer than PATH_MAX allows a folder's walk
    /// up) is planned at once: the walk to `/` goes by the path's text.
    @Test func aReportFarDownADeepTreeIsPlanned() throws {
        let workspace = Workspace(files: [:])
        let deep = Array(repeating: "x", count: 600).joined(separator: "/")
        workspace.write(deep + "/report.md", Self.report)
        let started = Date()
        let result = try workspace.run("check", deep + "/report.md")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Date().timeIntervalSince(started) < 20)
    }

    /// Every setting is in the stamp's digest: changing any one rebuilds.
    @Test func theStampDigestsEverySetting() throws {
        let workspace = Workspace(files: ["report.md": Self.report])
        var plan = try BuildPlan.resolve(request(workspace))
        // Without the PDF (whose engine's version the stamp would ask a worker for).
        plan.settings.formats = [.text]
        let changes: [(inout BuildSettings) -> Void] = [
            { $0.formats = [.docbook] }, { $0.strict = true }, { $0.paper = .letter }, { $0.stylesheets = ["a.css"] },
            { $0.referenceDoc = "t.docx" }, { $0.pdfEngine = "prince" }, { $0.pdfTimeout = 5 }, { $0.pdfStandard = .a3u },
            { $0.epubSplitDepth = 2 }, { $0.textWidth = 50 }, { $0.ascii = true }, { $0.metadataOverrides = ["lang=fr"] },
        ]
        var digests: Set<String> = [BuildStamp.settings(of: plan)]
        for change in changes {
            var changed = plan
            change(&changed.settings)
            digests.insert(BuildStamp.settings(of: changed))
        }
        #expect(digests.count == changes.count + 1)
        #expect(Mirror(reflecting: plan.settings).children.count == changes.count, "a setting added to BuildSettings needs a change here")
    }
}
