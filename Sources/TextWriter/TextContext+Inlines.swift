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
                let shown = link.content.isEmpty ? link.url : inlineText(link.content)
                // An address shown as itself that would not fit on a line is given by its
                // number only: the list of links at the end holds it whole.
                if shown == link.url, DisplayWidth.of(shown) > width - 8 { text += "<\(linkNumberFor(link.url))>" }
                else { text += shown + "<\(linkNumberFor(link.url))>" }
            case .crossReference(let reference):
                text += reference.content.isEmpty ? (referenceLabels[reference.target] ?? reference.target) : inlineText(reference.content)
            case .image(let image): text += "[" + words.labelled(words[.image], image.alt) + "]"
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
