import ReportModel
import SharedWriting

extension TextContext {
    /// Inlines as a line of text: `_emphasis_`, `*strong*`, `~~deleted~~`, `` `code` ``;
    /// a link's text followed by its number `<1>` (the address is listed at the end); a
    /// note's number `[1]`; hard breaks as `\n`.
    mutating func inlineText(_ inlines: [Inline]) -> String {
        var text = ""
        for inline in ReferenceWording.resolved(inlines, labels: referenceLabels) {
            switch inline {
            case .text(let value): text += value
            case .emphasis(let content): text += "_" + inlineText(content) + "_"
            case .strong(let content): text += "*" + inlineText(content) + "*"
            case .strikethrough(let content): text += "~~" + inlineText(content) + "~~"
            case .code(let value): text += "`" + value + "`"
            case .link(let link):
                text += (link.content.isEmpty ? link.url : inlineText(link.content)) + "<\(linkNumberFor(link.url))>"
            case .crossReference(let reference):
                text += reference.content.isEmpty ? (referenceLabels[reference.target] ?? reference.target) : inlineText(reference.content)
            case .image(let image): text += "[image: \(image.alt)]"
            case .lineBreak: text += "\n"
            case .footnoteReference(let label): text += noteMarker(label)
            }
        }
        return text
    }

    private mutating func noteMarker(_ label: String) -> String {
        if let number = noteNumbers[label] { return "[\(number)]" }
        guard let note = footnotesByLabel[label] else { return "[^\(label)]" }
        notes.append(note)
        noteNumbers[label] = notes.count
        return "[\(notes.count)]"
    }
}
