import Foundation
import ReportModel
import ReportReaders

/// One report's build, settled: what was asked (`request`), the desk's configuration read
/// once (`desk`), every setting resolved and checked (`settings`), and where the editions
/// go. Made by `resolve` alone, which every command goes through.
public struct BuildPlan: Sendable {
    /// What was asked; a folder build and each build of `watch` plan again from it.
    public var request: BuildRequest
    public var settings: BuildSettings
    /// The desk's configuration for the report (its `warnings` name the files ignored).
    public var desk: DeskConfiguration
    /// The folder the editions are written into.
    public var outputDirectory: String
    /// The output folder the user named, when `outputDirectory` is a folder inside it (a
    /// folder build's `out/asia`); nil when they are the same.
    public var outputRoot: String?
    /// The file name of the one edition asked for (`-o brief.pdf`), in `outputDirectory`;
    /// nil for the usual names, the report's own with each edition's extension.
    public var outputName: String?
    /// Whether the build leaves a stamp (`BuildStamp`, in `.imprint/` of the output folder)
    /// that lets the next one skip what is current: not for one file named by `-o`, beside
    /// which nothing of Imprint's is left.
    public var keepsStamp: Bool { outputName == nil }
    /// The editions were asked for (`--to`, the desk's `to:`, `-o FILE.EXT`, or the PDF's
    /// engine or settings named), not left to the default: a PDF that has no engine is then
    /// an error, not skipped.
    public var editionsAsked = false
    /// The one edition goes to standard output (`-o -`), through a folder of its own.
    public var writesStandardOutput = false
    /// The report is a folder of reports.
    public var buildsFolder = false

    /// The report file (`-` for standard input), or the folder of reports.
    public var input: String { request.report }

    /// Build even when the last build's editions are current.
    public var force: Bool { request.force || writesStandardOutput }

    /// The configuration files the build read, the farthest first.
    var configurationPaths: [String] { desk.files.map(\.path) }

    /// The front-matter values given from outside the report: the desk's configuration
    /// and the command line's overrides.
    var metadataSettings: MetadataSettings { desk.metadataSettings(overrides: settings.metadataOverrides) }

    /// Whether `name` (a file or folder of this build's, from `outputDirectory`; empty for
    /// the folder itself) stays inside the output folder the user named, links resolved:
    /// an output folder may come with links in it (a downloaded `out/`), and nothing is
    /// written, read or recovered through one that leads out.
    func staysInOutput(_ name: String) -> Bool {
        let root = outputRoot ?? outputDirectory
        let below = outputDirectory.dropFirst(root.count).drop { $0 == "/" }
        let relative = [String(below), name].filter { !$0.isEmpty }.joined(separator: "/")
        return relative.isEmpty || FolderRule.confine(relative, to: root) != nil
    }

    /// The report comes from standard input.
    var readsStandardInput: Bool { input == "-" }

    /// The report as diagnostics name it.
    var displayName: String { readsStandardInput ? FileReferences.standardInputName : input }

    /// A path whose folder is where the report's images are: the report's own, or for
    /// standard input the resource path.
    var referencePath: String { request.referencePath }

    /// What the editions' files are named after: `brief` for `brief.pdf` or for a report
    /// `brief.md` (`stdin` for standard input).
    var outputBase: String {
        guard let outputName else { return readsStandardInput ? "stdin" : Pipeline.baseName(of: input) }
        return Pipeline.baseName(of: outputName.hasSuffix(".brief.txt") ? String(outputName.dropLast(4)) : outputName)
    }

    /// The file an edition is written to, in `outputDirectory`.
    func fileName(of format: OutputFormat) -> String {
        outputName ?? format.fileName(base: outputBase)
    }
}

/// How a build or check ended.
public struct BuildOutcome: Sendable {
    /// Every diagnostic, warnings and errors, in the order found.
    public var diagnostics: [Diagnostic]
    /// The files written, in the order of the formats asked for.
    public var written: [String]
    /// Nothing was built: the last build's outputs are current.
    public var upToDate = false
    /// The files of the editions as they now stand: those written, or when up to date, the
    /// last build's.
    public var files: [String]
    /// The editions left out because the machine cannot make them (the PDF, with no engine
    /// installed), when they were not asked for by name.
    public var skipped: [OutputFormat] = []

    public init(diagnostics: [Diagnostic], written: [String], upToDate: Bool = false, files: [String]? = nil, skipped: [OutputFormat] = []) {
        self.diagnostics = diagnostics
        self.written = written
        self.upToDate = upToDate
        self.files = files ?? written
        self.skipped = skipped
    }

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }
}
