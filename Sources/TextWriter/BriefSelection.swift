import ReportModel

/// What the one-page brief holds, chosen by rule so that the whole brief (marking, masthead,
/// notice and all) fits `BriefSelection.lines` lines: the bottom line (the summary's first
/// block, cut to the sentences that leave the judgments a third of the page), then as many key judgments
/// as fit, each to its first sentence, then as many rows of the risk register, then the
/// rest of the summary if room is left. A list cut short says how many it shows of how many.
struct BriefSelection: Equatable {
    /// One page of a text edition: 66 lines.
    static let lines = 66
    /// What the brief may take before its key judgments: two thirds of the page.
    static let linesBeforeJudgments = 44

    /// The sentences of the bottom line kept, when it is cut.
    var sentences: Int?
    var judgments = 0
    var risks = 0
    /// Whether the summary's blocks after the first are kept.
    var wholeSummary = false

    /// The largest selection whose brief, as `lineCount` measures it, fits `lines`: each
    /// part in the order above takes what room the parts before it leave (a binary search
    /// each, for a brief grows with every item it holds).
    static func fitting(
        sentences available: Int, judgments: Int, risks: Int, furtherSummary: Bool, lineCount: (BriefSelection) -> Int
    ) -> BriefSelection {
        var selection = BriefSelection()
        func fits(within budget: Int = lines, _ change: (inout BriefSelection) -> Void) -> Bool {
            var trial = selection
            change(&trial)
            return lineCount(trial) <= budget
        }
        if !fits(within: linesBeforeJudgments, { _ in }), available > 1 {
            selection.sentences = largest(upTo: available - 1, from: 1) { count in
                fits(within: linesBeforeJudgments) { $0.sentences = count }
            }
        }
        selection.judgments = largest(upTo: judgments, from: 0) { count in fits { $0.judgments = count } }
        selection.risks = largest(upTo: risks, from: 0) { count in fits { $0.risks = count } }
        if furtherSummary, selection.sentences == nil, fits({ $0.wholeSummary = true }) { selection.wholeSummary = true }
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
