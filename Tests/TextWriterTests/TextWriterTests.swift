import Foundation
import Testing
import ReportModel
import ReportReaders
@testable import TextWriter
import ReportTestSupport

private let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

@Suite struct GoldenTextTests {
    /// Both samples, both profiles, at 72 and 40 columns, against reviewed golden files.
    /// Run with `UPDATE_GOLDEN=1` to rewrite them after a deliberate change, then review the diff.
    @Test(arguments: ["putin-visit-north-korea", "arctic-shipping-outlook"], [72, 40])
    func samplesMatchTheirGoldenFiles(name: String, width: Int) throws {
        let report = try ReportMarkdownReader.read(fileAt: samplePath(name + ".md")).report
        for (profile, suffix) in [(TextWriter.Profile.full, "txt"), (.brief, "brief.txt")] {
            let text = TextWriter(options: .init(width: width, profile: profile)).text(report)
            let golden = goldenFolder.appendingPathComponent("\(name).\(width).\(suffix)")
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try text.write(to: golden, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: golden, encoding: .utf8)
            #expect(text == expected, "\(golden.lastPathComponent) differs; run with UPDATE_GOLDEN=1 and review the diff")
            TextChecks.expectWellFormed(text, width: width)
        }
    }
}

@Suite struct TextLayoutTests {
    private func report(_ name: String) throws -> Report {
        try ReportMarkdownReader.read(fileAt: samplePath(name + ".md")).report
    }

    @Test func markingIsTheFirstAndTheLastLine() throws {
        for profile in [TextWriter.Profile.full, .brief] {
            let lines = TextWriter(options: .init(profile: profile)).text(try report("arctic-shipping-outlook")).split(separator: "\n")
            #expect(lines.first == "TLP:AMBER · UNCLASSIFIED//FOR TRAINING USE ONLY")
            #expect(lines.last == "TLP:AMBER · UNCLASSIFIED//FOR TRAINING USE ONLY")
        }
    }

    @Test func everyLinkAddressIsListed() throws {
        let text = TextWriter().text(try report("arctic-shipping-outlook"))
        for url in ["https://example.org/imprint/nsr-rules", "https://example.org/imprint/notices", "https://creativecommons.org/publicdomain/zero/1.0/"] {
            #expect(text.contains(url))
        }
        #expect(text.contains("administration’s notice board<2>"))
        #expect(text.contains("<2> https://example.org/imprint/notices"))
    }

    @Test func briefIsTheBottomLineUpFront() throws {
        let text = TextWriter(options: .init(profile: .brief)).text(try report("arctic-shipping-outlook"))
        for expected in ["Summary", "Key judgments", "1. Traffic grows, slowly:", "Risk register", "Contact: arctic-desk@example.org"] {
            #expect(text.contains(expected), "brief lacks \(expected)")
        }
        for unexpected in ["Ports along the route", "Grading table", "def voyage_cost"] {
            #expect(!text.contains(unexpected), "brief has \(unexpected)")
        }
    }

    /// The brief fits one printed page at 72 columns (66 lines), the summary within the
    /// first ten lines: the masthead is the title and a byline, the handling notice last.
    @Test(arguments: ["arctic-shipping-outlook", "putin-visit-north-korea"])
    func briefFitsOnePage(name: String) throws {
        let report = try report(name)
        let lines = TextWriter(options: .init(width: 72, profile: .brief)).text(report).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 66, "\(lines.count) lines")
        #expect(lines.prefix(10).contains("Summary") || lines.prefix(10).contains("Key judgments"), "\(lines.prefix(10))")
        if let notice = report.metadata.marking?.notice {
            let noticeLine = try #require(lines.firstIndex { notice.hasPrefix($0) && !$0.isEmpty })
            #expect(noticeLine > lines.count - 8, "the notice closes the brief")
        }
    }

    /// At a width the register cannot fit, each risk is a list titled by its number and
    /// title, not "Row 1" with the number as a cell.
    @Test func aNarrowRiskRegisterIsTitledByRisk() throws {
        let text = TextWriter(options: .init(width: 40, profile: .brief)).text(try report("arctic-shipping-outlook"))
        #expect(text.contains("Risk register\n1. Insurance withdrawal\n  - Likelihood: likely (55–75%)\n"), "\(text)")
        #expect(!text.contains("Row 1") && !text.contains("- No.:"))
    }

    /// An address too wide for a line is given by its number alone in the paragraph; an
    /// address that fits is shown with it.
    @Test func aWideAddressIsGivenByItsNumber() throws {
        var report = Report(metadata: Metadata(title: "L"))
        let wide = "https://example.org/a/very/long/path/that/does/not/fit"
        report.lead = [.paragraph([
            .text("See "), .link(Link(url: wide, content: [.text(wide)])), .text(" and "),
            .link(Link(url: "https://e.org", content: [.text("https://e.org")])), .text("."),
        ])]
        let text = TextWriter(options: .init(width: 40)).text(report)
        #expect(text.contains("See <1> and https://e.org<2>."), "\(text)")
        #expect(text.contains("<1> " + wide.prefix(20)), "the address is listed whole at the end")
    }

    /// Lists of Imprint's own (dates, authors) are joined as the language joins them.
    @Test func listsAreJoinedAsTheLanguageJoinsThem() throws {
        let metadata = Metadata(
            title: "مياه النيل", authors: [Author(name: "ليلى حسن", affiliation: "مكتب الشرق الأوسط"), Author(name: "عمر فاروق")], date: ReportDate("2025-05-01"),
            updated: ReportDate("2025-06-01"), lang: "ar")
        let full = TextWriter().text(Report(metadata: metadata))
        let brief = TextWriter(options: .init(profile: .brief)).text(Report(metadata: metadata))
        for text in [full, brief] {
            #expect(text.contains("، ") && !text.contains(", "), "\(text)")
        }
    }

    /// A quote is marked with `>` on each line; a code block is only indented.
    @Test func quotesAreMarkedAndCodeIsIndented() throws {
        var report = Report(metadata: Metadata(title: "Q"))
        report.lead = [
            .quote([.paragraph([.text("A quoted paragraph that is long enough to wrap over two lines.")]), .quote([.paragraph([.text("Nested.")])])]),
            .code(CodeBlock(text: "let x = 1\n")),
            .list(ListBlock(ordered: true, items: [ListItem(blocks: [.paragraph([.text("item")]), .quote([.paragraph([.text("quoted in an item")])])])])),
        ]
        let text = TextWriter(options: .init(width: 40)).text(report)
        #expect(text.contains("> A quoted paragraph that is long enough\n> to wrap over two lines.\n"), "\(text)")
        #expect(text.contains("\n> > Nested.\n"), "\(text)")
        #expect(text.contains("\n    let x = 1\n"), "\(text)")
        #expect(text.contains("\n   > quoted in an item\n"), "\(text)")
    }

    @Test func listsKeepTheirNumbersAndHangingIndents() throws {
        let text = TextWriter().text(try report("arctic-shipping-outlook"))
        #expect(text.contains("3. Dikson\n4. Tiksi\n5. Pevek"))
        #expect(text.contains("- [x] Update the 2024 traffic figures"))
        #expect(text.contains("1. Escort is booked through the route administration."))
    }

    @Test func asciiSpellsPunctuationButKeepsLetters() throws {
        let text = TextWriter(options: .init(ascii: true)).text(try report("arctic-shipping-outlook"))
        #expect(!text.contains("“") && !text.contains("—") && !text.contains("’") && !text.contains("…"))
        #expect(text.contains("\"The Northern Sea Route is a national transport artery.\""))
        #expect(text.contains("Северный морской путь"))
        #expect(text.contains("김서연"))
        #expect(Typography.ascii("a\u{00A0}b – c — d … ‘e’ «f»") == "a b - c -- d ... 'e' \"f\"")
    }
}

@Suite struct DisplayWidthTests {
    @Test func measuresGraphemeClusters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("e\u{0301}") == 1)
        #expect(DisplayWidth.of("\u{1100}\u{1161}") == 2)
        #expect(DisplayWidth.of("Москва") == 6)
        #expect(DisplayWidth.of("❤️") == 2)
    }

    @Test func wrapsBetweenWordsAndBreaksOnlyOverlongOnes() {
        let wrapper = LineWrapper(width: 10)
        #expect(wrapper.wrap("one two three four") == ["one two", "three four"])
        #expect(wrapper.wrap("abcdefghijklmnop") == ["abcdefghij", "klmnop"])
        #expect(wrapper.wrap("가나다라마바사아", first: "- ", rest: "  ") == ["- 가나다라", "  마바사아"])
        #expect(wrapper.wrap("a\nb") == ["a", "b"])
    }
}

/// What every text output must be.
enum TextChecks {
    static func expectWellFormed(_ text: String, width: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!text.contains("\r"), sourceLocation: sourceLocation)
        #expect(text.hasSuffix("\n"), sourceLocation: sourceLocation)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            #expect(DisplayWidth.of(line) <= width, "line \(number + 1) is \(DisplayWidth.of(line)) columns: \(line)", sourceLocation: sourceLocation)
            #expect(!line.hasSuffix(" "), "line \(number + 1) has trailing spaces", sourceLocation: sourceLocation)
        }
    }
}
