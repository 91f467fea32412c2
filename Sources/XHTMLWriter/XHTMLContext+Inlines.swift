import ReportModel
import SharedWriting
import XMLWriting
import XMLSupport

extension XHTMLContext: XMLEditionContext {
    static func element(for style: InlineStyle, in parent: XMLElement) -> XMLElement {
        switch style {
        case .emphasis: parent.element("em")
        case .strong: parent.element("strong")
        case .strikethrough: parent.element("del")
        }
    }

    static func paragraph(in parent: XMLElement) -> XMLElement { parent.element("p") }

    static func markLeadIn(_ bold: XMLElement) { bold.setAttribute("class", "lead-in") }

    func writeBlock(_ block: Block, into parent: XMLElement) { write(block, into: parent) }

    func writeLink(_ link: Link, into parent: XMLElement) {
        let element = anchor(["href": link.url], in: parent)
        if let title = link.title { element.setAttribute("title", title) }
        writeLinked(link.content.isEmpty ? [.text(link.url)] : link.content, into: element)
    }

    /// A cross-reference; one that cannot be a link (see `isLinkable`) is marked as
    /// unresolved.
    func writeCrossReference(_ reference: CrossReference, into parent: XMLElement) {
        guard isLinkable(reference.target) else {
            let element = parent.element("span", ["class": "xref unresolved"])
            writeInlines(reference.content.isEmpty ? [.text(reference.target)] : reference.content, into: element)
            return
        }
        let element = anchor(["class": "xref", "href": addressing.href(to: reference.target)], in: parent)
        if reference.content.isEmpty {
            element.addText(referenceLabels[reference.target] ?? reference.target)
        } else {
            writeLinked(reference.content, into: element)
        }
    }

    func writeImage(_ image: InlineImage, into parent: XMLElement) {
        let element = parent.element("img", ["src": addressing.resource(image.source), "alt": image.alt, "class": "inline"])
        if let title = image.title { element.setAttribute("title", title) }
    }

    func writeLineBreak(into parent: XMLElement) { parent.element("br") }

    /// An `a` element, or a `span` with the same class when already inside a link.
    private func anchor(_ attributes: KeyValuePairs<String, String>, in parent: XMLElement) -> XMLElement {
        guard linkDepth > 0 else { return parent.element("a", attributes) }
        let span = parent.element("span")
        for (key, value) in attributes where key == "class" { span.setAttribute(key, value) }
        return span
    }

    private func writeLinked(_ inlines: [Inline], into element: XMLElement) {
        linkDepth += 1
        writeInlines(inlines, into: element)
        linkDepth -= 1
    }

    /// Inline style: the first reference carries the note itself, which the print style
    /// sheet floats to the foot of the page; later references link to it. End of document:
    /// every reference is a note reference, and the note is written at the end.
    func writeFootnoteReference(_ label: String, into parent: XMLElement) {
        guard let footnote = footnotes[label] else {
            parent.addText("[^\(label)]")
            return
        }
        switch footnoteStyle {
        case .inline:
            if writtenFootnotes.contains(label) {
                anchor(["class": "footnote-ref", "href": addressing.href(to: footnote.id)], in: parent)
                    .element("sup", text: String(footnote.number))
                return
            }
            writtenFootnotes.insert(label)
            writeInlineNote(footnote, into: parent)
        case .endOfDocument(let markup):
            let first = pendingLabels.insert(label).inserted
            if first { pendingNotes.append(footnote) }
            let reference = anchor(["class": "footnote-ref", "href": "#" + footnote.id], in: parent)
            if reference.name == "a" {
                NoteMarkup.add(markup.reference, to: reference)
                reference.setAttribute("role", "doc-noteref")
            }
            // The note's back-link returns here (a span when inside another link).
            if first { reference.setAttribute("id", "ref-" + footnote.id) }
            reference.element("sup", text: String(footnote.number))
        }
    }

    /// A note inside a sentence: only phrasing content may go in, so its paragraphs are
    /// joined with spaces and other blocks given as their text.
    private func writeInlineNote(_ footnote: Footnote, into parent: XMLElement) {
        let note = parent.element("span", ["class": "footnote", "id": footnote.id])
        note.beginMixedContent()
        for (index, block) in footnote.blocks.enumerated() {
            if index > 0 { note.addText(" ") }
            if case .paragraph(let inlines) = block {
                writeInlines(inlines, into: note)
            } else {
                note.addText([block].plainText)
            }
        }
    }

    /// Writes the notes referenced in this document (end-of-document style): each an
    /// `aside` with the back-link to its first reference first, as Kindle and Kobo expect,
    /// and inside the note's first paragraph, so that a pop-up shows number and text on
    /// one line.
    func writePendingNotes(into parent: XMLElement) {
        guard let section = pendingNotesSection(in: parent) else { return }
        while writeNextPendingNote(into: section) {}
    }

    /// The section that the pending notes go into at the end of a document; nil when
    /// there are none, or notes are set where they are referred to.
    func pendingNotesSection(in parent: XMLElement) -> XMLElement? {
        guard !pendingNotes.isEmpty, case .endOfDocument(let markup) = footnoteStyle else { return nil }
        let section = parent.element("section", ["class": "footnotes", "role": "doc-endnotes"])
        NoteMarkup.add(markup.section, to: section)
        pendingNoteIndex = 0
        return section
    }

    /// Writes the next pending note into `section`: false, and nothing pending any more,
    /// when every one is written. Notes may reference further notes; those are appended
    /// and written too.
    func writeNextPendingNote(into section: XMLElement) -> Bool {
        guard pendingNoteIndex < pendingNotes.count, case .endOfDocument(let markup) = footnoteStyle else {
            pendingNotes = []
            pendingLabels = []
            return false
        }
        let footnote = pendingNotes[pendingNoteIndex]
        pendingNoteIndex += 1
        let aside = section.element("aside", ["id": footnote.id, "class": "footnote", "role": "doc-footnote"])
        NoteMarkup.add(markup.note, to: aside)
        var blocks = footnote.blocks[...]
        if case .paragraph(let inlines) = blocks.first {
            let opening = aside.element("p")
            blocks = blocks.dropFirst()
            writeBacklink(to: footnote, into: opening)
            opening.addText(" ")
            writeInlines(inlines, into: opening)
        } else {
            writeBacklink(to: footnote, into: aside.element("p"))
        }
        for block in blocks { write(block, into: aside) }
        return true
    }

    private func writeBacklink(to footnote: Footnote, into paragraph: XMLElement) {
        paragraph.element(
            "a", ["class": "note-number", "href": "#ref-" + footnote.id, "role": "doc-backlink"], text: String(footnote.number))
    }
}
