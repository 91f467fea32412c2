import ReportModel
import Testing

@testable import SharedWriting

/// The printed pages' running head: one line, the short title first, shortened at a word.
struct RunningHeadTests {
    @Test func seriesAndTitleWhenBothFit() {
        let metadata = Metadata(title: "Arctic Outlook", series: Series(title: "Briefs"))
        #expect(RunningHead.text(for: metadata) == "Briefs — Arctic Outlook")
    }

    @Test func theShortTitleReplacesTheTitle() {
        let metadata = Metadata(
            title: "Intel Report: Vladimir Putin’s Visit to North Korea and What It Means", shortTitle: "Putin in Pyongyang")
        #expect(RunningHead.text(for: metadata) == "Putin in Pyongyang")
    }

    @Test func aLongTitleIsCutAtAWordWithAnEllipsis() {
        let title = "Shipping on the Northern Sea Route and the Future of Arctic Trade Between Europe and Asia"
        let head = RunningHead.text(for: Metadata(title: title, series: Series(title: "Imprint Sample Briefs")))
        #expect(head.hasSuffix("…"))
        #expect(!head.contains("Briefs"), "the series goes first when both do not fit")
        let kept = head.dropLast()
        #expect(title.hasPrefix(kept) && title.dropFirst(kept.count).first == " ", "cut at a word: \(head)")
        #expect(TextMeasure.halfWidths(of: head) <= RunningHead.capacity)
    }

    @Test func wideCharactersCountTwice() {
        let hangul = String(repeating: "한국어", count: 20)
        let head = RunningHead.text(for: Metadata(title: hangul))
        // Four half-places a syllable, two for the ellipsis.
        #expect(head.count == (RunningHead.capacity - 2) / 4 + 1, "\(head.count) characters")
        #expect(head.hasSuffix("…"))
    }
}
