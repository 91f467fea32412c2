import ArgumentParser
import Imprint

/// The options every command that reads a report takes for what comes from outside it:
/// front-matter values from the command line, and which desk configuration to read.
struct DeskOptions: ParsableArguments {
    @Option(
        name: [.customShort("M"), .customLong("metadata")],
        help: "A front matter value, over the report's own: key=value, a dotted key for a value inside a mapping (-M series.issue=8); repeatable.")
    var metadata: [String] = []

    @Option(
        name: .customLong("config"),
        help: "The desk configuration to read (default: every imprint.yml in the report's folder and the folders above it).",
        completion: .file(extensions: ["yml"]))
    var config: String?

    /// A request for `report` with these options alone.
    func request(for report: String) -> BuildRequest {
        var request = BuildRequest(report: report)
        request.metadata = metadata
        request.config = config
        return request
    }
}
