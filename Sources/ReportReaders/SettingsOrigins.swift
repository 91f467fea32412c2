import ReportModel
import Yams

/// What `imprint config` prints: every value a report's front matter ends with once the
/// desk's configuration and the command line's overrides are merged in
/// (`MetadataSettings`), and the place each comes from. The build options a configuration
/// gives are among them.
public enum SettingsOrigins {
    public struct Entry: Sendable, Equatable {
        /// A dotted key: `series.issue`.
        public var key: String
        /// The value as written (a list as `[a, b]`).
        public var value: String
        public var origin: SourceLocation
    }

    /// The merged values of the Markdown report at `path`, in the order first given: a
    /// later layer's value replaces an earlier one's at the same key, and a value that is
    /// not a mapping replaces what an earlier layer gave inside or above it.
    public static func entries(ofReportAt path: String, settings: MetadataSettings) throws(DiagnosticError) -> [Entry] {
        let log = DiagnosticLog()
        let source = try SourceText(file: path, data: InputFile.read(path), log: log)
        let frontMatter = try FrontMatter.find(in: source, log: log)
        let reader = MetadataReader(
            source: source, frontMatter: frontMatter, log: log, files: FileReferences(reportPath: path, assetFolders: settings.assetFolders), settings: settings)
        let layers = reader.layers()
        guard !log.hasErrors else { throw log.failure() }
        var entries: [Entry] = []
        for layer in layers {
            reader.cursor.layer = layer
            for (key, value) in layer.mapping {
                for entry in flattened(value, key: key.string ?? "", reader: reader) {
                    entries.removeAll { $0.key == entry.key || $0.key.hasPrefix(entry.key + ".") || entry.key.hasPrefix($0.key + ".") }
                    entries.append(entry)
                }
            }
        }
        return entries
    }

    private static func flattened(_ node: Node, key: String, reader: MetadataReader) -> [Entry] {
        switch node {
        case .mapping(let mapping):
            return mapping.flatMap { name, value in flattened(value, key: key + "." + (name.string ?? ""), reader: reader) }
        case .sequence(let sequence):
            let items = sequence.map { $0.scalar?.string ?? "…" }
            return [Entry(key: key, value: "[" + items.joined(separator: ", ") + "]", origin: reader.location(of: node))]
        case .scalar(let scalar):
            return [Entry(key: key, value: scalar.string, origin: reader.location(of: node))]
        case .alias:
            return []
        }
    }
}
