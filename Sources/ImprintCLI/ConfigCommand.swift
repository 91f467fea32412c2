import ArgumentParser
import Foundation
import Imprint

/// `imprint config REPORT.md`: the report's front matter merged with the desk's
/// configuration and the command line's overrides, each value with where it comes from.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Print a report's settings merged with the desk's configuration, and where each comes from.",
        discussion: """
            The configuration is every imprint.yml in the report's folder and the
            folders above it, the nearest winning (or the one --config names); the
            report's front matter wins over it, and -M over both. A desk file
            that may not be trusted (another user's, or in a folder anyone may
            write to) is named and ignored; each path value is marked allowed
            (inside its file's folder) or refused, as a build refuses it, and
            every build option a build would refuse is an error.
            Exit status: 0 printed; 1 a file has errors, or a build would refuse
            a value (printed all the same); 2 the command line is wrong.
            """)

    @Argument(help: "The report file (Report Markdown).", completion: .file())
    var report: String

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        let listing: SettingsListing
        do {
            listing = try SettingsListing.make(for: desk.request(for: report))
        } catch {
            if case .usage(let message) = error { throw ValidationError(message) }
            Console.print(error.diagnostics(at: report), as: messages.diagnostics)
            throw ExitCode(1)
        }
        Console.print(listing.diagnostics, as: messages.diagnostics)
        let width = listing.lines.map { $0.key.count + $0.value.count + 2 }.max() ?? 0
        for line in listing.lines {
            let setting = "\(line.key): \(line.value)"
            let verdict = line.verdict.map { " (\($0))" } ?? ""
            Console.say(setting.padding(toLength: max(width, setting.count) + 2, withPad: " ", startingAt: 0) + "# \(line.origin)" + verdict)
        }
        if listing.refuses { throw ExitCode(1) }
    }
}
