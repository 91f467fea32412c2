import ReportModel
import SharedWriting
import XMLSupport

/// One edition's `Product`, its blocks in the order ONIX 3.0 gives them.
struct ProductRecord {
    let form: ONIXWriter.Form
    let manuscript: Manuscript
    let options: ONIXWriter.Options
    /// The other editions of the record, named as alternative formats.
    let others: [ONIXWriter.Form]

    var metadata: Metadata { manuscript.report.metadata }

    func write(into product: XMLElement) {
        product.element("RecordReference", text: reference(of: form))
        product.element("NotificationType", text: "03")  // confirmed on publication
        writeIdentifier(of: form, into: product)
        writeDescriptiveDetail(into: product.element("DescriptiveDetail"))
        if let summary = manuscript.report.summaryLine(labels: manuscript.referenceLabels) {
            let content = product.element("CollateralDetail").element("TextContent")
            content.element("TextType", text: "03")  // description
            content.element("ContentAudience", text: "00")  // any
            content.element("Text", text: summary)
        }
        writePublishingDetail(into: product.element("PublishingDetail"))
        if !others.isEmpty {
            let material = product.element("RelatedMaterial")
            for other in others {
                let related = material.element("RelatedProduct")
                related.element("ProductRelationCode", text: "06")  // alternative format
                writeIdentifier(of: other, into: related)
            }
        }
    }

    /// The edition's own ISBN, or none.
    private func isbn(of form: ONIXWriter.Form) -> ISBN? {
        switch form {
        case .epub: metadata.isbn?.ebook
        case .pdf: metadata.isbn?.print
        case .docx: nil
        }
    }

    /// The record's reference: the report's identifier and the edition.
    private func reference(of form: ONIXWriter.Form) -> String {
        metadata.identifier + "/" + form.rawValue
    }

    /// The ISBN-13 (list 5, code 15), or Imprint's identifier of the edition (01, proprietary).
    private func writeIdentifier(of form: ONIXWriter.Form, into parent: XMLElement) {
        let identifier = parent.element("ProductIdentifier")
        if let isbn = isbn(of: form) {
            identifier.element("ProductIDType", text: "15")
            identifier.element("IDValue", text: isbn.digits)
        } else {
            identifier.element("ProductIDType", text: "01")
            identifier.element("IDTypeName", text: "Imprint identifier")
            identifier.element("IDValue", text: reference(of: form))
        }
    }

    private func writeDescriptiveDetail(into detail: XMLElement) {
        detail.element("ProductComposition", text: "00")  // a single-component retail product
        detail.element("ProductForm", text: "ED")  // a digital download
        detail.element("ProductFormDetail", text: form.formatDetail)
        writeAccessibility(into: detail)
        if let series = metadata.series { writeCollection(series, into: detail) }
        let title = detail.element("TitleDetail")
        title.element("TitleType", text: "01")  // distinctive title
        let element = title.element("TitleElement")
        element.element("TitleElementLevel", text: "01")  // the product
        element.element("TitleText", text: metadata.title)
        if let subtitle = ONIXWriter.nonEmpty(metadata.subtitle) { element.element("Subtitle", text: subtitle) }
        let authors = metadata.authors.filter { ONIXWriter.nonEmpty($0.name) != nil }
        for (index, author) in authors.enumerated() {
            let contributor = detail.element("Contributor")
            contributor.element("SequenceNumber", text: String(index + 1))
            contributor.element("ContributorRole", text: "A01")  // by (author)
            contributor.element("PersonName", text: author.name)
            if let affiliation = ONIXWriter.nonEmpty(author.affiliation) {
                contributor.element("ProfessionalAffiliation").element("Affiliation", text: affiliation)
            }
        }
        if authors.isEmpty { detail.element("NoContributor") }
        let language = detail.element("Language")
        language.element("LanguageRole", text: "01")  // the language of the text
        language.element("LanguageCode", text: LanguageCodes.bibliographic(for: metadata.lang))
        let keywords = metadata.keywords.filter { ONIXWriter.nonEmpty($0) != nil }
        if !keywords.isEmpty {
            let subject = detail.element("Subject")
            subject.element("SubjectSchemeIdentifier", text: "20")  // keywords
            subject.element("SubjectHeadingText", text: keywords.joined(separator: "; "))
        }
    }

    /// The accessibility of the edition as list 196 codes (feature type 09), and list 143's
    /// "no known hazards" (type 12). The e-book: what the writers give every book, the alt
    /// texts when every image has them, the matrix's data as text, and the conformance
    /// with its certifier when the book states it (`AccessibilityClaim`). The PDF: PDF/UA-1.
    private func writeAccessibility(into detail: XMLElement) {
        func feature(_ type: String, _ value: String, _ description: String? = nil) {
            let element = detail.element("ProductFormFeature")
            element.element("ProductFormFeatureType", text: type)
            element.element("ProductFormFeatureValue", text: value)
            if let description { element.element("ProductFormFeatureDescription", text: description) }
        }
        switch form {
        case .epub:
            let claim = AccessibilityClaim(report: manuscript.report, deskStyleSheets: options.deskStyleSheets)
            feature("09", "00", claim.summary(manuscript.words))
            if claim.isStated {
                for code in ["04", "82", "85"] { feature("09", code) }  // EPUB Accessibility 1.1, WCAG 2.2, level AA
                if let certifier = claim.certifier { feature("09", "90", certifier) }
            }
            // Contents, one reading order, headings, landmarks, reflowable text.
            var codes = ["11", "13", "29", "32", "36"]
            if claim.isVisual && claim.allDescribed { codes.append("14") }
            if claim.hasMatrix { codes.append("16") }
            for code in codes { feature("09", code) }
        case .pdf:
            if options.pdfIsUniversallyAccessible { feature("09", "05") }
        case .docx:
            break
        }
        feature("12", "00")
    }

    /// The series as a publisher's collection: its ISSN, its title, and the issue's place in it.
    private func writeCollection(_ series: Series, into detail: XMLElement) {
        guard ONIXWriter.nonEmpty(series.title) != nil || series.issn != nil else { return }
        let collection = detail.element("Collection")
        collection.element("CollectionType", text: "10")  // publisher collection
        if let issn = series.issn {
            let identifier = collection.element("CollectionIdentifier")
            identifier.element("CollectionIDType", text: "02")  // ISSN
            identifier.element("IDValue", text: issn.description.filter { $0 != "-" })
        }
        guard let title = ONIXWriter.nonEmpty(series.title) else { return }
        let element = collection.element("TitleDetail")
        element.element("TitleType", text: "01")
        let level = element.element("TitleElement")
        level.element("TitleElementLevel", text: "02")  // the collection
        let numbering = [series.volume, series.issue].compactMap { $0 }.map(String.init).joined(separator: ".")
        if !numbering.isEmpty { level.element("PartNumber", text: numbering) }
        level.element("TitleText", text: title)
    }

    private func writePublishingDetail(into detail: XMLElement) {
        let publisher = detail.element("Publisher")
        publisher.element("PublishingRole", text: "01")
        publisher.element("PublisherName", text: metadata.publisher?.name ?? "")
        if let url = metadata.publisher?.url {
            let website = publisher.element("Website")
            website.element("WebsiteRole", text: "01")  // the publisher's corporate site
            website.element("WebsiteLink", text: url)
        }
        detail.element("PublishingStatus", text: "04")  // active
        if let date = metadata.date {
            let published = detail.element("PublishingDate")
            published.element("PublishingDateRole", text: "01")  // publication date
            published.element("Date", text: date.description.filter { $0 != "-" })  // YYYYMMDD
        }
    }
}
