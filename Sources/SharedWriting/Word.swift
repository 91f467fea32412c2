import ReportModel

/// A word (or a phrase with `{placeholders}`) Imprint writes itself; its raw value is its
/// key in a desk's table of words.
public enum Word: String, CaseIterable, Sendable {
    // What a cross-reference without words of its own reads, and captions.
    case figure = "label.figure"  // Figure
    case table = "label.table"  // Table
    case section = "label.section"  // Section
    case appendix = "label.appendix"  // Appendix
    case note = "label.note"  // Note
    case keyJudgment = "label.key-judgment"  // Key judgment
    case risk = "label.risk"  // Risk
    case source = "label.source"  // Source
    case listItem = "label.item"  // item {n}
    case namedListItem = "label.named-item"  // the item “{text}”
    case sectionReference = "label.section-reference"  // {kind} {number}, {title}

    // Assessments.
    case likelihood = "assessment.likelihood"
    case impact = "assessment.impact"
    case confidence = "assessment.confidence"
    // The yardsticks' terms (`Words.name(of:)` finds them by the term's token).
    case icd203AlmostNoChance = "likelihood.icd203.almost-no-chance"
    case icd203VeryUnlikely = "likelihood.icd203.very-unlikely"
    case icd203Unlikely = "likelihood.icd203.unlikely"
    case icd203RoughlyEvenChance = "likelihood.icd203.roughly-even-chance"
    case icd203Likely = "likelihood.icd203.likely"
    case icd203VeryLikely = "likelihood.icd203.very-likely"
    case icd203AlmostCertain = "likelihood.icd203.almost-certain"
    case phiaRemoteChance = "likelihood.phia.remote-chance"
    case phiaHighlyUnlikely = "likelihood.phia.highly-unlikely"
    case phiaUnlikely = "likelihood.phia.unlikely"
    case phiaRealisticPossibility = "likelihood.phia.realistic-possibility"
    case phiaLikely = "likelihood.phia.likely"
    case phiaHighlyLikely = "likelihood.phia.highly-likely"
    case phiaAlmostCertain = "likelihood.phia.almost-certain"
    case impactNegligible = "impact.negligible"
    case impactMinor = "impact.minor"
    case impactModerate = "impact.moderate"
    case impactMajor = "impact.major"
    case impactSevere = "impact.severe"
    case confidenceLow = "confidence.low"
    case confidenceModerate = "confidence.moderate"
    case confidenceHigh = "confidence.high"

    // Source grades (the Admiralty scale).
    case gradeSentence = "grade.sentence"  // Grade {grade}: {meaning}.
    case gradeMeaning = "grade.meaning"  // source {reliability}; information {credibility}
    case reliabilityA = "reliability.a"
    case reliabilityB = "reliability.b"
    case reliabilityC = "reliability.c"
    case reliabilityD = "reliability.d"
    case reliabilityE = "reliability.e"
    case reliabilityF = "reliability.f"
    case credibility1 = "credibility.1"
    case credibility2 = "credibility.2"
    case credibility3 = "credibility.3"
    case credibility4 = "credibility.4"
    case credibility5 = "credibility.5"
    case credibility6 = "credibility.6"
    case admiraltyScale = "explanation.admiralty"  // Source grades: the Admiralty scale
    case reliabilityOfSource = "explanation.reliability"
    case credibilityOfInformation = "explanation.credibility"
    case likelihoodTerms = "explanation.likelihood-terms"  // Likelihood terms ({yardstick})
    case term = "explanation.term"
    case probability = "explanation.probability"
    case phiaYardstick = "yardstick.phia"  // PHIA probability yardstick
    case icdYardstick = "yardstick.icd203"  // ICD 203

    // The risk register and matrix.
    case riskRegister = "risks.register"
    case number = "risks.number"  // No.
    case riskMatrix = "risks.matrix"  // Risk matrix
    case matrixTitle = "risks.matrix-title"  // Risk matrix: likelihood against impact
    case matrixCaption = "risks.matrix-caption"  // Likelihood against impact; the numbers are those of the risk register
    case matrixPlacement = "risks.matrix-placement"  // Risk {n}, {title}: likelihood {likelihood}, impact {impact}.
    case matrixTextCaption = "risks.matrix-text-caption"  // … (numbers as in the register)
    case matrixTextCell = "risks.matrix-text-cell"  // Likelihood {likelihood}, impact {impact}: {numbers}

    // Title page, running matter, colophon.
    case volume = "series.volume"  // Volume {n}
    case issue = "series.issue"  // Issue {n}
    case updated = "dates.updated"  // Updated {date}
    case alsoUpdated = "dates.also-updated"  // updated {date}
    case publishedBy = "colophon.published-by"  // Published by {name}
    case contact = "colophon.contact"
    case license = "colophon.license"
    case identifier = "colophon.identifier"
    case isbnPrint = "colophon.isbn-print"  // ISBN {isbn} (print)
    case isbnEbook = "colophon.isbn-ebook"  // ISBN {isbn} (e-book)
    case pageOfPages = "page.of"  // Page {page} of {pages}
    case contents = "contents"
    case untitledSection = "section.untitled"
    case credit = "figure.credit"
    case figureSource = "figure.source"
    case taskDone = "task.done"  // what a ticked task box says to a screen reader
    case taskOpen = "task.open"
    case image = "text.image"  // [Image: {alt}] in the text editions

    // The e-book's own pages and landmarks.
    case cover = "book.cover"
    case coverOf = "book.cover-of"  // Cover: {title}
    case titlePage = "book.title-page"
    case colophon = "book.colophon"
    case landmarks = "book.landmarks"
    case startOfReport = "book.start"
    case accessibilitySummary = "book.accessibility-summary"
    case accessibilityDescribed = "book.accessibility-described"
    case accessibilityMatrix = "book.accessibility-matrix"
    case accessibilityUndescribed = "book.accessibility-undescribed"

    // The text editions' headings and the DocBook revision.
    case summary = "text.summary"
    case keyJudgments = "text.key-judgments"
    case risks = "text.risks"
    case shown = "text.shown"  // Shown: {shown} of {total}; the full report has the rest.
    case summaryContinues = "text.summary-continues"  // The summary goes on in the full report.
    case notes = "text.notes"
    case links = "text.links"
    case row = "text.row"  // Row {n}
    case columns = "text.columns"
    case lastRevision = "docbook.last-revision"

    // How the language puts Imprint's phrases together: its punctuation.
    case captionPattern = "pattern.caption"  // {label} {n}.   (Figure 3.)
    case numberedPattern = "pattern.numbered"  // {label} {n}   (Risk 4, Note 1: a label's kind and number)
    case quotePattern = "pattern.quote"  // “{text}”   (the author's quotation marks: French «\u{202F}{text}\u{202F}»)
    case innerQuotePattern = "pattern.inner-quote"  // ‘{text}’   (a quotation inside one)
    case marksPattern = "pattern.marks"  // {mark}   (how : ; ! ? follow a word: French \u{202F}{mark}, a narrow no-break space)
    case percentPattern = "pattern.percent"  // {n}%   (55–80%; French 55–80 %, with a narrow no-break space)
    case labelPattern = "pattern.label"  // {label}: {text}   (Contact: …, Likelihood: …)
    case leadInSentencePattern = "pattern.lead-in-sentence"  // {label}: {text}   (a lead-in before a capital: French "{label}. {text}")
    case partSeparator = "pattern.separator"  // " · " between the series line's parts
    case listSeparator = "pattern.list"  // ", " between "Volume 4" and "Issue 2"
    case itemSeparator = "pattern.items"  // "; " between the items of a legend (1 Escalation; 2 Sanctions)
    case sentencePattern = "pattern.sentence"  // {text}.   (a sentence's end: Japanese {text}。)
}

extension Word {
    /// The word of a yardstick's term (`likelihood.icd203.very-likely`); nil for a percentage.
    init?(term likelihood: Likelihood) {
        guard let yardstick = likelihood.yardstick else { return nil }
        self.init(rawValue: "likelihood.\(yardstick.rawValue.lowercased()).\(likelihood.token)")
    }

    /// Whether the word is one of the yardsticks' terms.
    var isLikelihoodTerm: Bool { rawValue.hasPrefix("likelihood.") }
}
