import Dispatch
import Foundation
import ReportTestSupport
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
        let expected = PieceParserTests.shape(try MarkdownParser.parse(Array(text.utf8)))
        let mismatches = Mismatches()
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let shape = (try? MarkdownParser.parse(Array(text.utf8))).map(PieceParserTests.shape)
            if shape != expected { mismatches.add() }
        }
        #expect(mismatches.count == 0)
    }

    /// Without `www.`, `://` or `@` the autolink extension is left out (it only costs
    /// memory then): the tree is the one a parse with it gives, nodes, text and places,
    /// for random texts full of `w`, `:`, `/`, dots and every kind of inline and block.
    @Test func leavingAutolinksOutWhereThereAreNoneChangesNothing() throws {
        let words = ["w", "ww", "wW", "W.", "w.", "ww.", "word", "wide:", ":/", ":", "/", "//", "a:b", "http:", "x:/y",
                     "*em*", "**w**", "_w_", "~~w~~", "`w:`", "[w](#w)", "![w](w.png)", "{#w}", "[^w]", "\\w", "<w>",
                     " ", " ", "\n", "\n\n", "\n- ", "\n> ", "\n# ", "\n| a | w |\n|---|---|\n| w: | b |\n", "\n    w:\n"]
        var generator = SeededGenerator(seed: 7)
        var compared = 0
        for _ in 0..<1000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &generator) { text += words.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            // Words put together may make `www.` or `://`: those keep the extension.
            guard !MarkdownParser.mayHoldAutolinks(bytes[...]) else { continue }
            compared += 1
            let without = PieceParserTests.shape(try MarkdownParser.parse(bytes[...], lineOffset: 0))
            let with = PieceParserTests.shape(try MarkdownParser.parse(bytes[...], lineOffset: 0, autolinks: true))
            #expect(without == with, "\(text.debugDescription)")
        }
        #expect(compared > 300, "\(compared) texts compared")
        for text in ["see www.example.org", "WWW.EXAMPLE.ORG", "https://x.org", "a@b.org", "mailto:a@b.org"] {
            #expect(MarkdownParser.mayHoldAutolinks(Array(text.utf8)[...]), "\(text)")
        }
    }

    final class Mismatches: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }
}
