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
              imprint build report.md brief.pdf       the same, as Pandoc and Typst write it
              cat r.md | imprint build - --to text -o -  standard input to output
              imprint build reports/ -o site/         every report of a folder
              imprint build --to text -- -draft.md    a name that starts with -

            Exit status: 0 built (or up to date); 1 the report has errors
            (nothing is written); 2 the command line is wrong; 3 built, but
            the PDF was skipped: no PDF engine is installed (--to pdf fails).
            """)

    @Argument(help: "The report file (Report Markdown, or the model as .json); - for Report Markdown on standard input; or a folder: every report under it (Markdown with front matter, JSON models; .imprintignore leaves some out).", completion: .file())
    var report: String

    @Argument(
        help: "The file of one edition (report\(OutputFormat.fileEndings)), as Typst takes its output: the same as -o FILE.",
        completion: .file())
    var outputFile: String?

    @OptionGroup var flags: BuildFlags

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    @Flag(help: "For a folder: list the files that are not built, and why.")
    var verbose = false

    @Option(
        name: .customLong("resource-path"), help: "With - (the report on standard input): the folder its images are in (default: the current folder).",
        completion: .directory)
    var resourcePath: String?

    /// The values parsed, as the quick reader gives them too.
    var arguments: BuildArguments {
        var request = flags.request(for: report, desk: desk)
        request.resourcePath = resourcePath
        if let outputFile { request.output = outputFile }
        return BuildArguments(request: request, verbose: verbose, diagnostics: messages.diagnostics)
    }

    func validate() throws {
        guard let outputFile else { return }
        guard flags.output == nil else {
            throw ValidationError("give the output once: '\(outputFile)' or -o \(flags.output ?? ""), not both")
        }
        guard OutputFormat.named(by: outputFile) != nil else {
            throw ValidationError("'\(outputFile)' is a second report or an output file Imprint cannot name: build one report at a time, and name an edition's file (report\(OutputFormat.fileEndings))")
        }
    }

    func run() throws {
        try arguments.run()
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Read and check a report; print diagnostics, write nothing.",
        discussion: """
            Lists every HTML comment as a note, for review before release.
            Exit status: 0 the report is fine; 1 it has errors; 2 the command
            line is wrong.
            """)

    @Argument(help: "The report file.", completion: .file())
    var report: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        var request = desk.request(for: report)
        request.strict = strict
        let (result, diagnostics) = Pipeline.check(try request.plan(for: .read, as: messages.diagnostics))
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

    @Argument(help: "The report file.", completion: .file())
    var report: String

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        let (result, diagnostics) = Pipeline.check(try desk.request(for: report).plan(for: .read, as: messages.diagnostics))
        Console.print(diagnostics, as: messages.diagnostics)
        guard let result else { throw ExitCode(1) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(result)
        try Console.output(data + Data("\n".utf8))
    }
}
