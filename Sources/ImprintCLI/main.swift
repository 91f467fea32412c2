import ArgumentParser
import Foundation

// ArgumentParser exits 64 on a usage error; Imprint promises 2 (and 1 for build errors).
do {
    // An everyday build skips ArgumentParser's start-up (see `BuildArguments(quick:)`).
    if let arguments = BuildArguments(quick: Array(CommandLine.arguments.dropFirst())) {
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
