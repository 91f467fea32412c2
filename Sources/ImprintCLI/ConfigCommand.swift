import ArgumentParser
import Foundation
import ReportReaders

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
            (inside its file's folder) or refused, as a build refuses it.
            Exit status: 0 printed; 1 a file has errors; 2 the command line is wrong.
            """)

    @Argument(help: "The report file (Report Markdown).")
    var report: String

    @OptionGroup var desk: DeskOptions

    @OptionGroup var messages: DiagnosticsOptions

    func run() throws {
        let configuration = try BuildArguments.configuration(
            for: report, config: desk.config, diagnostics: messages.diagnostics, refusing: false)
        Console.print(configuration.warnings + configuration.refused, as: messages.diagnostics)
        let refused = Set(configuration.refused.compactMap(\.location))
        let entries: [SettingsOrigins.Entry]
        do {
            entries = try SettingsOrigins.entries(
                ofReportAt: report, settings: configuration.metadataSettings(overrides: desk.metadata))
        } catch {
            Console.print(error.diagnostics, as: messages.diagnostics)
            throw ExitCode(1)
        }
        let width = entries.map { $0.key.count + $0.value.count + 2 }.max() ?? 0
        for entry in entries {
            let setting = "\(entry.key): \(entry.value)"
            let verdict =
                refused.contains(entry.origin)
                ? " (refused: leaves its file's folder)"
                : DeskConfiguration.pathKeys.contains(entry.key) ? " (allowed: inside its file's folder)" : ""
            Console.say(setting.padding(toLength: max(width, setting.count) + 2, withPad: " ", startingAt: 0) + "# \(entry.origin)" + verdict)
        }
    }
}
