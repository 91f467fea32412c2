import ReportModel

/// What the one-page brief holds, chosen by rule so that the brief fits
/// `BriefSelection.lines` lines: the bottom line (the summary's first block, cut to the
/// sentences, or a list's items, that leave the judgments a third of the page), then as
/// many key judgments as fit, each to its first sentence, then as many rows of the risk
/// register, then the rest of the summary if room is left. A cut bottom line or list says
/// so. The masthead is capped (`TextContext.writeCompactTitleBlock`) and the handling
/// notice is never cut: a notice longer than the page leaves the rest less room, and then
/// only it may overflow.
struct BriefSelection: Equatable {
    /// One page of a text edition: 66 lines.
    static let lines = 66
    /// What the brief may take before its key judgments: two thirds of the page.
    static let linesBeforeJudgments = 44

    /// The sentences (or a list's items) of the bottom line kept, when it is cut.
    var bottomLine: Int?
    var judgments = 0
    var risks = 0
    /// Whether the summary's blocks after the first are kept.
    var wholeSummary = false

    /// The largest selection whose brief, as `lineCount` measures it, fits `lines`: each
    /// part in the order above takes what room the parts before it leave (a binary search
    /// each, for a brief grows with every item it holds; an item takes a line at least, so
    /// no more than a page's lines of them are ever tried, whatever the report's size).
    static func fitting(
        bottomLine parts: Int, judgments: Int, risks: Int, furtherSummary: Bool, lineCount: (BriefSelection) -> Int
    ) -> BriefSelection {
        var selection = BriefSelection()
        func fits(within budget: Int = lines, _ change: (inout BriefSelection) -> Void) -> Bool {
            var trial = selection
            change(&trial)
            return lineCount(trial) <= budget
        }
        // The bottom line leaves the judgments and the register their third of the page.
        let bottomLineBudget = judgments + risks > 0 ? linesBeforeJudgments : lines
        if !fits(within: bottomLineBudget, { _ in }), parts > 1 {
            selection.bottomLine = largest(upTo: min(parts - 1, lines), from: 1) { count in
                fits(within: bottomLineBudget) { $0.bottomLine = count }
            }
        }
        selection.judgments = largest(upTo: min(judgments, lines), from: 0) { count in fits { $0.judgments = count } }
        selection.risks = largest(upTo: min(risks, lines), from: 0) { count in fits { $0.risks = count } }
        if furtherSummary, selection.bottomLine == nil, fits({ $0.wholeSummary = true }) { selection.wholeSummary = true }
        return selection
    }

    /// The largest count in `low...high` that `fits` (which holds for every count below one
    /// that holds); `low` when none does.
    private static func largest(upTo high: Int, from low: Int, _ fits: (Int) -> Bool) -> Int {
        var (low, high) = (low, high)
        while low < high {
            let middle = (low + high + 1) / 2
            if fits(middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
