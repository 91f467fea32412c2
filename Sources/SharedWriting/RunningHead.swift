import ReportModel

/// The running head at the top of a printed page: the series title and the report's short
/// title (or, without one, its title), on one line. What does not fit is cut at a word
/// boundary with an ellipsis; the series goes first, since the title says more.
public enum RunningHead {
    /// What one line of the head holds, in half-places of `halfWidths(of:)`: the head's
    /// margin box at its small sans size on A4 or Letter.
    public static let capacity = 100

    public static func text(for metadata: Metadata) -> String {
        let title = metadata.shortTitle ?? metadata.title
        if let series = metadata.series?.title {
            let both = series + " \u{2014} " + title
            if halfWidths(of: both) <= capacity { return both }
        }
        return shortened(title, to: capacity)
    }

    /// `text` cut after its last whole word that leaves room for "…" within `capacity`
    /// (mid-word only when the first word alone is too wide).
    static func shortened(_ text: String, to capacity: Int) -> String {
        guard halfWidths(of: text) > capacity else { return text }
        var kept = ""
        var used = 2  // the ellipsis
        var lastBreak: String.Index?
        for character in text {
            let needed = halfWidths(of: character)
            if used + needed > capacity { break }
            if character == " " { lastBreak = kept.endIndex }
            kept.append(character)
            used += needed
        }
        if let lastBreak { kept = String(kept[..<lastBreak]) }
        while let last = kept.last, last == " " || ",;:\u{2014}\u{2013}-".contains(last) { kept.removeLast() }
        return kept + "\u{2026}"
    }

    /// Text measured as the head's font sets it, in half-places: see `halfWidths(of:)`.
    static func halfWidths(of text: String) -> Int {
        text.reduce(0) { $0 + halfWidths(of: $1) }
    }

    /// East Asian wide characters (Hangul, CJK ideographs, kana, full-width forms) take two
    /// places, capitals a place and a half, the rest one.
    static func halfWidths(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 0 }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6:
            return 4
        case 0x41...0x5A: return 3
        default: return 2
        }
    }
}
