import ArgumentParser
import Foundation
import Imprint
import TextWriter

/// What `imprint build` was asked, and its defaults: one place for both of the command
/// line's readers, ArgumentParser's (`BuildCommand`) and the quick one (`init?(quick:)`).
struct BuildArguments: Equatable {
    var report: String
    var to = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")
    var output = "out"
    var strict = false
    var paper = "a4"
    var stylesheets: [String] = []
    var pdfEngine = PDFEngine.defaultCommand
    var epubSplitDepth = 1
    var width = 72
    var ascii = false
    var force = false

    /// Every default, for `BuildCommand`'s declarations.
    static let defaults = BuildArguments(report: "")

    /// Checks the values, then builds the report, or every report of the folder.
    func run() throws {
        guard TextWriter.Options.widths.contains(width) else {
            throw ValidationError("--width must be from 20 to 200")
        }
        guard (1...6).contains(epubSplitDepth) else {
            throw ValidationError("--epub-split-depth must be from 1 to 6")
        }
        guard let paper = Paper(rawValue: paper.lowercased()) else {
            throw ValidationError("unknown paper '\(paper)'; use a4 or letter")
        }
        let formats: [OutputFormat]
        do {
            formats = try OutputFormat.parseList(to)
        } catch {
            throw ValidationError(error.description)
        }
        let options = BuildOptions(
            input: report, formats: formats, outputDirectory: output, strict: strict, paper: paper,
            userStylesheets: stylesheets, pdfEngine: pdfEngine, epubSplitDepth: epubSplitDepth, textWidth: width,
            ascii: ascii, force: force)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: report, isDirectory: &isFolder), isFolder.boolValue {
            try FolderProgress.build(folder: report, options: options)
            return
        }
        let outcome = Pipeline.build(options, progress: Console.progress)
        Console.print(outcome.diagnostics)
        if outcome.upToDate { print("\(report): up to date (--force rebuilds)") }
        for path in outcome.written { print("wrote \(path)") }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}
