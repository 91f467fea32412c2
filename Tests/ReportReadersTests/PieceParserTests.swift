import Foundation
import ReportModel
import ReportTestSupport
import Testing
@_spi(Fuzzing) @testable import ReportReaders

/// A report read in pieces is the report read whole: the same model, the same diagnostics.
@Suite struct PieceParserTests {
    /// Lines and blocks from which random reports are put together: everything that could
    /// reach across a cut (fences, indented ones too, HTML blocks, lists, quotes, footnotes
    /// defined before and after their use, nested, twice, in another case, a table's caption),
    /// and headings and paragraphs to cut at.
    static let pieces = [
        "## Section", "### Sub {#sub .unnumbered}", "# Title", "#Not a heading", "", "", "",
        "\n## Part\n", "\n## Part {.appendix}\n", "\n### Detail\n",
        "Text with a note.[^a] And another.[^b]", "Text[^A] in capitals.", "Unknown note[^zz].",
        "[^a]: Note a, with a reference[^b].", "[^b]: Note b.", "[^b]: Note b again.", "> [^c]: A note in a quote.[^a]",
        "See[^c].", "```", "~~~~", "<!-- comment", "-->", "<div>", "</div>", "<pre>", "</pre>",
        "- item", "  - nested item", "1. first", "> quoted", "    indented code", "| a | b |", "|---|---|",
        "*emphasis* and **strong**", "[link](#sub)", "[^a]:", "    continued note text",
        "Table: A caption", "2. second", "  ```", "Plain words", "Élan", "````", "\u{FEFF}After a byte order mark",
        "- item", "- item", "* star item", "+ plus item", "- - -", "* * *", "- [ ] task", "-", "- <b>bold</b>", "- `code`",
        "  continued item", "- ```", "<span>", "- item[^a]", "3) third", "1. first", "10. tenth", "1.  wide", " * indented star", " 2. indented",
    ]

    /// Front matter with a title, without one (the `# Title` heading may give it, or
    /// nothing does), with an empty one, and with an error.
    static let frontMatters = [["title: Title"], ["title: Title"], [], ["title: ''"], ["title: Title", "date: someday"]]

    static func randomReport(_ generator: inout some RandomNumberGenerator) -> String {
        var lines = ["---"] + frontMatters.randomElement(using: &generator)! + ["---", ""]
        for _ in 0..<Int.random(in: 0...60, using: &generator) { lines.append(pieces.randomElement(using: &generator)!) }
        return lines.joined(separator: "\n") + (Bool.random(using: &generator) ? "\n" : "")
    }

    /// The outcome of a read, comparable: the report and warnings, or the errors.
    enum Outcome: Equatable {
        case read(Report, [Diagnostic])
        case failed([Diagnostic])
    }

    static func outcome(_ text: String, pieceSize: Int, path: String? = nil) -> Outcome {
        do {
            let result = try ReportMarkdownReader.read(
                Array(text.utf8), file: path ?? "r.md", reportPath: path, pieceSize: pieceSize)
            return .read(result.report, result.warnings)
        } catch {
            return .failed(error.diagnostics)
        }
    }

    @Test func randomReportsReadTheSameInPieces() throws {
        var generator = SeededGenerator(seed: 2026)
        var cut = 0
        for _ in 0..<400 {
            let text = Self.randomReport(&generator)
            let whole = Self.outcome(text, pieceSize: .max)
            for pieceSize in [1, 16, 64] {
                #expect(Self.outcome(text, pieceSize: pieceSize) == whole, "\(text.debugDescription) in pieces of \(pieceSize)")
            }
            if try Self.parsedInPieces(Array(text.utf8), pieceSize: 16) != nil { cut += 1 }
        }
        // Some are cut for real (25 of these 400; most hold an unclosed fence or HTML block
        // at a cut, and are read whole after all).
        #expect(cut > 20, "\(cut) of 400 cut")
    }

    @Test func samplesReadTheSameInPieces() throws {
        for name in ["putin-visit-north-korea.md", "arctic-shipping-outlook.md"] {
            let path = samplePath(name)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let whole = Self.outcome(text, pieceSize: .max, path: path)
            guard case .read = whole else {
                Issue.record("\(name) does not read")
                continue
            }
            for pieceSize in [200, 2_000, 8_000] {
                #expect(Self.outcome(text, pieceSize: pieceSize, path: path) == whole, "\(name)")
            }
        }
    }

    /// Reports like the benchmark's are really cut (not read whole after all), footnotes
    /// used before and after their definitions included.
    @Test func ordinaryReportsAreCut() throws {
        var text = "Lead.[^last]\n\n"
        for index in 0..<50 {
            text += "## Region \(index)\n\nText.[^n\(index)] See also[^n\((index + 7) % 50)].\n\n[^n\(index)]: Note \(index).\n\n"
        }
        text += "[^last]: The last note.\n"
        let bytes = Array(text.utf8)
        let pieces = try #require(try Self.parsedInPieces(bytes, pieceSize: 300))
        let whole = try MarkdownParser.parse(bytes)
        let (got, expected) = (Self.shape(pieces), Self.shape(whole))
        #expect(got.count == expected.count)
        #expect(zip(got, expected).first { $0 != $1 } == nil)
        #expect(Self.outcome(text, pieceSize: 300) == Self.outcome(text, pieceSize: .max))
    }

    /// Brackets that open and never close, in a text long enough to cut: the scan for
    /// footnote labels looks no further than the next bracket or space, so this is quick.
    @Test func unclosedBracketsAreScannedOnce() {
        let text = "## A\n\n" + String(repeating: "[^ x [^ ", count: 20_000) + "\n\n## B\n\nText.\n"
        #expect(Self.outcome(text, pieceSize: 1_000) == Self.outcome(text, pieceSize: .max))
    }

    /// A fence at the margin is seen by the scan, which cuts after it, not inside.
    @Test func aFenceAtTheMarginIsNotCut() throws {
        let text = "Lead.\n\n```\n\n## Not a heading\n\nNot a paragraph\n```\n\n## Heading\n\nText.\n"
        _ = try Self.expectTheSameInPieces(text, pieceSize: 8)
    }

    /// One the scan does not see (indented) is cut inside: the pieces then do not parse as
    /// expected, and the text is read whole.
    @Test func aFenceOpenAtACutIsReadWhole() throws {
        let text = "Lead.\n\n  ```\n\n## Not a heading\n\n  ```\n\n## Heading\n\nText.\n"
        #expect(try Self.parsedInPieces(Array(text.utf8), pieceSize: 8) == nil)
        #expect(Self.outcome(text, pieceSize: 8) == Self.outcome(text, pieceSize: .max))
    }

    /// A paragraph opening with U+FEFF is not cut before: cmark-gfm drops it at the start
    /// of a text, so a piece that began with it would lose it.
    @Test func aByteOrderMarkIsNotAPiecesStart() throws {
        let padding = (0..<40).map { "(\($0) words and more words.)\n\n" }.joined()
        let text = padding + "\u{FEFF}Hello.\n\n\u{FEFF}## Heading\n\n" + padding
        let bytes = Array(text.utf8)
        let pieces = PieceParser.pieces(of: BodyText(bytes), pieceSize: 200) ?? []
        #expect(pieces.allSatisfy { !bytes[$0.range].starts(with: [0xEF, 0xBB, 0xBF]) })
        #expect(Self.outcome(text, pieceSize: 200) == Self.outcome(text, pieceSize: .max))
    }

    /// Paragraphs at the margin are cut before, in a report without headings; a table keeps
    /// its caption and a list its next numbered item.
    @Test func paragraphsAreCutBefore() throws {
        var text = ""
        for index in 0..<40 {
            text += "Paragraph \(index).\n\n| a | b |\n|---|---|\n| \(index) | x |\n\nTable: Caption \(index).\n\n1. one\n\n2. two\n\n"
        }
        let bytes = Array(text.utf8)
        let pieces = try Self.expectTheSameInPieces(text, pieceSize: 200)
        #expect(pieces.count > 10)
        for piece in pieces.dropFirst() {
            #expect(bytes[piece.range].starts(with: "Paragraph".utf8) || bytes[piece.range].starts(with: "| a".utf8))
        }
    }

    /// A long bullet list is cut between items, and its pieces make one list: loose when
    /// any part of it is, nested lists and task items kept, every item where it was.
    @Test func bulletListsAreCutBetweenItems() throws {
        var text = "Lead.\n\n"
        for index in 0..<400 {
            text += index % 97 == 0 ? "- [x] task \(index)\n" : "- item \(index)[^n]\n"
            if index % 50 == 0 { text += "  - nested \(index)\n" }
            if index == 300 { text += "\n" }
        }
        text += "\n* other list\n* same\n\nAfter.\n\n[^n]: The note.\n"
        let bytes = Array(text.utf8)
        let pieces = try Self.expectTheSameInPieces(text, pieceSize: 300)
        #expect(pieces.count > 10)
        #expect(pieces.dropFirst().allSatisfy { bytes[$0.range].starts(with: "- ".utf8) })
    }

    /// A numbered list, a risk register among them, is cut the same way: one list, its
    /// first number kept, a list of the other delimiter left apart.
    @Test func numberedListsAreCutBetweenItems() throws {
        var text = "---\ntitle: T\n---\n\n## Risks {.risks}\n\n"
        text += (0..<300).map { "\($0 + 3). **R\($0):** risky.[^n] {likelihood=likely impact=major}\n" }.joined()
        text += "\n## Steps\n\n" + (0..<300).map { "\($0 + 1)) step \($0)\n" }.joined() + "1. another list\n\n[^n]: The note.\n"
        #expect(try Self.expectTheSameInPieces(text, pieceSize: 400).filter(\.continuesList).count > 10)
    }

    /// An item that holds what a piece's end could change (an HTML block, a fence) is not
    /// cut after; a list cut where the text is not one list is read whole.
    @Test func listsThatCannotBeCutAreReadWhole() throws {
        let items = (0..<60).map { "- item \($0)\n" }.joined()
        for odd in ["- <div>\n", "- ```\n  code\n", "<div>\n", "text\n"] {
            let text = items + odd + items
            #expect(Self.outcome(text, pieceSize: 40) == Self.outcome(text, pieceSize: .max), "\(odd.debugDescription)")
        }
        // An item indented by one space, less than its list's text, with another bullet:
        // a list of its own between two lists of `-`, not an item inside the one before.
        let alternating = (0..<60).map { "- item \($0)\n * odd \($0)\n" }.joined()
        #expect(Self.outcome(alternating, pieceSize: 40) == Self.outcome(alternating, pieceSize: .max))
        let html = "<div>\n" + items
        #expect(try Self.parsedInPieces(Array(html.utf8), pieceSize: 40) == nil)
    }

    @Test func linkReferenceDefinitionsAreReadWhole() throws {
        let text = "[x]: https://example.org\n\n## A\n\nSee [x].\n\n## B\n\nAnd [x].\n"
        #expect(try Self.parsedInPieces(Array(text.utf8), pieceSize: 8) == nil)
        #expect(Self.outcome(text, pieceSize: 8) == Self.outcome(text, pieceSize: .max))
    }

    /// The pieces `text` is cut into, having expected that they are parsed (not read whole
    /// after all) into the whole text's tree, and read into the same report.
    static func expectTheSameInPieces(_ text: String, pieceSize: Int) throws -> [PieceParser.Piece] {
        let bytes = Array(text.utf8)
        let pieces = try #require(PieceParser.pieces(of: BodyText(bytes), pieceSize: pieceSize))
        let parsed = try #require(try parsedInPieces(bytes, pieceSize: pieceSize))
        #expect(shape(parsed) == shape(try MarkdownParser.parse(bytes)))
        #expect(outcome(text, pieceSize: pieceSize) == outcome(text, pieceSize: .max))
        return pieces
    }

    /// The tree of `text` put together from its pieces as the reader does it, but whole, to
    /// compare with a parse of the whole; nil when it is not cut or a piece did not parse
    /// as expected.
    static func parsedInPieces(_ text: [UInt8], pieceSize: Int) throws(MarkdownParser.TooDeep) -> MarkdownNode? {
        let body = BodyText(text)
        guard let pieces = PieceParser.pieces(of: body, pieceSize: pieceSize) else { return nil }
        let stream = PieceStream(text: text, pieces: pieces)
        defer { stream.cancel() }
        var merge = PieceParser.Merge(body: body)
        let document = MarkdownNode(kind: .document)
        for piece in pieces {
            guard let result = stream.next(), let content = merge.add(try result.get(), of: piece) else { return nil }
            document.children += content
        }
        guard let definitions = merge.definitionsReferredTo() else { return nil }
        document.children += definitions
        return document
    }

    /// Every node's kind, text and place, depth first, and a list's first number and
    /// whether it is tight; but the document's place, and where containers end, which
    /// nothing reads (and which differs for those the end of the text closes: in a piece
    /// the added paragraph closes them, a line further on).
    static func shape(_ document: MarkdownNode) -> [String] {
        var lines: [String] = []
        var stack = document.children.reversed().map { ($0, 1) }
        let containers: [MarkdownNode.Kind] = [.blockQuote, .list, .item, .footnoteDefinition]
        while let (node, depth) = stack.popLast() {
            let end = containers.contains(node.kind) ? "" : "-\(node.endLine):\(node.endColumn)"
            let list = node.kind == .list ? " start \(node.listStart) tight \(node.tight)" : ""
            lines.append("\(depth) \(node.kind) \(node.literal) \(node.url) \(node.startLine):\(node.startColumn)\(end)\(list)")
            stack.append(contentsOf: node.children.reversed().map { ($0, depth + 1) })
        }
        return lines
    }
}
