import ReportModel
import SharedWriting
import XMLSupport

/// The title page: series, ISSN, volume and issue, title, subtitle, authors, date and the
/// handling marking. Its elements also feed the running heads and markings of every page
/// (through `string-set` and running elements in the print style sheet).
public struct TitlePageWriter {
    let report: Report
    let words: Words
    /// Whether names are joined at their hyphens, as in the print edition's text.
    let keepsNamesWhole: Bool

    public init(report: Report, words: Words, keepsNamesWhole: Bool = false) {
        self.report = report
        self.words = words
        self.keepsNamesWhole = keepsNamesWhole
    }

    /// With `runningMarkings`, also what the print style sheet moves into the page margins:
    /// the running head (`RunningHead`) and the copies of the TLP label.
    public func write(into body: XMLElement, runningMarkings: Bool = true) {
        let metadata = report.metadata
        if runningMarkings {
            body.element("div", ["class": "running-head", "aria-hidden": "true"], text: RunningHead.text(for: metadata))
        }
        if runningMarkings, let tlp = metadata.marking?.tlp {
            // Two copies of the label: the print style sheet moves one into the top and one
            // into the bottom margin of every page; the screen style sheet hides them.
            for place in ["top", "bottom"] {
                body.element("div", ["class": "running-tlp running-tlp-\(place)", "aria-hidden": "true"])
                    .element("span", ["class": "tlp-label \(TitlePageWriter.tlpClass(tlp))"], text: tlp.label)
            }
        }
        // `title-page: false`: the print edition sets the title block at the head of the
        // first page of text (class `compact`) instead of on a page of its own.
        let compact = runningMarkings && metadata.titlePage == false
        let header = body.element("header", ["class": compact ? "title-page compact" : "title-page"])
        if let series = metadata.series { writeSeries(series, into: header) }
        writeText(metadata.title, into: header.element("h1", ["class": "title"]))
        if let subtitle = metadata.subtitle { writeText(subtitle, into: header.element("p", ["class": "subtitle"])) }
        if !metadata.authors.isEmpty {
            let authors = header.element("ul", ["class": "authors"])
            for author in metadata.authors {
                // The separators are text, not style, so that a reader without the style
                // sheet (or a conversion to plain text) keeps the words apart.
                let item = authors.element("li", ["class": "author"])
                item.beginMixedContent()
                writeText(author.name, into: item.element("span", ["class": "name"]))
                if let affiliation = author.affiliation {
                    item.addText(words[.listSeparator])
                    writeText(affiliation, into: item.element("span", ["class": "affiliation"]))
                }
                if let email = author.email {
                    item.addText(" ")
                    if let mailto = Address.mailto(email) {
                        item.element("a", ["class": "email", "href": mailto], text: email)
                    } else {
                        item.element("span", ["class": "email"], text: email)
                    }
                }
            }
        }
        if let publisher = metadata.publisher {
            let element = header.element("p", ["class": "publisher"])
            if let url = publisher.url { element.element("a", ["href": url], text: publisher.name) } else { element.addText(publisher.name) }
        }
        if metadata.date != nil || metadata.updated != nil { writeDates(into: header) }
        if let marking = metadata.marking { writeMarking(marking, into: header) }
    }

    /// Text as the body sets it (`XHTMLText`): Korean words kept whole, emoji in their font.
    private func writeText(_ text: String, into element: XMLElement) {
        XHTMLText.write(text, into: element, keepingNamesWhole: keepsNamesWhole)
    }

    public static func tlpClass(_ tlp: TLP) -> String {
        "tlp-" + String(tlp.rawValue.lowercased().map { $0 == "+" ? "-" : $0 })
    }

    private func writeSeries(_ series: Series, into header: XMLElement) {
        let element = header.element("p", ["class": "series"])
        element.beginMixedContent()
        for (index, part) in series.parts(words).enumerated() {
            if index > 0 { element.addText(words[.partSeparator]) }
            element.element("span", ["class": part.0], text: part.1)
        }
    }

    private func writeDates(into header: XMLElement) {
        let element = header.element("p", ["class": "dates"])
        element.beginMixedContent()
        if let date = report.metadata.date {
            element.element("time", ["class": "date", "datetime": date.description], text: words.date(date))
        }
        if let updated = report.metadata.updated {
            let (before, after) = words.around(report.metadata.date == nil ? .updated : .alsoUpdated, placeholder: "date")
            element.addText(report.metadata.date == nil ? before : " · " + before)
            element.element("time", ["class": "updated", "datetime": updated.description], text: words.date(updated))
            if !after.isEmpty { element.addText(after) }
        }
    }

    private func writeMarking(_ marking: Marking, into header: XMLElement) {
        let element = header.element("div", ["class": "marking"])
        if let tlp = marking.tlp {
            element.element("p", ["class": "tlp"]).element("span", ["class": "tlp-label \(TitlePageWriter.tlpClass(tlp))"], text: tlp.label)
        }
        if let classification = marking.classification {
            element.element("p", ["class": "classification"], text: classification)
        }
        if let notice = marking.notice { element.element("p", ["class": "notice"], text: notice) }
    }
}
