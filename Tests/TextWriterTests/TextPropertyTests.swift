import Foundation
import Testing
import ReportModel
import SharedWriting
import ReportTestSupport
@testable import TextWriter

/// Whatever the report, at any width from 20 to 120: no line wider than the width, and
/// every word of the input in the full text.
@Suite struct TextPropertyTests {
    @Test func noLineIsWiderThanTheWidthAndNoWordIsLost() {
        var random = SeededGenerator(seed: 2026)
        for seed in UInt64(1)...60 {
            var generator = ReportGenerator(seed: seed)
            var report = generator.report()
            report.sections.append(StressSection.make(seed: seed))
            let width = Int.random(in: 20...120, using: &random)
            let text = TextWriter(options: .init(width: width)).text(report)
            TextChecks.expectWellFormed(text, width: width)
            let squeezed = TextPropertyTests.squeeze(text)
            // The words as the editions write them: in the language's quotation marks.
            for word in TextPropertyTests.words(of: Manuscript(report).report) where !squeezed.contains(TextPropertyTests.squeeze(word)) {
                let path = NSTemporaryDirectory() + "imprint-text-seed-\(seed).txt"
                try? text.write(toFile: path, atomically: true, encoding: .utf8)
                if let model = try? JSONEncoder().encode(report) {
                    _ = FileManager.default.createFile(atPath: path + ".json", contents: model)
                }
                Issue.record("seed \(seed), width \(width): the word \(word) is missing; the text is in \(path)")
                return
            }
        }
    }

    @Test func everyWidthFrom20To120() throws {
        var generator = ReportGenerator(seed: 7)
        var report = generator.report()
        report.sections.append(StressSection.make(seed: 7))
        for width in 20...120 {
            for profile in [TextWriter.Profile.full, .brief] {
                TextChecks.expectWellFormed(TextWriter(options: .init(width: width, profile: profile)).text(report), width: width)
            }
        }
    }

    /// The text goes out in pieces as it is written, all lines but the last few final:
    /// the same bytes as keeping every line to the end, for generated reports made long
    /// (lines are handed on many times over), full and brief, in ASCII too, whether one
    /// line is kept back or the usual number.
    @Test func handingLinesOnEarlyChangesNothing() {
        for seed in UInt64(1)...12 {
            var generator = ReportGenerator(seed: seed)
            var report = generator.report()
            while report.sections.count < 60 { report.sections += generator.report().sections }
            report.sections.append(StressSection.make(seed: seed))
            for options in [TextWriter.Options(width: 40), .init(width: 72, profile: .brief), .init(width: 30, ascii: true)] {
                let writer = TextWriter(options: options)
                let whole = Gathered(), kept = Gathered(), early = Gathered()
                let manuscript = Manuscript(report)
                writer.write(manuscript, window: .max, to: whole.add)
                _ = writer.write(manuscript, to: kept.add)
                writer.write(manuscript, window: 1, to: early.add)
                #expect(kept.bytes == whole.bytes, "seed \(seed)")
                #expect(early.bytes == whole.bytes, "seed \(seed)")
                if options.profile == .full { #expect(early.pieces > 1, "seed \(seed): \(whole.bytes.count) bytes in one piece") }
            }
        }
    }

    /// The words a reader must find: metadata, and every run of text in titles, blocks and
    /// notes (runs, not joined inlines, since links and notes put their numbers between).
    static func words(of report: Report) -> [String] {
        // Notes nothing refers to appear in no edition (the readers warn about them).
        var report = report
        let reachable = report.reachableFootnoteLabels
        report.footnotes = report.footnotes.filter { reachable.contains($0.label) }
        var texts = [report.metadata.title, report.metadata.subtitle ?? ""] + report.metadata.authors.map(\.name)
        for inline in report.allInlines {
            switch inline {
            case .text(let value), .code(let value): texts.append(value)
            case .link(let link): texts.append(link.url)
            case .image(let image): texts.append(image.alt)
            default: break
            }
        }
        for block in report.allBlocks {
            switch block {
            case .code(let code): texts.append(code.text)
            case .figure(let figure): texts += [figure.alt, figure.credit ?? "", figure.license ?? ""]
            default: break
            }
        }
        return texts.flatMap { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    }

    /// Text without white space, table borders, code continuation marks or emphasis marks,
    /// so that words broken across lines or cells, or half emphasised, still read whole.
    static func squeeze(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && !"|\\*_~`".unicodeScalars.contains($0) }.map(Character.init))
    }
}

/// A section of what is hardest to lay out: long words and URLs, CJK and Hangul, combining
/// marks, emoji, lists ten levels deep, wide tables.
enum StressSection {
    static func make(seed: UInt64) -> Section {
        var random = SeededGenerator(seed: seed &* 31)
        let longWord = String(repeating: "Antidisestablishmentarianism", count: Int.random(in: 1...4, using: &random))
        let url = "https://example.org/" + String(repeating: "very-long-path-segment/", count: Int.random(in: 2...8, using: &random))
        let cjk = "北京市海淀区中关村大街一号 서울특별시 종로구 세종대로 平壌直轄市"
        let combining = "Cafe\u{0301} nai\u{0308}ve Z\u{0327}\u{0301}alg\u{0303}o"
        var nested: [Block] = [.paragraph([.text("deepest " + longWord)])]
        for level in (1...10).reversed() {
            nested = [.list(ListBlock(ordered: level % 2 == 0, start: level * 7, items: [ListItem(task: level == 5 ? true : nil, blocks: [.paragraph([.text("level \(level) \(cjk)")])] + nested)]))]
        }
        let columns = Int.random(in: 3...14, using: &random)
        let wide = Table(
            number: 9, caption: [.text("A wide table " + combining)], alignments: Array(repeating: .right, count: columns),
            header: TableRow(cells: (0..<columns).map { [.text("Column \($0) " + cjk.prefix(6))] }),
            rows: (0..<3).map { row in TableRow(cells: (0..<columns).map { [.text("\(row)-\($0) \(longWord.prefix(20)) 😀")] }) })
        return Section(
            id: "stress", number: "9", level: 2, title: [.text("Stress " + longWord)],
            blocks: [
                .paragraph([.text(longWord + " " + combining + " "), .link(Link(url: url, content: [.text(url)])), .text(" " + cjk + " 👨‍👩‍👧 ❤️")]),
                .code(CodeBlock(text: "let line = \"" + longWord + cjk + "\"\n")),
                .quote([.quote([.paragraph([.text(cjk + " " + longWord)])])]),
                .table(wide),
            ] + nested)
    }
}

/// What a sink was given, and in how many pieces.
private final class Gathered {
    private(set) var bytes: [UInt8] = []
    private(set) var pieces = 0

    func add(_ data: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: data)
        pieces += 1
    }
}
