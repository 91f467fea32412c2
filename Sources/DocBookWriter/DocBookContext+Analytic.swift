import ReportModel
import XMLSupport

/// Key judgments, risks and sources: list items whose role says what they are.
extension DocBookContext {
    /// A key judgment, risk or source: the bold lead-in that is its title opens the first
    /// paragraph ("**Title:** text", as the analyst wrote it), then the other blocks, then
    /// a paragraph with the assessment, each value in a `phrase` with its role.
    mutating func writeAnalyticItem(
        role: String, id: String?, title: [Inline], blocks: [Block], assessment: [(String, String)],
        into list: XMLElement
    ) {
        let item = list.element("listitem", ["role": role])
        if let id {
            item.setAttribute("xml:id", id)
            if !title.isEmpty { item.setAttribute("xreflabel", title.plainText) }
        }
        var rest = blocks[...]
        if !title.isEmpty {
            let para = item.element("para")
            para.beginMixedContent()
            let leadIn = para.element("emphasis", ["role": "strong"])
            writeInlines(title, into: leadIn)
            if case .paragraph(let inlines) = rest.first {
                leadIn.addText(":")
                para.addText(" ")
                writeInlines(inlines, into: para)
                rest = rest.dropFirst()
            }
        }
        for block in rest { write(block, into: item) }
        if !assessment.isEmpty {
            let para = item.element("para", ["role": "assessment"])
            para.beginMixedContent()
            for (index, (phraseRole, text)) in assessment.enumerated() {
                if index > 0 { para.addText(" ") }
                para.element("phrase", ["role": phraseRole], text: text)
            }
        }
        if item.isEmpty { item.element("para") }
    }
}

/// Likelihood, impact and confidence as labelled phrases.
struct Assessment {
    var likelihood: Likelihood?
    var impact: Impact?
    var confidence: Confidence?

    var phrases: [(String, String)] {
        var result: [(String, String)] = []
        if let likelihood {
            let yardstick = likelihood.yardstick.map { ", \($0.displayName)" } ?? ""
            let text = likelihood.yardstick == nil ? likelihood.words : "\(likelihood.words) (\(likelihood.band)\(yardstick))"
            result.append(("likelihood", "Likelihood: \(text)."))
        }
        if let impact { result.append(("impact", "Impact: \(impact.rawValue).")) }
        if let confidence { result.append(("confidence", "Confidence: \(confidence.rawValue).")) }
        return result
    }
}
