import ReportModel

/// Front-matter values given from outside a report: a desk's configuration files
/// (`imprint.yml`), which the report's own front matter overrides, and the command line's
/// `-M key=value`, which override both. A mapping merges with the one below it key by key
/// (`-M series.issue=8` keeps the series' title); any other value replaces it.
public struct MetadataSettings: Sendable, Equatable {
    /// A configuration file: where it is and its text.
    public struct File: Sendable, Equatable {
        public var path: String
        public var text: String

        public init(path: String, text: String) {
            self.path = path
            self.text = text
        }
    }

    /// The configuration files, the farthest from the report first.
    public var configurations: [File]
    /// `key=value` (a dotted key names a value inside a mapping), in the order given.
    public var overrides: [String]
    /// The desk's asset folders (`assets:`), where images and the cover the report's folder
    /// lacks are looked for (`FileReferences`).
    public var assetFolders: [String]

    public init(configurations: [File] = [], overrides: [String] = [], assetFolders: [String] = []) {
        self.configurations = configurations
        self.overrides = overrides
        self.assetFolders = assetFolders
    }

    public static let none = MetadataSettings()

    /// The keys a configuration file gives for the build rather than for the report: the
    /// command's options, and the folders images may also come from.
    public static let buildKeys: Set<String> = ["to", "output", "paper", "css", "reference-doc", "width", "pdf-standard", "pdf-engine", "assets", "words"]

    /// Where an override stands on the command line, for its diagnostics.
    static func place(of override: String) -> String { "command line (-M \(override))" }
}
