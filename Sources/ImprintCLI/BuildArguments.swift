import ArgumentParser
import Foundation
import Imprint
import ReportModel

/// What `imprint build` was asked: the request the library plans from, and how to tell
/// what happens. One value for both of the command line's readers, ArgumentParser's
/// (`BuildCommand`) and the quick one (`init?(quick:)`).
struct BuildArguments: Equatable {
    var request: BuildRequest
    var verbose = false
    var diagnostics = DiagnosticsFormat.human

    /// Plans the build, then builds the report, or every report of the folder.
    func run() throws {
        let plan = try request.plan(as: diagnostics)
        if plan.buildsFolder {
            try FolderProgress.build(folder: request.report, plan: plan, verbose: verbose, diagnostics: diagnostics)
            return
        }
        let progress = Console.progress(for: diagnostics)
        if plan.writesStandardOutput {
            let (outcome, bytes) = Pipeline.buildForStandardOutput(plan, progress: progress)
            Console.print(outcome.diagnostics, as: diagnostics)
            guard let bytes else { throw ExitCode(1) }
            try Console.output(Data(bytes))
            return
        }
        if request.report == "-", request.resourcePath == nil, plan.outputName == nil, request.output == nil,
            plan.desk.buildOptions["output"] == nil
        {
            Console.error("imprint: reading the report from standard input\n")
        }
        let outcome = Pipeline.build(plan, progress: progress)
        Console.print(outcome.diagnostics, as: diagnostics)
        if outcome.upToDate { Console.say("\(request.report): up to date (--force rebuilds)") }
        for path in outcome.written { Console.say("wrote \(path)") }
        if !outcome.succeeded { throw ExitCode(1) }
        // Built, but without an edition the machine cannot make (the PDF, no engine).
        if !outcome.skipped.isEmpty { throw ExitCode(3) }
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

extension BuildRequest {
    /// The library's plan for this request, or the command's end: a command-line value it
    /// refuses with the command's usage (exit status 2), a desk file's problems told at
    /// their places (exit status 1).
    func plan(for purpose: BuildPlan.Purpose = .build, as format: DiagnosticsFormat) throws -> BuildPlan {
        do {
            return try BuildPlan.resolve(self, for: purpose)
        } catch {
            throw error.commandError(as: format)
        }
    }
}

extension BuildPlan.Refusal {
    /// The command's end for the refusal: the usage (exit status 2) for a command-line
    /// value, the problems told at their places (exit status 1) for a desk file's.
    func commandError(as format: DiagnosticsFormat) -> any Error {
        switch self {
        case .usage(let message):
            return ValidationError(message)
        case .problems(let problems):
            Console.print(problems, as: format)
            return ExitCode(1)
        }
    }
}
