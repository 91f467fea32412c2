import ArgumentParser
import Foundation

// A parent may start Imprint with standard output or error closed: no file it opens may
// take their place, and no write to them may crash it.
Console.outputClosed = Console.guardStandardDescriptors()
signal(SIGPIPE, SIG_IGN)
// ArgumentParser exits 64 on a usage error; Imprint promises 2 (and 1 for build errors).
let words = WatchCommand.defaultingServe(Array(CommandLine.arguments.dropFirst()))
// An everyday build skips ArgumentParser's start-up (see `BuildArguments(quick:)`); its
// usage errors are then the build command's.
let quick = BuildArguments(quick: words)
// The command that was running, whose usage an error it throws is shown with (an error of
// parsing is shown by ArgumentParser, which finds the command itself).
var running: (any ParsableCommand.Type)? = quick != nil ? BuildCommand.self : nil
do {
    if let report = BuildArguments.dashedReport(in: words) {
        Console.error("error: '\(report.terminalSafe)' reads as an option; to build a report whose name starts with a dash, write: imprint build [OPTIONS] -- \(report.terminalSafe)\n")
        Foundation.exit(2)
    }
    if let quick {
        try quick.run()
    } else {
        var command = try ImprintCommand.parseAsRoot(words)
        running = type(of: command)
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ImprintCommand.exitCode(for: error)
    if code == .success {
        ImprintCommand.exit(withError: error)
    }
    var message = ImprintCommand.fullMessage(for: error)
    if let running, running != ImprintCommand.self {
        let name = running.configuration.commandName ?? ""
        message = "Error: \(running.message(for: error))\nUsage: imprint \(running.usageString())\n"
            + "  See 'imprint \(name) --help' for more information."
    }
    // ArgumentParser quotes the command line's words, which may hold a file name's controls.
    Console.error(message.terminalSafe(keepingLineBreaks: true) + "\n")
    Foundation.exit(2)
}
