import ReportModel
import SharedWriting
import XMLSupport

/// The title page (series, title, subtitle, authors, publisher, dates, marking) and the
/// table of contents, a Word field filled in beforehand so that it reads right before Word
/// updates it (with page numbers).
extension WordBody {
    func writeTitlePage(into body: XMLElement) {
        let metadata = context.report.metadata
        // In a right-to-left language the title page is set from the right.
        let rtl = words.isRightToLeft
        if let series = metadata.series {
            let line = series.parts(words).map(\.text).joined(separator: words[.partSeparator])
            if !line.isEmpty { RunStyle().run(line, into: paragraph(in: body, style: "Series", rightToLeft: rtl)) }
        }
        RunStyle().run(metadata.title, into: paragraph(in: body, style: "Title", rightToLeft: rtl))
        if let subtitle = metadata.subtitle { RunStyle().run(subtitle, into: paragraph(in: body, style: "Subtitle", rightToLeft: rtl)) }
        for author in metadata.authors {
            let element = paragraph(in: body, style: "TitleDetails", rightToLeft: rtl)
            RunStyle(bold: true).run(author.name, into: element)
            if let affiliation = author.affiliation { RunStyle().run(words[.listSeparator] + affiliation, into: element) }
            if let email = author.email {
                RunStyle().run(" ", into: element)
                writeInlines([Address.mailto(email).map { .link(Link(url: $0, content: [.text(email)])) } ?? .text(email)], into: element)
            }
        }
        if let publisher = metadata.publisher {
            let element = paragraph(in: body, style: "TitleDetails", rightToLeft: rtl)
            if let url = publisher.url {
                writeInlines([.link(Link(url: url, content: [.text(publisher.name)]))], into: element)
            } else {
                RunStyle().run(publisher.name, into: element)
            }
        }
        let dates = words.dates(of: metadata)
        if !dates.isEmpty { RunStyle().run(dates.joined(separator: " · "), into: paragraph(in: body, style: "TitleDetails", rightToLeft: rtl)) }
        if let marking = metadata.marking {
            if let tlp = marking.tlp { RunStyle.tlp(tlp).run(tlp.label, into: paragraph(in: body, style: "Marking", rightToLeft: rtl)) }
            if let classification = marking.classification { RunStyle(bold: true).run(classification, into: paragraph(in: body, style: "Marking", rightToLeft: rtl)) }
            if let notice = marking.notice { RunStyle().run(notice, into: paragraph(in: body, style: "Marking", rightToLeft: rtl)) }
        }
        // The page break waits for what follows (`turnPage`).
        if metadata.titlePage != false { context.pendingTurn = .pageBreak }
    }

    /// "Contents", then a `TOC` field of headings 1 to 3, its entries already written (each
    /// a link to its heading, with the page it begins on in print when the PDF is made in
    /// the same build), then a page break: as steps, each writing a paragraph or two, so
    /// that a long table of contents is streamed like the sections.
    func contentsSteps(into body: XMLElement) -> [() -> Void] {
        var entries: [(level: Int, section: Section)] = []
        func collect(_ section: Section) {
            let level = min(max(section.level - 1, 1), 6)
            guard level <= 3 else { return }
            entries.append((level, section))
            section.subsections.forEach(collect)
        }
        context.report.sections.forEach(collect)
        var steps: [() -> Void] = [{
            turnPage(into: body, landscape: false)
            RunStyle().run(words[.contents], into: paragraph(in: body, style: "TOCHeading"))
        }]
        // The field begins in the first entry's paragraph and ends in the last's.
        for index in 0..<max(entries.count, 1) {
            steps.append {
                let entry = index < entries.count ? entries[index] : nil
                let page = entry.flatMap { context.contentsPages[$0.section.id] }
                let element = paragraph(in: body, style: "TOC\(entry?.level ?? 1)", leaderTab: page.map { _ in context.layout.textWidth })
                if index == 0 {
                    RunStyle().start(in: element).element("w:fldChar", ["w:fldCharType": "begin"])
                    RunStyle().start(in: element).element("w:instrText", ["xml:space": "preserve"], text: #" TOC \o "1-3" \h \z \u "#)
                    RunStyle().start(in: element).element("w:fldChar", ["w:fldCharType": "separate"])
                }
                if let entry {
                    let link = element.element("w:hyperlink", ["w:anchor": context.bookmark(entry.section.id), "w:history": "1"])
                    writeInlines((entry.section.headingNumber(words).map { [.text($0 + " ")] } ?? []) + entry.section.title, into: link)
                    if let page {
                        RunStyle().start(in: link).element("w:tab")
                        RunStyle().run(String(page), into: link)
                    }
                }
                if index == max(entries.count, 1) - 1 { RunStyle().start(in: element).element("w:fldChar", ["w:fldCharType": "end"]) }
            }
        }
        steps.append { context.pendingTurn = .pageBreak }
        return steps
    }
}

extension RunStyle {
    /// A TLP label as FIRST sets it: bold, in its colour, on black.
    static func tlp(_ tlp: TLP) -> RunStyle {
        RunStyle(bold: true, colour: tlp.colour, shading: "000000")
    }
}
