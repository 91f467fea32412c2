import Foundation

/// Where the repository's own files are, for tests that read its samples, documents and
/// scripts: one place that knows where the tests stand in it.
public enum Repository {
    /// The repository's root folder.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The path of `relative` (`docs/words.md`, `Styles/print.css`) in the repository.
    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }
}

/// The path of the sample report `name` (in `Samples/`).
public func samplePath(_ name: String) -> String {
    Repository.path("Samples/" + name)
}
