import Testing
@testable import ReportReaders

/// The known name a slip was meant for: one edit in a short name, two in a longer one.
struct NearNameTests {
    @Test func slipsFindTheirName() {
        let keys = ["authors", "title", "tlp", "key-judgments", "risks", "width"]
        #expect(NearName.suggestion(for: "author", among: keys) == "authors")
        #expect(NearName.suggestion(for: "tpl", among: keys) == "tlp", "two letters swapped")
        #expect(NearName.suggestion(for: "key-judgements", among: keys) == "key-judgments")
        #expect(NearName.suggestion(for: "widht", among: keys) == "width")
        #expect(NearName.suggestion(for: "risk", among: keys) == "risks")
    }

    @Test func otherNamesFindNone() {
        let keys = ["authors", "title", "tlp", "risks"]
        #expect(NearName.suggestion(for: "wide", among: keys) == nil)
        #expect(NearName.suggestion(for: "xlq", among: keys) == nil, "two edits are too many in a short name")
        #expect(NearName.suggestion(for: "", among: keys) == nil)
        #expect(NearName.suggestion(for: "title", among: keys) == nil, "a known name is no slip")
        #expect(NearName.hint(for: "ttle", among: keys) == " (did you mean 'title'?)")
        #expect(NearName.hint(for: "colour", among: keys).isEmpty)
    }
}
