import Foundation

/// Path arithmetic.
enum Paths {
    /// The folder a file is in (`.` for a bare name).
    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
