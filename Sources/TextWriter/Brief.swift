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

    /// How many parts the bottom line may be cut into: a paragraph's sentences, a list's
    /// items; one for any other block.
    var bottomLineParts: Int {
        switch summary.first {
        case .paragraph(let inlines): Sentences.count(in: inlines)
        case .list(let list): list.items.count
        default: 1
        }
    }

    /// The bottom line, its first `parts` sentences or items when it is cut.
    func bottomLine(_ parts: Int?) -> Block? {
        guard let first = summary.first, let parts else { return summary.first }
        switch first {
        case .paragraph(let inlines): return .paragraph(Sentences.first(parts, of: inlines))
        case .list(var list):
            list.items = Array(list.items.prefix(parts))
            return .list(list)
        default: return first
        }
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
