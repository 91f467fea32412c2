/// How wide a short text sets in a proportional sans face, in half-places (an average
/// lower-case letter is two): enough to size a running head or a drawing's label column
/// without the font's metrics, which the writers do not have.
public enum TextMeasure {
    /// The text's width in half-places: see `halfWidths(of:)` for a character.
    public static func halfWidths(of text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + halfWidths(of: $1) }
    }

    /// East Asian wide characters (Hangul, CJK ideographs, kana, full-width forms) take two
    /// places, capitals a place and a half, the rest one.
    public static func halfWidths(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 0 }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 4
        case 0x41...0x5A: return 3
        default: return 2
        }
    }

    /// The text cut at the space that best halves its width, when it is wider than
    /// `halfWidths`; otherwise the text whole. For a label that may take two lines.
    public static func twoLines(_ text: String, over halfWidths: Int) -> [String] {
        let total = Self.halfWidths(of: text)
        guard total > halfWidths else { return [text] }
        var best: (index: String.Index, imbalance: Int)?
        var used = 0
        for index in text.indices {
            if text[index] == " " {
                let imbalance = abs(total - 2 * used)
                if best == nil || imbalance < best!.imbalance { best = (index, imbalance) }
            }
            used += Self.halfWidths(of: text[index])
        }
        guard let best else { return [text] }
        return [String(text[..<best.index]), String(text[text.index(after: best.index)...])]
    }
}
