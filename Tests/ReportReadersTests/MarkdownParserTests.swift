import Dispatch
import Foundation
import Testing
@testable import ReportReaders

@Suite struct MarkdownParserTests {
    /// cmark-gfm keeps the special characters of its extensions in a table global to the
    /// library and changes it during every parse; parses on several threads (a folder
    /// build, a report read in pieces) must still each see strikethrough, autolinks and
    /// table cells.
    @Test func parsesOnManyThreadsAgree() throws {
        let row = "| ~~struck~~ and www.example.org | https://example.org/a |\n"
        let text = "Some ~~struck~~ text at www.example.org and https://example.org.\n\n| A | B |\n|---|---|\n"
            + String(repeating: row, count: 200)
        let expected = ChunkedParserTests.shape(try MarkdownParser.parse(Array(text.utf8)))
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let shape = (try? MarkdownParser.parse(Array(text.utf8))).map(ChunkedParserTests.shape)
            if shape != expected { mismatches.add() }
        }
        #expect(mismatches.count == 0)
    }

    final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }
}
