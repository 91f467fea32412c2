import Foundation

/// Path arithmetic for outputs that refer back to the report's files.
enum Paths {
    /// The folder a file is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// The relative path from folder `from` to folder `to`, ending in `/` (empty when they
    /// are the same): `out` → `Samples` gives `../Samples/`.
    static func relative(from: String, to: String) -> String {
        let fromParts = absolute(from)
        let toParts = absolute(to)
        var common = 0
        while common < fromParts.count, common < toParts.count, fromParts[common] == toParts[common] { common += 1 }
        let parts = Array(repeating: "..", count: fromParts.count - common) + toParts[common...]
        return parts.isEmpty ? "" : parts.joined(separator: "/") + "/"
    }

    private static func absolute(_ path: String) -> [String] {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
    }
}
