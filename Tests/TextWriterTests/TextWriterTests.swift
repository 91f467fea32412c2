import Foundation
import Testing
import ReportModel
import ReportReaders
@testable import TextWriter

/// The repository's `Samples` folder.
private func samplePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Samples").appendingPathComponent(name).path
}

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
