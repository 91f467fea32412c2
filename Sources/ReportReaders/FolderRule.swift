#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one rule for every path a file names, whoever wrote the file: an image in a report,
/// a style sheet, template, asset folder or output folder in a desk's `imprint.yml`. The
/// path stays inside the folder that holds the naming file once every symbolic link is
/// resolved. Only the command line names paths anywhere.
public enum FolderRule {
    /// `path` with every symbolic link resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The folder `path` names a file in, by its text: what is before its last `/` (`/` for a
    /// file at the root), `.` for a bare name. (Foundation's `deletingLastPathComponent`
    /// traps on a one-character name on Linux.)
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether the resolved `path` is inside the resolved `folder` (or is it, with `orSame`).
    public static func isInside(_ path: String, _ folder: String, orSame: Bool = false) -> Bool {
        (orSame && path == folder) || path.hasPrefix(folder == "/" ? "/" : folder + "/")
    }

    /// Where `value`, named by a file in `folder`, leads: the part that exists with every
    /// link resolved, the rest (a folder or file still to be made) added by name. Nil when
    /// that leaves `folder` (an absolute path elsewhere, `..`, a link out, a dangling link),
    /// or `folder` itself does not exist. `orSame` lets the value be the folder itself (`.`).
    public static func confine(_ value: String, to folder: String, orSame: Bool = false) -> String? {
        guard !value.isEmpty, let root = realPath(folder) else { return nil }
        let components = (value.hasPrefix("/") ? value : root + "/" + value).split(separator: "/").map(String.init)
        var existing = components.count
        var resolved: String?
        while resolved == nil {
            resolved = realPath("/" + components[..<existing].joined(separator: "/"))
            if resolved == nil { existing -= 1 }
        }
        let rest = components[existing...].filter { $0 != "." }
        guard !rest.contains(".."), var path = resolved else { return nil }
        // A name that is there but does not resolve is a dangling link: where it leads is
        // where a file would be made.
        if let first = rest.first {
            var status = stat()
            if lstat(path + (path == "/" ? "" : "/") + first, &status) == 0 { return nil }
        }
        for name in rest { path += (path == "/" ? "" : "/") + name }
        return isInside(path, root, orSame: orSame) ? path : nil
    }
}
