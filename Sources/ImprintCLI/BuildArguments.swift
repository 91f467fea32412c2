import ArgumentParser
import Foundation
import Imprint
import ReportModel
import ReportReaders
import TextWriter

/// What `imprint build` was asked, and its defaults: one place for both of the command
/// line's readers, ArgumentParser's (`BuildCommand`) and the quick one (`init?(quick:)`).
/// The options a desk's configuration may give (`DeskConfiguration`) are nil when the
/// command line does not give them.
struct BuildArguments: Equatable {
    var report: String
    var to: String?
    var output: String?
    var strict = false
    var paper: String?
    var stylesheets: [String] = []
    var referenceDoc: String?
    var metadata: [String] = []
    var config: String?
    var pdfEngine = PDFEngine.defaultCommand
    var pdfTimeout = PDFEngine.defaultTimeout
    var pdfStandard: String?
    var epubSplitDepth = 1
    var width: Int?
    var ascii = false
    var force = false
    var verbose = false
    var resourcePath: String?
    var diagnostics = DiagnosticsFormat.human

    /// Every default, for `BuildCommand`'s declarations.
    static let defaults = BuildArguments(report: "")
    /// The defaults of the options a configuration may give.
    static let defaultEditions = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")
    static let defaultOutput = "out"
    static let defaultPaper = "a4"
    static let defaultWidth = 72

    /// Checks the values, then builds the report, or every report of the folder.
    func run() throws {
        guard !report.isEmpty else { throw ValidationError("the report's path is empty") }
        let configured = try applyingConfiguration()
        try configured.build()
    }

    /// Builds with every option settled (`applyingConfiguration`).
    private func build() throws {
        let (options, buildsFolder, toStandardOutput) = try buildOptions()
        if buildsFolder {
            try FolderProgress.build(folder: report, options: options, verbose: verbose, diagnostics: diagnostics)
            return
        }
        if toStandardOutput {
            defer { try? FileManager.default.removeItem(atPath: options.outputDirectory) }
            let outcome = Pipeline.build(options, progress: Console.progress(for: diagnostics))
            Console.print(outcome.diagnostics, as: diagnostics)
            guard outcome.succeeded, let path = outcome.written.first, let bytes = FileManager.default.contents(atPath: path) else {
                throw ExitCode(1)
            }
            try Console.output(bytes)
            return
        }
        let outcome = Pipeline.build(options, progress: Console.progress(for: diagnostics))
        Console.print(outcome.diagnostics, as: diagnostics)
        if outcome.upToDate { Console.say("\(report): up to date (--force rebuilds)") }
        for path in outcome.written { Console.say("wrote \(path)") }
        if !outcome.succeeded { throw ExitCode(1) }
    }

    /// The library's options for these arguments (every option settled), checked; whether
    /// the report is a folder, and whether the one edition goes to standard output.
    func buildOptions() throws -> (options: BuildOptions, buildsFolder: Bool, toStandardOutput: Bool) {
        let to = to ?? Self.defaultEditions
        let output = output ?? Self.defaultOutput
        let width = width ?? Self.defaultWidth
        let pdfStandard = pdfStandard ?? PDFEngine.defaultStandard
        guard !output.isEmpty else {
            throw ValidationError("-o/--output names no folder; give one (the default is out)")
        }
        // The default is Imprint's choice, not the user's: it is held to the folder rule, so
        // an `out` link shipped in a downloaded folder is never followed out of it.
        if self.output == nil, FolderRule.confine(output, to: ".") == nil {
            let problem = Diagnostic(
                .error, .fileOutsideFolder,
                "the default output folder '\(output)' is a link that leads out of this folder; Imprint does not follow it: name the folder with -o",
                at: nil)
            Console.print([problem], as: diagnostics)
            throw ExitCode(1)
        }
        guard TextWriter.Options.widths.contains(width) else {
            throw ValidationError("--width must be from 20 to 200")
        }
        guard pdfTimeout > 0 else { throw ValidationError("--pdf-timeout must be a number of seconds above 0") }
        guard PDFEngine.standards.contains(pdfStandard.lowercased()) else {
            throw ValidationError("unknown PDF standard '\(pdfStandard)'; use one of \(PDFEngine.standards.joined(separator: ", "))")
        }
        guard (1...6).contains(epubSplitDepth) else {
            throw ValidationError("--epub-split-depth must be from 1 to 6")
        }
        guard let paper = Paper(rawValue: (paper ?? Self.defaultPaper).lowercased()) else {
            throw ValidationError("unknown paper '\(paper ?? "")'; use a4 or letter")
        }
        var formats: [OutputFormat]
        do {
            formats = try OutputFormat.parseList(to)
        } catch {
            throw ValidationError(error.diagnostics.map(\.message).joined(separator: "; "))
        }
        var isFolder: ObjCBool = false
        let buildsFolder = FileManager.default.fileExists(atPath: report, isDirectory: &isFolder) && isFolder.boolValue
        var outputDirectory = output
        var outputName: String?
        let toStandardOutput = output == "-"
        if toStandardOutput {
            guard formats.count == 1, !buildsFolder else {
                throw ValidationError("-o - writes one edition of one report to standard output: name the edition with --to")
            }
            outputDirectory = try Self.temporaryFolder()
        } else if let file = try singleFile(output, formats: &formats, buildsFolder: buildsFolder) {
            (outputDirectory, outputName) = file
        }
        if report == "-", resourcePath == nil, !toStandardOutput, outputName == nil, self.output == nil {
            Console.error("imprint: reading the report from standard input\n")
        }
        let options = BuildOptions(
            input: report, formats: formats, outputDirectory: outputDirectory, strict: strict, paper: paper,
            userStylesheets: stylesheets, pdfEngine: pdfEngine, epubSplitDepth: epubSplitDepth, textWidth: width,
            ascii: ascii, force: force || toStandardOutput, pdfTimeout: pdfTimeout, pdfStandard: pdfStandard.lowercased(),
            outputName: outputName,
            resourcePath: resourcePath, metadataOverrides: metadata, configurationFile: config, referenceDoc: referenceDoc)
        return (options, buildsFolder, toStandardOutput)
    }
}

extension BuildArguments {
    /// A new folder of Imprint's own under the system's temporary folder.
    private static func temporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "imprint-stdout-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ValidationError("cannot make a temporary folder for -o -") }
        return String(cString: made)
    }

    /// `-o FILE.EXT`, as Pandoc and Typst read it: one edition, written to that file. The
    /// edition is the one `--to` names, or else the one the extension names (`.pdf`,
    /// `.epub`, `.docx`, `.xhtml`, `.xml`, `.txt`, `.brief.txt`). Gives the folder and the
    /// file name, or nil when `-o` names a folder: one that exists, one written with a
    /// trailing `/`, or a name without an edition's extension.
    func singleFile(_ output: String, formats: inout [OutputFormat], buildsFolder: Bool) throws -> (folder: String, name: String)? {
        var isFolder: ObjCBool = false
        if output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && isFolder.boolValue) {
            return nil
        }
        let toGiven = to != nil
        guard let named = OutputFormat.named(by: output) else { return nil }
        guard !buildsFolder else {
            throw ValidationError("-o \(output) names one file, but a folder of reports is built into a folder: give -o DIR/")
        }
        if toGiven {
            guard formats.count == 1 else {
                throw ValidationError("-o \(output) names one file, but --to asks for \(formats.count) editions: give -o DIR/ or one edition")
            }
        } else {
            formats = [named]
        }
        let slash = output.lastIndex(of: "/")
        let folder = slash.map { String(output[..<$0]) } ?? "."
        return (folder.isEmpty ? "/" : folder, slash.map { String(output[output.index(after: $0)...]) } ?? output)
    }

    /// The word of a `build` line that can only be meant as a report whose name starts with
    /// a dash (`-x.md`, or any dashed word naming an existing file), which ArgumentParser
    /// would read as an unknown option; nil when there is none. Words after `--` are
    /// reports whatever they look like.
    static func dashedReport(in words: [String]) -> String? {
        guard words.first == "build" else { return nil }
        for word in words.dropFirst().prefix(while: { $0 != "--" }) where word.hasPrefix("-") && word.count > 1 {
            if word.contains("=") { continue }
            let lowered = word.lowercased()
            if lowered.hasSuffix(".md") || lowered.hasSuffix(".json") || FileManager.default.fileExists(atPath: word) {
                return word
            }
        }
        return nil
    }
}
