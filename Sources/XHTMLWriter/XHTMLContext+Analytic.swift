import ReportModel
import SharedWriting
import XMLSupport
import XMLWriting

/// Key judgments, the risk register with its matrix, and sources with their grades. The
/// likelihood terms are explained beside the risk matrix (or, in a report without one,
/// where the report first uses them); the grading scale where it is first used.
extension XHTMLContext {
    func writeKeyJudgments(_ judgments: [KeyJudgment], into parent: XMLElement) {
        guard !judgments.isEmpty else { return }
        let list = parent.element("ol", ["class": "key-judgments"])
        list.addChildren(of: judgments, streamed: streams(.keyJudgments(judgments), judgments.lazy.map(\.blocks))) { [self] judgment in
            let item = list.element("li", ["class": "key-judgment"])
            if let id = judgment.id { item.setAttribute("id", id) }
            writeLeadIn(LeadIn(judgment), into: item)
            let assessment = AssessmentWords(
                likelihood: judgment.likelihood, impact: judgment.impact, confidence: judgment.confidence, words: words)
            if !assessment.parts.isEmpty {
                let paragraph = item.element("p", ["class": "assessment"])
                paragraph.beginMixedContent()
                for (index, part) in assessment.parts.enumerated() {
                    if index > 0 { paragraph.addText(" · ") }
                    paragraph.element("span", ["class": part.kind], text: part.text)
                }
            }
        }
        if let yardstick = scaleNotes.afterKeyJudgments(judgments) { YardstickNote(yardstick: yardstick, words: words).write(into: parent) }
    }

    func writeRiskRegister(_ risks: [Risk], into parent: XMLElement) {
        guard !risks.isEmpty else { return }
        let table = parent.element("table", ["class": "risk-register"])
        table.addChildren(streamed: streams(.risks(risks), risks.lazy.map(\.blocks)), all: { [self] in writeRegisterParts(risks, into: table) })
        let matrix = RiskMatrix(risks: risks, yardstick: report.metadata.yardstick, words: words)
        if let matrix {
            matrices += 1
            // The outlines' ids begin with what begins no id of the report's.
            var prefix = "risk-matrix-\(matrices)-"
            while identifiers.contains(where: { $0.hasPrefix(prefix) }) { prefix = "_" + prefix }
            matrix.write(into: parent, outlinesShapedText: outlinesShapedSVGText, idPrefix: prefix)
        }
        if let yardstick = scaleNotes.afterRisks(risks, drawsMatrix: matrix != nil) { YardstickNote(yardstick: yardstick, words: words).write(into: parent) }
    }

    /// The register's caption, head and body, its rows streamed when there are many.
    private func writeRegisterParts(_ risks: [Risk], into table: XMLElement) {
        table.element("caption", text: words[.riskRegister])
        let header = table.element("thead").element("tr")
        for title in RiskRegister.columns {
            header.element("th", ["scope": "col"], text: words[title])
        }
        let body = table.element("tbody")
        body.addChildren(of: risks.indices) { [self] index in
            let risk = risks[index]
            let row = body.element("tr")
            if let id = risk.id { row.setAttribute("id", id) }
            row.element("td", ["class": "number"], text: String(index + 1))
            writeLeadIn(LeadIn(risk), into: row.element("td", ["class": "risk"]))
            let likelihood = row.element("td", ["class": "likelihood"])
            likelihood.beginMixedContent()
            if let value = risk.likelihood {
                likelihood.addText(words.name(of: value))
                if value.yardstick != nil { likelihood.element("span", ["class": "band"], text: words.percent(value.band)) }
            } else {
                likelihood.addText(RiskRegister.none)
            }
            let values = RiskRegister.values(of: risk, words: words)
            row.element("td", ["class": "impact"], text: values.impact)
            row.element("td", ["class": "confidence"], text: values.confidence)
        }
    }

    func writeSources(_ sources: [Source], into parent: XMLElement) {
        guard !sources.isEmpty else { return }
        let list = parent.element("ol", ["class": "sources"])
        list.addChildren(of: sources, streamed: streams(.sources(sources), sources.lazy.map(\.blocks))) { [self] source in
            let item = list.element("li", ["class": "source"])
            if let id = source.id { item.setAttribute("id", id) }
            for block in source.blocks { write(block, into: item) }
            if let grade = source.grade {
                writeInlines(grade.sentence(words), into: item.element("p", ["class": "grade"]))
            }
        }
        if scaleNotes.afterSources(sources) { GradingScaleNote(words: words).write(into: parent) }
    }

    /// Whether blocks are paragraphs alone, which never explain the likelihood terms or
    /// the grading scale: a list of items made of them is written as the document is
    /// serialised (after the code that follows it, which may explain them) without moving
    /// where an explanation goes. Items with other blocks are written at once, for an
    /// analytic block inside them explains first.
    static func isPlain(_ blocks: [Block]) -> Bool {
        blocks.allSatisfy { if case .paragraph = $0 { true } else { false } }
    }

    /// Whether an analytic block's items are streamed: when it is large and the blocks of
    /// every item plain.
    private func streams(_ block: Block, _ itemBlocks: some Sequence<[Block]>) -> Bool {
        LargeBlocks.isLarge(block) && itemBlocks.allSatisfy(Self.isPlain)
    }
}

/// A table of the yardstick's terms and the probabilities they stand for.
struct YardstickNote {
    let yardstick: Yardstick
    let words: Words

    func write(into parent: XMLElement) {
        let aside = parent.element("aside", ["class": "explanation yardstick"])
        aside.element("p", ["class": "explanation-title"], text: ScaleNotes.yardstickTitle(yardstick, words: words))
        let table = aside.element("table")
        let header = table.element("thead").element("tr")
        for title in ScaleNotes.yardstickColumns(words: words) {
            header.element("th", ["scope": "col"], text: title)
        }
        let body = table.element("tbody")
        for term in ScaleNotes.yardstickRows(yardstick, words: words) {
            let row = body.element("tr")
            row.element("td", text: term.term)
            row.element("td", text: term.probability)
        }
    }
}

/// The Admiralty grading scale: what each reliability letter and credibility digit means.
struct GradingScaleNote {
    let words: Words

    func write(into parent: XMLElement) {
        let aside = parent.element("aside", ["class": "explanation grading-scale"])
        aside.element("p", ["class": "explanation-title"], text: ScaleNotes.gradingTitle(words: words))
        let table = aside.element("table")
        let header = table.element("thead").element("tr")
        for title in ScaleNotes.gradingColumns(words: words) {
            header.element("th", ["scope": "col", "colspan": "2"], text: title)
        }
        let body = table.element("tbody")
        for grade in ScaleNotes.gradingRows(words: words) {
            let row = body.element("tr")
            row.element("td", ["class": "code"], text: grade.letter)
            row.element("td", text: grade.reliability)
            row.element("td", ["class": "code"], text: grade.digit)
            row.element("td", text: grade.credibility)
        }
    }
}

