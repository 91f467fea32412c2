import Foundation
import ReportModel
import ReportTestSupport
import Testing
import ZIPSupport

/// The archive writer and the entry reader, checked against independent readers: Python's
/// `zipfile` and Info-ZIP's `unzip -t`.
@Suite struct ZIPSupportTests {
    /// An archive of a stored entry, a deflated one, one streamed in pieces and an empty one.
    private static func archive(modified: Int = 1_735_689_600) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let archive = try ZIPArchive(named: "the test archive", modified: modified) { bytes += $0 }
        try archive.add(ZIPArchive.Entry("mimetype", Array("application/epub+zip".utf8), compressed: false))
        try archive.add(ZIPArchive.Entry("text/déjà vu.xhtml", Array(String(repeating: "<p>Words, words.</p>\n", count: 5_000).utf8)))
        try archive.add("nav.xhtml") { write in
            for piece in 0..<100 { Array("<li>entry \(piece)</li>\n".utf8).withUnsafeBytes(write) }
        }
        try archive.add(ZIPArchive.Entry("empty.txt", []))
        try archive.close()
        return bytes
    }

    private static func write(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "imprint-zip-" + UUID().uuidString + ".zip"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test(.needsOutsideTools) func anIndependentReaderGetsEveryEntryBack() throws {
        let path = Self.write(try Self.archive())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entries = try zipEntries(Self.archive())
        let found = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.bytes) })
        #expect(entries.map(\.path) == ["mimetype", "text/déjà vu.xhtml", "nav.xhtml", "empty.txt"])
        #expect(found["mimetype"] == Array("application/epub+zip".utf8))
        #expect(found["text/déjà vu.xhtml"] == Array(String(repeating: "<p>Words, words.</p>\n", count: 5_000).utf8))
        #expect(found["nav.xhtml"] == Array((0..<100).map { "<li>entry \($0)</li>\n" }.joined().utf8))
        #expect(found["empty.txt"] == [])
        // The first entry is stored, as the EPUB container needs its mimetype.
        let mimetype = try #require(entries.first { $0.path == "mimetype" })
        #expect(mimetype.compressedSize == mimetype.bytes.count)
        let tested = try runTool(["unzip", "-t", path])
        #expect(tested.status == 0 && tested.output.contains("No errors detected"), "\(tested.output)")
    }

    @Test func theSameEntriesAndMomentGiveTheSameBytes() throws {
        #expect(try Self.archive() == Self.archive())
        #expect(try Self.archive(modified: 0) != Self.archive())
    }

    @Test(.needsOutsideTools) func everyEntryIsDatedTheBuildMomentInUTC() throws {
        let moment = 1_735_689_600 + 13 * 3600 + 37 * 60 + 42  // 2025-01-01 13:37:42 UTC
        // A DOS time has no zone: its fields are the moment in UTC.
        for entry in try zipEntries(Self.archive(modified: moment)) {
            #expect(entry.modified == [2025, 1, 1, 13, 37, 42], "\(entry.path): \(entry.modified)")
        }
    }

    @Test func theEntryReaderHoldsToItsLimit() throws {
        let path = Self.write(try Self.archive())
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ZIPEntryReader.read("mimetype", inArchiveAt: path, limit: 100).get() == Array("application/epub+zip".utf8))
        let large = ZIPEntryReader.read("text/déjà vu.xhtml", inArchiveAt: path, limit: 1_000)
        guard case .failure(.tooLarge) = large else { Issue.record("read \(large) past its limit"); return }
        guard case .failure(.missing) = ZIPEntryReader.read("word/styles.xml", inArchiveAt: path, limit: 100) else {
            Issue.record("found an entry that is not there")
            return
        }
        let text = Self.write(Array("not a zip".utf8))
        defer { try? FileManager.default.removeItem(atPath: text) }
        guard case .failure(.notAnArchive) = ZIPEntryReader.read("mimetype", inArchiveAt: text, limit: 100) else {
            Issue.record("read a text file as an archive")
            return
        }
        let fifo = NSTemporaryDirectory() + "imprint-zip-fifo-" + UUID().uuidString
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        guard case .failure(.notAFile) = ZIPEntryReader.read("mimetype", inArchiveAt: fifo, limit: 100) else {
            Issue.record("opened a FIFO")
            return
        }
    }
}
