import ReportModel

/// The running head at the top of a printed page: the series title and the report's short
/// title (or, without one, its title), on one line. What does not fit is cut at a word
/// boundary with an ellipsis; the series goes first, since the title says more.
public enum RunningHead {
    /// What one line of the head holds, in half-places of `TextMeasure.halfWidths(of:)`: the
    /// head's margin box (a third of the line) at its small sans size on A4 or Letter.
    public static let capacity = 88

    public static func text(for metadata: Metadata) -> String {
        let title = metadata.shortTitle ?? metadata.title
        if let series = metadata.series?.title {
            let both = series + " \u{2014} " + title
            if TextMeasure.halfWidths(of: both) <= capacity { return both }
        }
        return shortened(title, to: capacity)
    }

    /// `text` cut after its last whole word that leaves room for "…" within `capacity`
    /// (mid-word only when the first word alone is too wide).
    static func shortened(_ text: String, to capacity: Int) -> String {
        guard TextMeasure.halfWidths(of: text) > capacity else { return text }
        var kept = ""
        var used = 2  // the ellipsis
        var lastBreak: String.Index?
        for character in text {
            let needed = TextMeasure.halfWidths(of: character)
            if used + needed > capacity { break }
            if character == " " { lastBreak = kept.endIndex }
            kept.append(character)
            used += needed
        }
        if let lastBreak { kept = String(kept[..<lastBreak]) }
        while let last = kept.last, last == " " || ",;:\u{2014}\u{2013}-".contains(last) { kept.removeLast() }
        return kept + "\u{2026}"
    }
}
