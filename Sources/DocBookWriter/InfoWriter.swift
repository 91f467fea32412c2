import ReportModel
import SharedWriting
import XMLSupport

/// Writes the report's metadata as the article's `<info>`.
struct InfoWriter {
    let metadata: Metadata
    let summary: Section?
    let words: Words

    func write(into article: XMLElement) {
        let info = article.element("info")
        info.element("title", text: metadata.title)
        if let shortTitle = metadata.shortTitle { info.element("titleabbrev", text: shortTitle) }
        if let subtitle = metadata.subtitle { info.element("subtitle", text: subtitle) }
        writeAuthors(into: info)
        if let publisher = metadata.publisher {
            let element = info.element("publisher")
            element.element("publishername", text: publisher.name)
            if let url = publisher.url { element.element("address").element("uri", text: url) }
        }
        if let date = metadata.date { info.element("pubdate", text: date.description) }
        if let updated = metadata.updated {
            let revision = info.element("revhistory").element("revision")
            revision.element("date", text: updated.description)
            revision.element("revremark", text: words[.lastRevision])
        }
        info.element("biblioid", ["class": "other", "otherclass": "identifier"], text: metadata.identifier)
        // Each edition's ISBN, the edition named by its role.
        if let isbn = metadata.isbn?.print { info.element("biblioid", ["class": "isbn", "role": "print"], text: isbn.description) }
        if let isbn = metadata.isbn?.ebook { info.element("biblioid", ["class": "isbn", "role": "ebook"], text: isbn.description) }
        if let series = metadata.series { writeSeries(series, into: info) }
        if !metadata.keywords.isEmpty {
            let set = info.element("keywordset")
            for keyword in metadata.keywords { set.element("keyword", text: keyword) }
        }
        if let summary {
            let abstract = info.element("abstract", ["role": "summary"])
            let paragraphs = summary.blocks.plainText.split(separator: "\n").map(String.init)
            for paragraph in paragraphs.isEmpty ? [summary.title.plainText] : paragraphs {
                abstract.element("para", text: paragraph)
            }
        }
        writeLegalNotices(into: info)
        if let cover = metadata.cover {
            info.element("cover").element("mediaobject").element("imageobject")
                .element("imagedata", ["fileref": cover])
        }
        if let contact = metadata.contact { info.element("bibliomisc", ["role": "contact"], text: contact) }
        info.element("bibliomisc", ["role": "yardstick"], text: metadata.yardstick.rawValue)
    }

    private func writeAuthors(into info: XMLElement) {
        guard !metadata.authors.isEmpty else { return }
        let group = info.element("authorgroup")
        for author in metadata.authors {
            let element = group.element("author")
            element.element("personname", text: author.name)
            if let affiliation = author.affiliation {
                element.element("affiliation").element("orgname", text: affiliation)
            }
            if let email = author.email { element.element("email", text: email) }
        }
    }

    /// The series as a `biblioset` with its title, ISSN, volume and issue.
    private func writeSeries(_ series: Series, into info: XMLElement) {
        let set = info.element("biblioset", ["relation": "series"])
        if let title = series.title { set.element("title", text: title) }
        if let issn = series.issn { set.element("biblioid", ["class": "issn"], text: issn.description) }
        if let volume = series.volume { set.element("volumenum", text: String(volume)) }
        if let issue = series.issue { set.element("issuenum", text: String(issue)) }
        if set.isEmpty { set.element("bibliomisc", text: "series") }
    }

    private func writeLegalNotices(into info: XMLElement) {
        if let marking = metadata.marking {
            let notice = info.element("legalnotice", ["role": "marking"])
            if let tlp = marking.tlp { notice.element("para", ["role": "tlp"], text: tlp.label) }
            if let classification = marking.classification {
                notice.element("para", ["role": "classification"], text: classification)
            }
            if let text = marking.notice { notice.element("para", ["role": "notice"], text: text) }
            if notice.isEmpty { notice.element("para") }
        }
        if let rights = metadata.rights {
            info.element("legalnotice", ["role": "rights"]).element("para", text: rights)
        }
        if let license = metadata.license {
            let para = info.element("legalnotice", ["role": "license"]).element("para")
            para.beginMixedContent()
            if let url = license.url {
                para.element("link", ["xlink:href": url], text: license.name)
            } else {
                para.addText(license.name)
            }
        }
    }
}
