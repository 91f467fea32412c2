import ReportModel
import SharedWriting

/// Key judgments, the risk register (a table, the descriptions, a text risk matrix) and
/// sources with their grades.
extension TextContext {
    mutating func writeKeyJudgments(_ judgments: [KeyJudgment], indent: Int) {
        for (index, judgment) in judgments.enumerated() {
            writeAnalyticItem(
                LeadIn(judgment), marker: "\(index + 1). ", indent: indent,
                assessment: AssessmentWords(
                    likelihood: judgment.likelihood, impact: judgment.impact, confidence: judgment.confidence, words: words))
        }
    }

    mutating func writeRisks(_ risks: [Risk], indent: Int, details: Bool = true) {
        writeRiskRegister(risks, indent: indent)
        guard details else { return }
        output.blank()
        for (index, risk) in risks.enumerated() {
            writeAnalyticItem(LeadIn(risk), marker: "\(index + 1). ", indent: indent, assessment: nil)
        }
        writeRiskMatrix(risks, indent: indent)
    }

    mutating func writeSources(_ sources: [Source], indent: Int) {
        for (index, source) in sources.enumerated() {
            var blocks = source.blocks
            if let grade = source.grade {
                blocks.append(.paragraph([.text(grade.sentence(words).plainText)]))
            }
            writeItem(blocks, marker: "\(index + 1). ", indent: indent, tight: true)
        }
    }

    /// The register: number, risk, likelihood, impact, confidence.
    private mutating func writeRiskRegister(_ risks: [Risk], indent: Int) {
        let rows = risks.enumerated().map { index, risk in
            let values = RiskRegister.values(of: risk, words: words)
            return TableRow(cells: [
                [.text(String(index + 1))], risk.title.isEmpty ? [.text(Report.numberedLabel(.risk, String(index + 1), words: words))] : risk.title,
                [.text(values.likelihood)], [.text(values.impact)], [.text(values.confidence)],
            ])
        }
        let table = Table(
            number: 0, caption: [.text(words[.riskRegister])], alignments: [.right, .left, .left, .left, .left],
            header: TableRow(cells: RiskRegister.columns.map { [.text(words[$0])] }), rows: rows)
        TableLayout(table: table, titleColumns: [0, 1]).write(into: &self, indent: indent)
    }

    /// Likelihood (rows: the report's terms, `RiskMatrixGrid`) against impact (columns),
    /// each cell holding the numbers of the risks placed in it.
    private mutating func writeRiskMatrix(_ risks: [Risk], indent: Int) {
        let grid = RiskMatrixGrid(yardstick: report.metadata.yardstick)
        let placed = grid.placements(of: risks)
        guard !placed.isEmpty else { return }
        let rows = (1...grid.rows.count).reversed().map { level in
            TableRow(cells: [[.text(words.name(of: grid.rows[level - 1]))]] + (1...5).map { impact in
                [.text(RiskMatrixGrid.numbers(in: placed, row: level, impact: impact).joined(separator: ","))]
            })
        }
        let table = Table(
            number: 0, caption: [.text(words[.matrixTextCaption])],
            alignments: [.left] + Array(repeating: .center, count: 5),
            header: TableRow(cells: [[.text(words[.likelihood])]] + Impact.allCases.map { [.text(words.name(of: $0))] }), rows: rows)
        output.blank()
        let cells = ([table.header] + table.rows).map { $0.cells.map(\.plainText) }
        let room = width - DisplayWidth.of(indentation(indent)) - (3 * 6 + 1)
        if TableLayout.fits(cells: cells, columns: 6, room: room) {
            TableLayout(table: table).write(into: &self, indent: indent)
            return
        }
        // Too narrow for the grid: the occupied cells as a list.
        paragraph(words[.matrixTextCaption], indent: indent)
        for level in (1...grid.rows.count).reversed() {
            for impact in Impact.allCases {
                let numbers = RiskMatrixGrid.numbers(in: placed, row: level, impact: impact.rank)
                guard !numbers.isEmpty else { continue }
                paragraph(
                    words(.matrixTextCell, [
                        "likelihood": words.name(of: grid.rows[level - 1]), "impact": words.name(of: impact), "numbers": numbers.joined(separator: words[.listSeparator]),
                    ]),
                    indent: indent + 2, marker: "- ")
            }
        }
    }

    /// "1. Title: text", further blocks under it, then the assessment.
    private mutating func writeAnalyticItem(
        _ leadIn: LeadIn, marker: String, indent: Int, assessment: AssessmentWords?
    ) {
        var blocks = Array(leadIn.rest)
        if !leadIn.title.isEmpty {
            if let opening = leadIn.opening {
                let joint = leadIn.joint(words)
                blocks.insert(.paragraph(leadIn.title + [.text(joint.mark + joint.space)] + opening), at: 0)
            } else {
                blocks.insert(.paragraph(leadIn.title), at: 0)
            }
        }
        if let parts = assessment?.parts, !parts.isEmpty {
            blocks.append(.paragraph([.text(parts.map(\.text).joined(separator: " · "))]))
        }
        writeItem(blocks, marker: marker, indent: indent, tight: true)
        output.blank()
    }

    // MARK: - The brief

    /// The brief's summary, key judgments and risk register, under headings of their own,
    /// as much of each as `selection` keeps.
    mutating func write(_ brief: Brief, _ selection: BriefSelection) {
        if let bottomLine = brief.bottomLine(selection.bottomLine) {
            if report.summary != nil { heading(words[.summary]) }
            write(bottomLine, indent: 0)
            if selection.wholeSummary {
                for block in brief.summary.dropFirst() { write(block, indent: 0) }
            } else if brief.summary.count > 1 || selection.bottomLine != nil {
                paragraph(words[.summaryContinues], indent: 0)
            }
        }
        if !brief.judgments.isEmpty {
            heading(words[.keyJudgments])
            writeKeyJudgments(brief.judgments.prefix(selection.judgments).map(Brief.firstSentence), indent: 0)
            writeShown(selection.judgments, of: brief.judgments.count)
        }
        if !brief.risks.isEmpty {
            heading(words[.risks])
            if selection.risks > 0 { writeRiskRegister(Array(brief.risks.prefix(selection.risks)), indent: 0) }
            writeShown(selection.risks, of: brief.risks.count)
        }
    }

    /// "Shown: 3 of 12; the full report has the rest.", when a list is cut.
    private mutating func writeShown(_ shown: Int, of total: Int) {
        guard shown < total else { return }
        if shown > 0 { output.blank() }
        paragraph(words(.shown, ["shown": String(shown), "total": String(total)]), indent: 0)
    }

    /// A heading of the text's own (the brief's, the end matter's), underlined with `-` as
    /// wide as it is.
    mutating func heading(_ text: String) {
        output.blank()
        output.append(text)
        output.append(String(repeating: "-", count: DisplayWidth.of(text)))
        output.blank()
    }
}
