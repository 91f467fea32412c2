import ReportModel
import SharedWriting
import XMLSupport

/// Key judgments, risks and sources: list items whose role says what they are.
extension DocBookContext {
    /// A key judgment, risk or source: the bold lead-in that is its title opens the first
    /// paragraph ("**Title:** text", as the analyst wrote it, `LeadIn`), then the other blocks, then
    /// a paragraph with the assessment, each value in a `phrase` with its role.
    func writeAnalyticItem(
        role: String, id: String?, leadIn: LeadIn, assessment: [(String, String)],
        into list: XMLElement
    ) {
        let item = list.element("listitem", ["role": role])
        if let id {
            item.setAttribute("xml:id", id)
            if !leadIn.title.isEmpty { item.setAttribute("xreflabel", leadIn.title.plainText) }
        }
        writeLeadIn(leadIn, into: item)
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

extension AssessmentWords {
    /// Each part as a sentence, for DocBook's assessment paragraph.
    var sentences: [(String, String)] { parts.map { ($0.kind, $0.text + ".") } }
}
