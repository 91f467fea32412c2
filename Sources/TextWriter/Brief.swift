import ReportModel

/// What the brief may draw on: the summary (or, with none, the text before the first
/// section), every key judgment and every risk of the report, in order.
struct Brief {
    /// The summary's blocks; the first is the bottom line.
    let summary: [Block]
    let judgments: [KeyJudgment]
    let risks: [Risk]

    init(_ report: Report) {
        summary = report.summary?.blocks ?? report.lead
        let blocks = report.lead + report.allSections.flatMap(\.blocks)
        judgments = blocks.flatMap { block -> [KeyJudgment] in
            if case .keyJudgments(let items) = block { return items } else { return [] }
        }
        risks = blocks.flatMap { block -> [Risk] in
            if case .risks(let items) = block { return items } else { return [] }
        }
    }

    /// How many sentences the bottom line has (one for a block that is not a paragraph).
    var bottomLineSentences: Int {
        guard case .paragraph(let inlines) = summary.first else { return 1 }
        return Sentences.count(in: inlines)
    }

    /// A key judgment as the brief gives it: its lead-in, the first sentence of the text
    /// after it, and its assessment.
    static func firstSentence(of judgment: KeyJudgment) -> KeyJudgment {
        var judgment = judgment
        if case .paragraph(let inlines) = judgment.blocks.first {
            judgment.blocks = [.paragraph(Sentences.first(1, of: inlines))]
        } else {
            judgment.blocks = []
        }
        return judgment
    }
}
