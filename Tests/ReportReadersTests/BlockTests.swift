import Testing
import ReportModel
@testable import ReportReaders

@Suite struct BlockTests {
    /// cmark-gfm's smart punctuation, in the text; code and escaped characters as written.
    @Test func typographicPunctuation() throws {
        let text = "“Curly” stays, \"straight\" curls, the ship's 'log' -- and --- then... `don't -- \"x\"` \\\"as is\\\"."
        #expect(firstBlocks(try read(report(text))) == [.paragraph([
            .text("“Curly” stays, “straight” curls, the ship’s ‘log’ – and — then… "), .code("don't -- \"x\""),
            .text(" \"as is\"."),
        ])])
    }

    @Test func typographicPunctuationInTheFrontMatter() throws {
        let metadata = try read(report("Text.", frontMatter: "short-title: \"Putin's visit\"\nsubtitle: 'Moscow -- Pyongyang, \"2024\"...'\n")).report.metadata
        #expect(metadata.shortTitle == "Putin’s visit")
        #expect(metadata.subtitle == "Moscow – Pyongyang, “2024”…")
    }

    @Test func inlinesAreTyped() throws {
        let blocks = firstBlocks(try read(report("*em* **strong** ~~del~~ `code` [link](https://example.org \"T\") <https://auto.example>\\\nnext")))
        #expect(blocks == [.paragraph([
            .emphasis([.text("em")]), .text(" "), .strong([.text("strong")]), .text(" "),
            .strikethrough([.text("del")]), .text(" "), .code("code"), .text(" "),
            .link(Link(url: "https://example.org", title: "T", content: [.text("link")])), .text(" "),
            .link(Link(url: "https://auto.example", content: [.text("https://auto.example")])),
            .lineBreak, .text("next"),
        ])])
    }

    @Test func listsKeepStartTightnessAndTasks() throws {
        let blocks = firstBlocks(try read(report("3. three\n4. four\n\n- a\n\n- b\n\n* [x] done\n* [ ] open\n")))
        guard case .list(let ordered) = blocks[0], case .list(let loose) = blocks[1], case .list(let tasks) = blocks[2] else {
            Issue.record("expected three lists, got \(blocks)")
            return
        }
        #expect(ordered.ordered && ordered.start == 3 && ordered.tight)
        #expect(!loose.ordered && !loose.tight)
        #expect(tasks.items.map(\.task) == [true, false])
    }

    @Test func nestedListsAndQuotes() throws {
        let blocks = firstBlocks(try read(report("- a\n  - b\n    1. c\n\n> quote\n>\n> > inner\n")))
        guard case .list(let outer) = blocks[0], case .list(let middle) = outer.items[0].blocks[1],
            case .list(let inner) = middle.items[0].blocks[1]
        else {
            Issue.record("nesting lost: \(blocks)")
            return
        }
        #expect(inner.ordered)
        #expect(blocks[1] == .quote([.paragraph([.text("quote")]), .quote([.paragraph([.text("inner")])])]))
    }

    @Test func listItemAttributes() throws {
        let blocks = firstBlocks(try read(report("- item one\n  {#item-one .special note=\"a b\"}\n- item two\n")))
        guard case .list(let list) = blocks[0] else { Issue.record("no list"); return }
        #expect(list.items[0].id == "item-one")
        #expect(list.items[0].classes == ["special"])
        #expect(list.items[0].attributes == [Attribute(key: "note", value: "a b")])
        #expect(list.items[0].blocks == [.paragraph([.text("item one")])])
    }

    @Test func codeAndThematicBreaks() throws {
        let blocks = firstBlocks(try read(report("```swift extra\nlet a = \"{#x}\"\n```\n\n---\n\n    indented\n")))
        #expect(blocks == [
            .code(CodeBlock(language: "swift", text: "let a = \"{#x}\"\n")), .thematicBreak,
            .code(CodeBlock(language: nil, text: "indented\n")),
        ])
    }

    @Test func tablesWithAlignmentAndCaption() throws {
        let blocks = firstBlocks(try read(report("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n\nTable: The *caption* {#tbl-a}\n\n| x |\n|---|\n| y |\n")))
        guard case .table(let first) = blocks[0], case .table(let second) = blocks[1] else {
            Issue.record("expected two tables: \(blocks)")
            return
        }
        #expect(first.alignments == [.left, .center, .right, .none])
        #expect(first.header.cells == [[.text("a")], [.text("b")], [.text("c")], [.text("d")]])
        #expect(first.rows.count == 1)
        #expect(first.caption == [.text("The "), .emphasis([.text("caption")])])
        #expect(first.id == "tbl-a")
        #expect(first.number == 1)
        #expect(second.caption == nil && second.number == 2)
    }

    @Test func figuresStandAloneWithAttributes() throws {
        let result = try read(
            report("![The *map*](img/map.svg){#fig-map credit=\"Photo: https://example.org/x_y\" alt=\"A map\" license=CC0 license-url=https://l.example source-url=https://s.example width=80%}\n\nText with ![icon](img/map.svg) inline.\n"),
            files: ["img/map.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>"])
        let blocks = firstBlocks(result)
        #expect(blocks[0] == .figure(Figure(
            id: "fig-map", number: 1, source: "img/map.svg", caption: [.text("The "), .emphasis([.text("map")])],
            alt: "A map", credit: "Photo: https://example.org/x_y", license: "CC0", licenseURL: "https://l.example",
            sourceURL: "https://s.example", width: "80%")))
        #expect(blocks[1] == .paragraph([.text("Text with "), .image(InlineImage(source: "img/map.svg", alt: "icon")), .text(" inline.")]))
    }

    @Test func altDefaultsToTheCaption() throws {
        let blocks = firstBlocks(try read(report("![Caption text](a.svg)\n"), files: ["a.svg": "<svg/>"]))
        guard case .figure(let figure) = blocks[0] else { Issue.record("no figure"); return }
        #expect(figure.alt == "Caption text")
        #expect(figure.id == nil)
    }

    @Test func attributeBlocksElsewhereStayText() throws {
        let blocks = firstBlocks(try read(report("A plain paragraph {#not-an-id}\n")))
        #expect(blocks == [.paragraph([.text("A plain paragraph {#not-an-id}")])])
    }

    @Test func escapedBracesAreNotAttributes() throws {
        let section = try read(report("## Title \\{#x}\n")).report.sections[0]
        #expect(section.title == [.text("Title {#x}")])
        #expect(section.id == "title-x")
    }

    @Test func footnotesKeepLabelsAndOrder() throws {
        let result = try read(report("Second[^b] then first[^a] and again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n"))
        #expect(result.report.footnotes.map(\.label) == ["b", "a"])
        #expect(result.report.footnotes.map(\.id) == ["fn-b", "fn-a"])
        #expect(result.report.footnotes[0].blocks == [.paragraph([.text("Note B.")])])
        #expect(firstBlocks(result) == [.paragraph([
            .text("Second"), .footnoteReference("b"), .text(" then first"), .footnoteReference("a"),
            .text(" and again"), .footnoteReference("b"), .text("."),
        ])])
    }

    @Test func crossReferencesResolve() throws {
        let result = try read(report("See [](#later) and [the table](#t).\n\n## Later {#later}\n\n|a|\n|-|\n|b|\n\nTable: T {#t}\n"))
        #expect(result.report.lead == [.paragraph([
            .text("See "), .crossReference(CrossReference(target: "later")), .text(" and "),
            .crossReference(CrossReference(target: "t", content: [.text("the table")])), .text("."),
        ])])
    }

    @Test func unknownCrossReferenceTargetsAreErrors() {
        let found = errors(report("Intro.\n\nSee [](#nowhere).\n"))
        #expect(found.count == 1)
        #expect(found[0].message.contains("'#nowhere'"))
        #expect(found[0].location?.line == 7)
    }

    @Test func rawHTMLIsShownAsTextWithAWarning() throws {
        let result = try read(report("Some <b>bold</b> text.\n\n<div>\nblock\n</div>\n"))
        #expect(firstBlocks(result) == [
            .paragraph([.text("Some <b>bold</b> text.")]),
            .code(CodeBlock(language: "html", text: "<div>\nblock\n</div>\n")),
        ])
        #expect(result.warnings.count == 3)
        #expect(result.warnings.allSatisfy { $0.message.contains("raw HTML") })
    }

    @Test func dangerousLinksAreNeverActive() throws {
        let result = try read(report("[click](javascript:alert(1)) [f](file:///etc/passwd) [d](data:text/html,x)"))
        let text = firstBlocks(result)
        #expect(!"\(text)".contains("link(ReportModel.Link"))
        #expect(result.warnings.count == 3)
        #expect(text == [.paragraph([.text("click <javascript:alert(1)> f <file:///etc/passwd> d <data:text/html,x>")])])
    }

    @Test func headingsInsideListsBecomeBoldParagraphs() throws {
        let result = try read(report("- ## Not a section\n"))
        guard case .list(let list) = firstBlocks(result)[0] else { Issue.record("no list"); return }
        #expect(list.items[0].blocks == [.paragraph([.strong([.text("Not a section")])])])
        #expect(result.warnings.count == 1)
    }
}

@Suite struct FootnoteTests {
    @Test func unreferencedFootnotesAreWarnedAbout() throws {
        let result = try read(report("Text[^used].\n\n[^used]: Used.\n\n[^spare]: Never referenced.\n"))
        #expect(result.report.footnotes.map(\.label) == ["used"])
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].message.contains("[^spare] is never referenced"))
        #expect(result.warnings[0].location?.line == 9)
    }

    /// cmark-gfm keeps the first definition of a label (in any case) and drops the others.
    @Test func aFootnoteDefinedTwiceIsWarnedAbout() throws {
        let result = try read(report("Text[^a].\n\n[^a]: First.\n\n[^A]: Second.\n"))
        #expect(result.report.footnotes.count == 1)
        #expect(result.warnings.map(\.message) == [
            "the footnote [^A] is defined again (first on line 7); this definition appears in no edition"
        ])
        #expect(result.warnings.first?.location?.line == 9)
    }

    @Test func longRunsOfSplitTextStayOneTextInline() throws {
        let text = String(repeating: "a_b [c] ", count: 2_000)
        let blocks = firstBlocks(try read(report(text)))
        guard case .paragraph(let inlines) = blocks[0] else {
            Issue.record("no paragraph")
            return
        }
        #expect(inlines.count == 1)
    }
}
