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
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ModelCommand.self])
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build", abstract: "Build the editions of a report.")

    @Argument(help: "The report file (Report Markdown, or the model as .json).")
    var report: String

    @Option(name: .long, help: "The editions to write, as a comma list (available: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var to: String = OutputFormat.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: [.customShort("o"), .long], help: "The folder to write into.")
    var output: String = "out"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let formats: [OutputFormat]
        do {
            formats = try OutputFormat.parseList(to)
        } catch {
            throw ValidationError(error.description)
        }
        let outcome = Pipeline.build(
            BuildOptions(input: report, formats: formats, outputDirectory: output, strict: strict))
        Console.print(outcome.diagnostics)
        for path in outcome.written { print("wrote \(path)") }
        if !outcome.succeeded { throw ExitCode(1) }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Read and check a report; print diagnostics, write nothing.")

    @Argument(help: "The report file.")
    var report: String

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let (result, diagnostics) = Pipeline.check(report, strict: strict)
        Console.print(diagnostics)
        guard result != nil else { throw ExitCode(1) }
        print("\(report): ok")
    }
}

struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model", abstract: "Print the report model as JSON.")

    @Argument(help: "The report file.")
    var report: String

    func run() throws {
        let (result, diagnostics) = Pipeline.check(report, strict: false)
        Console.print(diagnostics)
        guard let result else { throw ExitCode(1) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(result)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

enum Console {
    /// Diagnostics go to standard error, one a line, as compilers print them.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
        }
    }
}
