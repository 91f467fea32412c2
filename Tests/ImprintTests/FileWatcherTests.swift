import Foundation
import Imprint
import Testing

/// The watcher under `imprint watch`, driven by the saves an editor makes.
@Suite struct FileWatcherTests {
    private static func folder() throws -> String {
        let folder = NSTemporaryDirectory() + "imprint-watcher-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/report.md", contents: Data("# R\n".utf8))
        return folder
    }

    /// Writes `files` in turn, a few milliseconds apart, on another thread, after `delay`.
    private static func write(_ files: [String], in folder: String, after delay: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) {
            for file in files {
                if file.hasPrefix("mv ") {
                    let names = file.dropFirst(3).split(separator: " ").map { folder + "/" + $0 }
                    _ = rename(names[0], names[1])
                } else {
                    FileManager.default.createFile(atPath: folder + "/" + file, contents: Data("saved\n".utf8))
                }
                usleep(2_000)
            }
        }
    }

    @Test func anEditorsSaveIsOneChangeWithoutItsScratchFiles() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = try FileWatcher(folder: folder, ignoring: [folder + "/out"])
        // Vim's save: its test file, swap file and backup, the new text written aside and
        // renamed over the report.
        Self.write(["4913", ".report.md.swp", "report.md~", "report.md.new", "mv report.md.new report.md"], in: folder, after: 0.05)
        let change = watcher.nextChange(quiet: 0.2).map { ($0 as NSString).lastPathComponent }
        #expect(change.contains("report.md"), "\(change)")
        #expect(!change.contains { ["4913", ".report.md.swp", "report.md~"].contains($0) }, "\(change)")
    }

    @Test func theBuildsOwnEditionsAreNoChangeAndTheNextSaveIsAChangeOfItsOwn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = try FileWatcher(folder: folder, ignoring: [folder + "/out"])
        Self.write(["out/report.xhtml", "out/report.txt"], in: folder, after: 0.05)
        Self.write(["notes.md"], in: folder, after: 0.4)
        let first = watcher.nextChange(quiet: 0.1).map { ($0 as NSString).lastPathComponent }
        #expect(first == ["notes.md"], "\(first)")
        Self.write(["report.md"], in: folder, after: 0.05)
        let second = watcher.nextChange(quiet: 0.1).map { ($0 as NSString).lastPathComponent }
        #expect(second == ["report.md"], "\(second)")
    }

    @Test func editionsWrittenIntoTheWatchedFolderItselfAreLeftOutByName() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let watcher = try FileWatcher(folder: folder, ignoring: [])
        watcher.ignore(files: [folder + "/report.xhtml"])
        Self.write(["report.xhtml", "figure.svg"], in: folder, after: 0.05)
        let change = watcher.nextChange(quiet: 0.2).map { ($0 as NSString).lastPathComponent }
        #expect(change == ["figure.svg"], "\(change)")
    }
}
