import ReportModel
import SharedWriting
import XMLSupport

/// Key judgments set apart (shaded, numbered, with their assessment), the risk register
/// as a table with the risk matrix as a coloured table beside it, and sources with their
/// grades; each scale explained once, as a small table (`ScaleNotePlacement`).
extension WordBody {
    func writeKeyJudgments(_ judgments: [KeyJudgment], into parent: XMLElement) {
        let numbering = context.newNumbering(ordered: true)
        for judgment in judgments {
            writeLeadIn(LeadIn(judgment), id: judgment.id, style: "KeyJudgment", numbering: numbering, into: parent)
            let assessment = AssessmentWords(likelihood: judgment.likelihood, impact: judgment.impact, confidence: judgment.confidence, words: words)
            if !assessment.parts.isEmpty {
                let element = paragraph(in: parent, style: "Assessment")
                RunStyle().run(Self.keepingRanges(assessment.parts.map(\.text).joined(separator: " · ")), into: element)
            }
        }
        if let yardstick = context.scaleNotes.afterKeyJudgments(judgments) { writeYardstickNote(yardstick, into: parent) }
    }

    func writeSources(_ sources: [Source], into parent: XMLElement) {
        let numbering = context.newNumbering(ordered: true)
        for source in sources {
            var blocks = source.blocks
            if let grade = source.grade {
                blocks.append(.paragraph(grade.sentence(words)))
            }
            writeLeadIn(LeadIn(title: [], blocks: blocks), id: source.id, style: "ListParagraph", numbering: numbering, into: parent)
        }
        if context.scaleNotes.afterSources(sources) { writeGradingNote(into: parent) }
    }

    /// The register (number, risk with its description, likelihood, impact, confidence),
    /// then the matrix.
    func writeRisks(_ risks: [Risk], into parent: XMLElement) {
        guard !risks.isEmpty else { return }
        let header: [[Block]] = RiskRegister.columns.map { [.paragraph([.text(words[$0])])] }
        var rows = [header]
        for (index, risk) in risks.enumerated() {
            let leadIn = LeadIn(risk)
            let description = (leadIn.titledOpening(words).map { [Block.paragraph($0)] } ?? []) + leadIn.rest
            let values = RiskRegister.values(of: risk, words: words)
            rows.append([
                [.paragraph([.text(String(index + 1))])], description,
                [.paragraph([.text(Self.keepingRanges(values.likelihood))])], [.paragraph([.text(values.impact)])], [.paragraph([.text(values.confidence)])],
            ])
        }
        // A cross-reference to a risk goes to its row.
        var bookmarks: [Int: String] = [:]
        for (index, risk) in risks.enumerated() { bookmarks[index + 1] = risk.id }
        writeTable(rows: rows, alignments: [.right, .left, .left, .left, .left], into: parent, bookmarks: bookmarks, caption: { parent in
            RunStyle(bold: true).run(words[.riskRegister], into: paragraph(in: parent, style: "Caption", keepNext: true))
        })
        let drawsMatrix = writeRiskMatrix(risks, into: parent)
        if let yardstick = context.scaleNotes.afterRisks(risks, drawsMatrix: drawsMatrix) { writeYardstickNote(yardstick, into: parent) }
    }

    /// `text` with each band of probabilities ("55–80%") joined after its dash (U+2060 WORD
    /// JOINER), where Word and LibreOffice would otherwise end a line.
    static func keepingRanges(_ text: String) -> String {
        text.replacing(/–(?=\d)/, with: "–\u{2060}")
    }

    /// Likelihood (the report's terms, most likely first) against impact, each cell in the
    /// matrix's colour with the numbers of the risks placed in it: an editable table.
    /// Whether there was a risk to place, and so a matrix.
    private func writeRiskMatrix(_ risks: [Risk], into parent: XMLElement) -> Bool {
        let grid = RiskMatrixGrid(yardstick: context.report.metadata.yardstick)
        let placed = grid.placements(of: risks)
        guard !placed.isEmpty else { return false }
        let levels = Array((1...grid.rows.count).reversed())
        var rows: [[[Block]]] = levels.map { level in
            [[.paragraph([.text(words.name(of: grid.rows[level - 1]))])]] + (1...5).map { impact in
                let numbers = RiskMatrixGrid.numbers(in: placed, row: level, impact: impact)
                return numbers.isEmpty ? [] : [.paragraph([.strong([.text(numbers.joined(separator: words[.listSeparator]))])])]
            }
        }
        rows.insert([[.paragraph([.text(words[.likelihood] + " \\ " + words[.impact])])]] + Impact.allCases.map { [.paragraph([.text(words.name(of: $0))])] }, at: 0)
        writeTable(
            rows: rows, alignments: [.left] + Array(repeating: .center, count: 5), into: parent, keepTogether: true,
            shading: { row, column in row > 0 && column > 0 ? grid.colour(row: levels[row - 1], impact: column) : nil })
        let caption = paragraph(in: parent, style: "Caption")
        let (label, text) = RiskMatrixGrid.caption(of: placed, words: words)
        RunStyle(bold: true).run(label, into: caption)
        RunStyle().run(" " + text, into: caption)
        return true
    }

    /// The yardstick's terms with the probabilities they stand for, under its title.
    private func writeYardstickNote(_ yardstick: Yardstick, into parent: XMLElement) {
        let rows = ScaleNotes.yardstickRows(yardstick, words: words).map { [[Block.paragraph([.text($0.term)])], [.paragraph([.text(Self.keepingRanges($0.probability))])]] }
        writeNote(title: ScaleNotes.yardstickTitle(yardstick, words: words), columns: ScaleNotes.yardstickColumns(words: words), rows: rows, into: parent)
    }

    /// The Admiralty scale: each reliability letter and credibility digit, in bold, before
    /// what it means.
    private func writeGradingNote(into parent: XMLElement) {
        let rows = ScaleNotes.gradingRows(words: words).map { grade in
            [[Block.paragraph([.strong([.text(grade.letter)]), .text(" " + grade.reliability)])],
             [.paragraph([.strong([.text(grade.digit)]), .text(" " + grade.credibility)])]]
        }
        writeNote(title: ScaleNotes.gradingTitle(words: words), columns: ScaleNotes.gradingColumns(words: words), rows: rows, into: parent)
    }

    /// A scale's note: its title kept with a two-column table kept on one page.
    private func writeNote(title: String, columns: [String], rows: [[[Block]]], into parent: XMLElement) {
        let header = columns.map { [Block.paragraph([.text($0)])] }
        writeTable(rows: [header] + rows, alignments: [.left, .left], into: parent, keepTogether: true, caption: { parent in
            RunStyle(bold: true).run(title, into: paragraph(in: parent, style: "Caption", keepNext: true))
        })
    }

    /// A key judgment's, risk's or source's paragraphs: numbered, the title in bold opening
    /// the first (see `LeadIn`), the rest in the same style, indented to its text.
    private func writeLeadIn(_ leadIn: LeadIn, id: String?, style: String, numbering: Int, into parent: XMLElement) {
        let (opening, rest) = leadIn.titledOpening(words).map { ($0, leadIn.rest) } ?? Self.opening(of: leadIn.rest)
        let first = paragraph(in: parent, style: style, numbering: (numbering, 0))
        context.addBookmark(id, to: first)
        writeInlines(opening, into: first)
        for block in rest { write(block, into: parent, place: Place(style: style, listLevel: 1)) }
    }
}
