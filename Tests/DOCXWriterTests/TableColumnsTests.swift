import Testing
@testable import DOCXWriter

@Suite struct TableColumnsTests {
    /// A browser's automatic layout: every column its widest when all fit, the line filled;
    /// else never narrower than its longest word, the rest shared by what each wants more.
    @Test func columnsTakeWhatTheirContentAsks() {
        let short = TableColumns(cells: [["Port", "Calls"], ["Jeddah", "120"]], columns: 2)
        let filled = short.widths(within: 9000)
        #expect(filled.reduce(0, +) == 9000 && filled[0] > filled[1], "\(filled)")

        let wide = TableColumns(
            cells: [["Vessel", "Note"], ["Marlin Luanda", "Struck by an anti-ship ballistic missile that set a cargo tank on fire"]], columns: 2)
        let shared = wide.widths(within: 6000)
        #expect(shared.reduce(0, +) == 6000)
        #expect(zip(shared, wide.minimum).allSatisfy { $0 >= $1 }, "\(shared) \(wide.minimum)")
        #expect(shared[1] > shared[0])
        #expect(wide.fits(6000) && !wide.fits(wide.minimum.reduce(0, +) - 1))
    }

    /// A word ends at white space; an East Asian wide character is a word of its own.
    @Test func wordsAreMeasuredAsLinesBreak() {
        // A capital is a place and a half, a small letter or a hyphen a place (two half-places).
        #expect(TableColumns.measure("Anti-ship ballistic") == (longestWord: 19, whole: 39))
        #expect(TableColumns.measure("紅海の航路") == (longestWord: 4, whole: 20))
    }
}
