import ArgumentParser
import Foundation
import Imprint
import ReportModel

/// `imprint`: parsing only. Each command turns its arguments into a call to the Imprint
/// library and its diagnostics into an exit status: 0 success, 1 build errors, 2 usage.
struct ImprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Typesets analytical reports written in Report Markdown.",
        version: Imprint.version,
        subcommands: [BuildCommand.self, CheckCommand.self, ModelCommand.self, ConfigCommand.self, WatchCommand.self])
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the editions of a report.",
        discussion: """
            Examples:
              imprint build report.md                 every edition, into out/
              imprint build report.md --to pdf,epub   two editions
              imprint build report.md -o brief.pdf    one edition, to that file
              cat r.md | imprint build - --to text -o -  standard input to output
              imprint build reports/ -o site/         every report of a folder
              imprint build --to text -- -draft.md    a name that starts with -

            Exit status: 0 built (or up to date); 1 the report has errors
            (nothing is written); 2 the command line is wrong.
            """)

    @Argument(help: "The report file (Report Markdown, or the model as .json); - for Report Markdown on standard input; or a folder: every report under it (Markdown with front matter, JSON models; .imprintignore leaves some out).")
    var report: String

    @Option(
        name: .long, help: "The editions to write, as a comma list (default: every edition).",
        completion: .list(Editions.allValueStrings))
    var to: Editions?

    @Option(
        name: [.customShort("o"), .long],
        help: "The folder to write into (default: out), the file of one edition (FILE.pdf, .epub, .docx, .xhtml, .xml, .txt, .brief.txt), or - for standard output.")
    var output: String?

    @Flag(help: "Treat warnings as errors.")
    var strict = BuildArguments.defaults.strict

    @Option(help: "The print edition's paper: a4 (the default) or letter.", completion: .list(Paper.allCases.map(\.rawValue)))
    var paper: String?

    @Option(
        name: .customLong("css"), help: "A style sheet of yours, applied after Imprint's (repeatable).",
        completion: .file(extensions: ["css"]))
    var stylesheets: [String] = BuildArguments.defaults.stylesheets

    @Option(
        name: .customLong("reference-doc"),
        help: "A Word document (.docx) whose styles the Word edition takes, as Pandoc's --reference-doc does; Imprint's own styles fill in those it lacks.",
        completion: .file(extensions: ["docx"]))
    var referenceDoc: String?

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    @Option(
        name: .customLong("pdf-engine"),
        help: "A paged-media engine command with WeasyPrint's command line, run outside Imprint's sandbox (by default WeasyPrint runs as Imprint's own worker).")
    var pdfEngine: String = BuildArguments.defaults.pdfEngine

    @Option(name: .customLong("pdf-timeout"), help: "The most seconds one PDF may take before the build fails.")
    var pdfTimeout: Int = BuildArguments.defaults.pdfTimeout

    @Option(
        name: .customLong("pdf-standard"),
        help: "The PDF's standard: pdf/ua-1 (a tagged PDF, the default), pdf/a-3u or another of WeasyPrint's variants, for archives that require one.",
        completion: .list(PDFEngine.standards))
    var pdfStandard: String?

    @Option(name: .customLong("epub-split-depth"), help: "Split the e-book into one document per section down to this level (1: top-level sections).")
    var epubSplitDepth: Int = BuildArguments.defaults.epubSplitDepth

    @Option(help: "The text editions' width in columns (20 to 200; default: 72).")
    var width: Int?

    @Flag(help: "Spell typographic punctuation in ASCII in the text editions.")
    var ascii = BuildArguments.defaults.ascii

    @Flag(help: "Build even when the last build's editions are current.")
    var force = BuildArguments.defaults.force

    @Flag(help: "For a folder: list the files that are not built, and why.")
    var verbose = BuildArguments.defaults.verbose

    @Option(
        name: .customLong("resource-path"), help: "With - (the report on standard input): the folder its images are in (default: the current folder).",
        completion: .directory)
    var resourcePath: String?

    /// The values parsed, as the quick reader gives them too.
    var arguments: BuildArguments {
        BuildArguments(
            report: report, to: to?.text, output: output, strict: strict, paper: paper, stylesheets: stylesheets, referenceDoc: referenceDoc,
            metadata: desk.metadata, config: desk.config,
            pdfEngine: pdfEngine, pdfTimeout: pdfTimeout, pdfStandard: pdfStandard, epubSplitDepth: epubSplitDepth, width: width, ascii: ascii,
            force: force, verbose: verbose, resourcePath: resourcePath, diagnostics: messages.diagnostics)
    }

    func run() throws {
        try arguments.run()
    }
}

/// `--to`'s value: a comma list of editions, each checked as the command line is read (so
/// a wrong one gets the build's usage and the list of editions), offered by completions.
struct Editions: ExpressibleByArgument {
    var text: String

    init(text: String) { self.text = text }

    init?(argument: String) {
        guard (try? OutputFormat.parseList(argument)) != nil else { return nil }
        text = argument
    }

    static var allValueStrings: [String] { OutputFormat.allCases.map(\.rawValue) }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Read and check a report; print diagnostics, write nothing.",
        discussion: """
            Lists every HTML comment as a note, for review before release.
            Exit status: 0 the report is fine; 1 it has errors; 2 the command
            line is wrong.
            """)

    @Argument(help: "The report file.")
    var report: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        let (result, diagnostics) = Pipeline.check(report, strict: strict, metadataOverrides: desk.metadata, configurationFile: desk.config)
        Console.print(diagnostics, as: messages.diagnostics)
        guard result != nil else { throw ExitCode(1) }
        Console.say("\(report): ok")
    }
}

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Print the report model as JSON.",
        discussion: """
            `imprint build model.json` builds from what this prints.
            Exit status: 0 printed; 1 the report has errors; 2 the command line
            is wrong.
            """)

    @Argument(help: "The report file.")
    var report: String

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        let (result, diagnostics) = Pipeline.check(report, strict: false, metadataOverrides: desk.metadata, configurationFile: desk.config)
        Console.print(diagnostics, as: messages.diagnostics)
        guard let result else { throw ExitCode(1) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(result)
        try Console.output(data + Data("\n".utf8))
    }
}
