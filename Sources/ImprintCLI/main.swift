import ArgumentParser
import Foundation

// ArgumentParser exits 64 on a usage error; Imprint promises 2 (and 1 for build errors).
do {
    var command = try ImprintCommand.parseAsRoot()
    try command.run()
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
