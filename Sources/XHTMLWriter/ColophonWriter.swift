import ReportModel
import SharedWriting
import XMLSupport

/// The end matter: contact, rights and license, the ISBNs, the identifier, and any front-matter keys
/// Imprint does not know (kept, so that nothing is lost).
public struct ColophonWriter {
    let metadata: Metadata
    let words: Words

    public init(metadata: Metadata, words: Words) {
        self.metadata = metadata
        self.words = words
    }

    public func write(into body: XMLElement) {
        let footer = body.element("footer", ["class": "colophon"])
        if let contact = metadata.contact {
            let label = words.labelParts(words[.contact])
            let paragraph = footer.element("p", ["class": "contact"], text: label.before)
            if let mailto = Address.mailto(contact) {
                paragraph.element("a", ["href": mailto], text: contact)
            } else {
                paragraph.addText(contact)
            }
            if !label.after.isEmpty { paragraph.addText(label.after) }
        }
        if let rights = metadata.rights { footer.element("p", ["class": "rights"], text: rights) }
        if let license = metadata.license {
            let label = words.labelParts(words[.license])
            let paragraph = footer.element("p", ["class": "license"], text: label.before)
            if let url = license.url { paragraph.element("a", ["href": url], text: license.name) } else { paragraph.addText(license.name) }
            if !label.after.isEmpty { paragraph.addText(label.after) }
        }
        for line in metadata.isbn?.lines(words) ?? [] { footer.element("p", ["class": line.kind], text: line.text) }
        footer.element("p", ["class": "identifier"], text: words.labelled(words[.identifier], metadata.identifier))
    }
}
