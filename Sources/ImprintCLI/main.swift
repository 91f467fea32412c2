import ArgumentParser
import Foundation

// ArgumentParser exits 64 on a usage error; Imprint promises 2 (and 1 for build errors).
do {
    let words = Array(CommandLine.arguments.dropFirst())
    if let report = BuildArguments.dashedReport(in: words) {
        FileHandle.standardError.write(
            Data("error: '\(report)' reads as an option; to build a report whose name starts with a dash, write: imprint build [OPTIONS] -- \(report)\n".utf8))
        Foundation.exit(2)
    }
    // An everyday build skips ArgumentParser's start-up (see `BuildArguments(quick:)`).
    if let arguments = BuildArguments(quick: words) {
        try arguments.run()
    } else {
        var command = try ImprintCommand.parseAsRoot()
        try command.run()
    }
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch {
    let code = ImprintCommand.exitCode(for: error)
    if code == .success {
        ImprintCommand.exit(withError: error)
    }
    FileHandle.standardError.write(Data((ImprintCommand.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(2)
}
