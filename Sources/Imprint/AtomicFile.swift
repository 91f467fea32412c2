#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CLinux
import ReportReaders
import SystemSupport

/// File output on which a failed or killed build never leaves half a file, nor a
/// temporary one: every output is first written in full to an anonymous file in its
/// folder (Linux `O_TMPFILE`: it has no name, so a killed process leaves nothing behind);
/// only when all are complete is each given a name and renamed over its destination.
public enum AtomicFile {
    public struct IOError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// A file written in full but not yet in place: `commit` puts it there, `discard`
    /// removes it.
    struct Pending: Sendable {
        var descriptor: Int32
        /// The name it has, when the system could not make it anonymous.
        var temporaryName: String?
        var path: String
    }

    /// Writes every file, or none.
    public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws(IOError) {
        var pending: [Pending] = []
        for file in files {
            do {
                pending.append(try prepare(file.bytes, at: file.path))
            } catch {
                discard(pending)
                throw error
            }
        }
        try commit(pending)
    }

    /// Puts every prepared file in place, all or none, and closes them all, whatever happens.
    ///
    /// Every destination is checked first (no folder or other non-file in the way, its
    /// folder writable). Each file then gets a hidden name beside its destination and is
    /// swapped with the old file in one step (`renameat2` with `RENAME_EXCHANGE`), so the old
    /// file stays, under the hidden name, until every swap has succeeded; a swap that fails
    /// puts back those already made. With more than one file, `journal` (a path) records
    /// what is being swapped while it is, so that `recover(journal:)` can put the old files
    /// back after a kill in the middle.
    static func commit(_ files: [Pending], journal: String? = nil) throws(IOError) {
        var files = files
        defer { discard(files) }
        for file in files { try checkDestination(file.path) }
        try makeDurable(files)
        let entries = files.map { file in
            var status = stat()
            fstat(file.descriptor, &status)
            return JournalEntry(path: file.path, aside: asideName(for: file.path), newFile: UInt64(status.st_ino), hadOld: exists(file.path))
        }
        let journal = files.count > 1 ? journal : nil
        if let journal { try writeJournal(entries, to: journal) }
        var swapped: [JournalEntry] = []
        do throws(IOError) {
            for (index, entry) in entries.enumerated() {
                try name(&files[index], as: entry.aside)
                let moved = entry.hadOld ? imprint_exchange(entry.aside, entry.path) : rename(entry.aside, entry.path)
                guard moved == 0 else {
                    throw IOError(description: "cannot write \(entry.path): \(String(cString: strerror(errno)))")
                }
                files[index].temporaryName = entry.hadOld ? entry.aside : nil
                swapped.append(entry)
            }
        } catch {
            for entry in swapped.reversed() { undo(entry) }
            for index in files.indices { files[index].temporaryName.map { _ = unlink($0) }; files[index].temporaryName = nil }
            if let journal { unlink(journal) }
            throw error
        }
        // Every new file is in place: the old ones, under the hidden names, go.
        for entry in entries where entry.hadOld { unlink(entry.aside) }
        for index in files.indices { files[index].temporaryName = nil }
        if let journal { unlink(journal) }
    }

    /// Puts the old files back when a commit recorded in `journal` was cut short (the process
    /// was killed between two swaps), or finishes it when every swap had been made; then
    /// removes the journal. Nothing to do when there is none.
    ///
    /// A journal is a file on disk, and a downloaded folder can ship one: only entries that
    /// name a file inside the output folder (the journal's folder's folder) and, as its
    /// hidden name, one of Imprint's own beside it (`asideName`) are acted on, so no
    /// journal can make a build remove or move any other file.
    ///
    /// Nothing is followed through a link: a journal, or its folder, that is a link is only
    /// removed (the link itself), and so is one that cannot be read or is too large to be
    /// Imprint's.
    static func recover(journal: String) {
        var status = stat()
        let journalFolder = FolderRule.folder(of: journal)
        if lstat(journalFolder, &status) == 0, status.st_mode & S_IFMT != S_IFDIR {
            unlink(journalFolder)
            return
        }
        guard lstat(journal, &status) == 0 else { return }
        guard status.st_mode & S_IFMT == S_IFREG, let bytes = try? InputFile.read(journal, limit: 1 << 20) else {
            unlink(journal)
            return
        }
        let output = FolderRule.folder(of: journalFolder)
        guard let realOutput = FolderRule.realPath(output) else { return }
        let entries = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap(JournalEntry.init)
            .filter { $0.isOwn(in: output, real: realOutput) }
        let isNew = { (entry: JournalEntry) -> Bool in
            var status = stat()
            return lstat(entry.path, &status) == 0 && UInt64(status.st_ino) == entry.newFile
        }
        // Old files are removed only once every swap is made: one of them gone means done.
        let finished = entries.allSatisfy(isNew) && entries.contains { $0.hadOld && !exists($0.aside) }
        for entry in entries.reversed() {
            if finished || !isNew(entry) {
                if !finished || entry.hadOld { unlink(entry.aside) }
            } else {
                undo(entry)
            }
        }
        unlink(journal)
    }

    /// One file of a commit: its destination, the hidden name beside it, the inode of the
    /// new file, and whether an old file was there.
    private struct JournalEntry {
        var path: String
        var aside: String
        var newFile: UInt64
        var hadOld: Bool

        init(path: String, aside: String, newFile: UInt64, hadOld: Bool) {
            (self.path, self.aside, self.newFile, self.hadOld) = (path, aside, newFile, hadOld)
        }

        init?(_ line: Substring) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let inode = UInt64(fields[0]) else { return nil }
            self.init(path: String(fields[3]), aside: String(fields[2]), newFile: inode, hadOld: fields[1] == "old")
        }

        var line: String { "\(newFile)\t\(hadOld ? "old" : "new")\t\(aside)\t\(path)\n" }

        /// Whether this entry is one a build writing into `output` (`real`, links resolved)
        /// makes: its file inside that folder (no `..`, no link out on the way), its hidden
        /// name `asideName`'s form beside it.
        func isOwn(in output: String, real: String) -> Bool {
            guard path.hasPrefix(output + "/"), !path.dropFirst(output.count + 1).split(separator: "/").contains(where: { $0 == ".." || $0 == "." }),
                let folder = FolderRule.realPath(FolderRule.folder(of: path)), FolderRule.isInside(folder, real, orSame: true)
            else { return false }
            return AtomicFile.isAsideName(aside, for: path)
        }
    }

    /// Undoes one swap: the old file back in place, or the new one removed when there was
    /// no old one.
    private static func undo(_ entry: JournalEntry) {
        if entry.hadOld {
            if imprint_exchange(entry.aside, entry.path) == 0 { unlink(entry.aside) }
        } else {
            unlink(entry.path)
        }
    }

    private static func writeJournal(_ entries: [JournalEntry], to path: String) throws(IOError) {
        guard !entries.contains(where: { ($0.path + $0.aside).contains("\n") || ($0.path + $0.aside).contains("\t") }) else {
            throw IOError(description: "cannot write \(entries[0].path): a path holds a tab or line break")
        }
        // A new file of its own: never written through a link that stands in its place.
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IOError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let text = Array(entries.map(\.line).joined().utf8)
        let pending = Pending(descriptor: descriptor, temporaryName: nil, path: path)
        try text.withUnsafeBytes { bytes in Result { () throws(IOError) in try append(bytes, to: pending) } }.get()
    }

    /// Fails, before anything is renamed, when `path` cannot take a new file: a folder or
    /// anything but a regular file or link is there, or its folder cannot be written.
    private static func checkDestination(_ path: String) throws(IOError) {
        var status = stat()
        if lstat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG, S_IFLNK: break
            case S_IFDIR: throw IOError(description: "cannot write \(path): a folder of that name is in the way")
            default: throw IOError(description: "cannot write \(path): something other than a file is in the way")
            }
        } else if errno != ENOENT {
            throw IOError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard access(FolderRule.folder(of: path), W_OK) == 0 else {
            throw IOError(description: "cannot write in \(FolderRule.folder(of: path)): \(String(cString: strerror(errno)))")
        }
    }

    private static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// The hidden name a new file has beside its destination while it is being put in place:
    /// one of its own, as reports built side by side may share a file (an image beside
    /// their XHTML editions).
    private static func asideName(for path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let number = asideCount.withLock { count in
            count += 1
            return count
        }
        return "\(FolderRule.folder(of: path))/.\(base).\(getpid()).\(number).imprint-swap"
    }

    private static let asideCount = Locked(0)

    /// Whether `name` has the form `asideName(for: path)` gives, for any process and number.
    private static func isAsideName(_ name: String, for path: String) -> Bool {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        let prefix = "\(FolderRule.folder(of: path))/.\(base).", suffix = ".imprint-swap"
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return false }
        let numbers = name.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 2 && numbers.allSatisfy { !$0.isEmpty && $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
    }

    /// Closes prepared files without putting them in place: anonymous ones vanish with
    /// the descriptor, named ones are removed.
    static func discard(_ files: [Pending]) {
        for file in files {
            close(file.descriptor)
            if let name = file.temporaryName { unlink(name) }
        }
    }

    /// Creates `path` and its parents, like `mkdir -p`; returns the folders it created,
    /// outermost first.
    @discardableResult
    public static func createDirectory(_ path: String) throws(IOError) -> [String] {
        var current = path.hasPrefix("/") ? "" : "."
        var created: [String] = []
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) == 0 {
                created.append(current)
            } else if errno != EEXIST {
                throw IOError(description: "cannot create the folder \(current): \(String(cString: strerror(errno)))")
            }
        }
        return created
    }

    /// Makes `path` a folder of Imprint's own (the stamps' `.imprint`): a link or a file
    /// standing in its place is removed first (the link, never what it leads to), so nothing
    /// is written through it. False when it cannot be made.
    @discardableResult
    static func createOwnFolder(_ path: String) -> Bool {
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return true }
            guard unlink(path) == 0 else { return false }
        }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    /// Removes the folders `createDirectory` created that are empty, innermost first (a
    /// folder that is not empty stays).
    static func removeEmptyDirectories(_ created: [String]) {
        for folder in created.reversed() { rmdir(folder) }
    }

    #if os(Linux)
        /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), a macro Swift does not import;
        /// the value is the generic one (x86-64, ARM64 and most others).
        private static let oTmpFile: Int32 = 0o20_000_000 | O_DIRECTORY
    #endif

    /// Writes `bytes` in full to a file without a name in the folder of `path`, which must
    /// exist (or, where the system cannot make one, to a named temporary file there).
    static func prepare(_ bytes: [UInt8], at path: String) throws(IOError) -> Pending {
        let file = try create(besides: path)
        do throws(IOError) {
            try bytes.withUnsafeBytes { bytes in Result { () throws(IOError) in try append(bytes, to: file) } }.get()
            try finish(file)
        } catch {
            discard([file])
            throw error
        }
        return file
    }

    /// A new file without a name in the folder of `path` (or, where the system cannot make
    /// one, a named temporary file there), to `append` to and `finish`.
    static func create(besides path: String) throws(IOError) -> Pending {
        let directory = FolderRule.folder(of: path)
        #if os(Linux)
            let anonymous = open(directory, oTmpFile | O_WRONLY, 0o644)
        #else
            let anonymous: Int32 = -1
        #endif
        if anonymous >= 0 { return Pending(descriptor: anonymous, temporaryName: nil, path: path) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(directory)/.\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw IOError(description: "cannot write in \(directory): \(String(cString: strerror(errno)))")
        }
        return Pending(
            descriptor: descriptor,
            temporaryName: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self), path: path)
    }

    /// Writes all of `bytes` at the end of a file `create` made.
    static func append(_ bytes: UnsafeRawBufferPointer, to file: Pending) throws(IOError) {
        var written = 0
        while written < bytes.count {
            let result = write(file.descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
            }
            written += result
        }
    }

    /// Makes a file `create` made ready for `commit`, which puts it on disk.
    static func finish(_ file: Pending) throws(IOError) {
        fchmod(file.descriptor, 0o644)
    }

    /// Puts every new file on disk before any is swapped in: each with `fsync`, or, for
    /// more than a few, each file system that holds them with one `syncfs` (an `fsync` a
    /// file made an edition of 16,000 images take a minute).
    private static func makeDurable(_ files: [Pending]) throws(IOError) {
        var toSync = files
        if files.count > 8 {
            var seen: Set<UInt64> = []
            toSync = files.filter { file in
                var status = stat()
                return fstat(file.descriptor, &status) != 0 || seen.insert(UInt64(status.st_dev)).inserted
            }
        }
        for file in toSync where (files.count > 8 ? imprint_syncfs(file.descriptor) : fsync(file.descriptor)) != 0 {
            throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Gives a finished file the name `name`: links an anonymous one to it, or renames a
    /// named temporary one (the moment before the swap is all it is ever visible).
    private static func name(_ file: inout Pending, as name: String) throws(IOError) {
        unlink(name)
        let linked: Int32
        if let temporary = file.temporaryName {
            linked = rename(temporary, name)
        } else {
            linked = linkat(AT_FDCWD, "/proc/self/fd/\(file.descriptor)", AT_FDCWD, name, AT_SYMLINK_FOLLOW)
        }
        guard linked == 0 else {
            throw IOError(description: "cannot write \(file.path): \(String(cString: strerror(errno)))")
        }
        file.temporaryName = name
    }
}
