extension Report {
    /// The longest `summaryLine`, in characters.
    public static let summaryLineLimit = 1_000

    /// The summary's text, or else the lead's, on one line (each run of white space one
    /// space), for the XHTML `description` and the e-book's `dc:description`; nil when
    /// there is none. At most `summaryLineLimit` characters: a longer text is cut after a
    /// word and ends with "…". A description is for catalogues and search results, and a
    /// lead of thousands of paragraphs must not make one of megabytes. A cross-reference
    /// without words reads as its label in `labels` (`Manuscript.referenceLabels`, which
    /// holds the labels of every such reference), as in the editions.
    public func summaryLine(labels: [String: String]) -> String? {
        let text = (summary?.blocks ?? lead).plainText(labels: labels)
        var result = ""
        var count = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                guard count + 1 < Self.summaryLineLimit else { return result + "…" }
                result.append(" ")
                count += 1
                pendingSpace = false
            }
            guard count + 1 < Self.summaryLineLimit else {
                // Cut after the last whole word.
                if let space = result.lastIndex(of: " ") { result = String(result[..<space]) }
                return result + "…"
            }
            result.append(character)
            count += 1
        }
        return result.isEmpty ? nil : result
    }
}
