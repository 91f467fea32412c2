import Foundation
import ReportReaders

#if canImport(Glibc)
    import Glibc
#endif

/// Saves to the files under a folder, as Linux's inotify reports them: every folder below
/// it is watched (new ones too), except hidden folders, links to folders (never followed,
/// so a link to `.` or `/` is no loop) and those `ignoring` names below it (the output
/// folder, whose writes are the builds' own). When the output folder is the watched one or
/// above it, the builds' own files are left out by name instead (`ignore(files:)`). In a
/// folder below the watched one that holds `.imprint/` (another build's output folder:
/// another watch's, with its own `-o`), an edition's file or one its stamps name as
/// written is not an input, so two watches of one folder never rebuild each other; a
/// report beside them (built with `-o .`) still is. An
/// editor's save is a burst of events
/// (a temporary file written, renamed over the report): `nextChange` waits for the burst to
/// end, so that it is one change.
public final class FileWatcher {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let ignored: [String]
    private var ignoredFiles: Set<String> = []
    /// The watched folder.
    private let root: String

    /// The events that mean a file's content may have changed.
    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    public init(folder: String, ignoring: [String]) throws {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.root = root
        // Only a folder below the watched one can be left out whole.
        ignored = ignoring.map { URL(fileURLWithPath: $0).standardizedFileURL.path }.filter { FolderRule.isInside($0, root) }
        add(root, following: true)
    }

    /// Leaves out changes to these files from now on: the editions a build wrote.
    public func ignore(files: [String]) {
        ignoredFiles.formUnion(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
    }

    deinit { close(descriptor) }

    /// Watches `folder` and the folders below it; a link is followed only for the folder
    /// asked for itself (`following`).
    private func add(_ folder: String, following: Bool = false) {
        guard !isIgnored(folder), folders.count < Self.maximumFolders else { return }
        let flags = Self.events | UInt32(IN_ONLYDIR) | (following ? 0 : UInt32(IN_DONT_FOLLOW))
        let watch = inotify_add_watch(descriptor, folder, flags)
        guard watch >= 0, folders[watch] == nil else { return }
        folders[watch] = folder
        let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in children where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var status = stat()
            if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { add(path) }
        }
    }

    /// The most folders watched: the system's own limit is near (8,192 by default).
    static let maximumFolders = 4096

    private func isIgnored(_ path: String) -> Bool {
        ignoredFiles.contains(path) || ignored.contains { FolderRule.isInside(path, $0, orSame: true) } || isInOutputFolder(path)
    }

    /// Whether `path` is another build's output: inside a folder below the watched one that
    /// holds `.imprint/`, an edition's file (by its extension) or one a stamp there names.
    private func isInOutputFolder(_ path: String) -> Bool {
        var folder = (path as NSString).deletingLastPathComponent
        while folder.count > root.count, FolderRule.isInside(folder, root) {
            if access(folder + "/.imprint", F_OK) == 0 {
                if OutputFormat.named(by: path) != nil || path.lowercased().hasSuffix(".css") { return true }
                let relative = String(path.dropFirst(folder.count + 1))
                let stamps = (try? FileManager.default.contentsOfDirectory(atPath: folder + "/.imprint")) ?? []
                return stamps.filter { $0.hasSuffix(".stamp") }.prefix(64).contains { stamp in
                    let text = (try? String(contentsOfFile: folder + "/.imprint/" + stamp, encoding: .utf8)) ?? ""
                    return text.split(separator: "\n").contains { $0.hasPrefix("output ") && ($0.hasSuffix("/" + relative) || $0.hasSuffix(" " + relative)) }
                }
            }
            folder = (folder as NSString).deletingLastPathComponent
        }
        return false
    }

    /// Blocks until a file under the folder changes, then until `quiet` seconds pass with no
    /// further change; gives the paths changed (an editor's swap and backup files are not
    /// changes).
    public func nextChange(quiet: Double = 0.03) -> [String] {
        var changed = Set<String>()
        var timeout: Int32 = -1
        while true {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 {
                if !changed.isEmpty { return changed.sorted() }
                continue
            }
            changed.formUnion(readEvents())
            if !changed.isEmpty { timeout = Int32(quiet * 1000) }
        }
    }

    /// The paths the pending events name, new folders being watched as they come.
    private func readEvents() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return [] }
        var paths: [String] = []
        var offset = 0
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= count {
            let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                return (event.wd, event.mask, Int(event.len))
            }
            let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += header + length
            guard let folder = folders[watch], !name.isEmpty else { continue }
            let path = folder + "/" + name
            if isIgnored(path) || Self.isScratch(name) { continue }
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { add(path) }
                continue
            }
            paths.append(path)
        }
        return paths
    }

    /// An editor's own files: hidden ones (`.report.md.swp`), backups (`report.md~`), and
    /// the file Vim writes to test a folder (`4913`).
    private static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name == "4913" || name.hasPrefix("#")
    }
}
