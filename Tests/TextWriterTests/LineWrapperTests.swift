import ReportTestSupport
import Testing
@testable import TextWriter

/// The fast paths give what the slow, obviously right ones give.
@Suite struct LineWrapperTests {
    static let pieces = ["a", "word", " ", "  ", "\t", "é", "e\u{301}", "\u{301}", "\u{200D}", "👍🏽", "한국", "ि", "—", "x\u{FE0F}"]

    static func randomText(_ generator: inout SeededGenerator) -> Substring {
        Substring((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }

    @Test func wordsSplitOnBytesAsOnGraphemeClusters() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5_000 {
            let text = Self.randomText(&generator)
            let expected = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            #expect(LineWrapper.words(of: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func linesSplitOnBytesAsOnCharacters() {
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in
                ["\n", "\r\n", "\r", "a", "é", "\n\n", " "].randomElement(using: &generator)!
            }.joined()
            #expect(LineWrapper.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    @Test func asciiWidthIsTheWidthOfEachCharacter() {
        var generator = SeededGenerator(seed: 8)
        for _ in 0..<2_000 {
            let text = String((0..<20).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &generator))) })
            #expect(DisplayWidth.asciiWidth(text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        }
        #expect(DisplayWidth.asciiWidth("naïve") == nil)
    }

    @Test func tableWordWidthsAsOnCharacters() {
        var generator = SeededGenerator(seed: 10)
        let ascii = ["a", "word", " ", "\t", "\n", "\r\n", "\u{1}", "\u{7F}", "\u{B}"]
        for _ in 0..<5_000 {
            let pieces = Bool.random(using: &generator) ? ascii : ascii + Self.pieces + ["\u{A0}", "\u{3000}"]
            let cell = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            var widths: [Int] = []
            TableLayout.forEachWordWidth(of: cell) { widths.append($0) }
            #expect(widths == cell.split(whereSeparator: \.isWhitespace).map { DisplayWidth.of($0) }, "\(cell.debugDescription)")
        }
    }
}
