/// Typographic punctuation for the plain front-matter values that editions print (title,
/// subtitle, short title, series title, rights): the rules cmark-gfm's `CMARK_OPT_SMART`
/// applies to the body, so a title reads as its paragraphs do. Straight quotes curl by
/// what stands before them, `--` and `---` become dashes, `...` an ellipsis.
enum SmartPunctuation {
    static func apply(_ text: String) -> String {
        guard text.contains(where: { $0 == "'" || $0 == "\"" || $0 == "-" || $0 == "." }) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let before = index > 0 ? characters[index - 1] : nil
            switch character {
            case "'", "\"":
                let opens = before.map(opensQuote) ?? true
                if character == "'" { result.append(opens ? "\u{2018}" : "\u{2019}") } else { result.append(opens ? "\u{201C}" : "\u{201D}") }
                index += 1
            case "-":
                var end = index
                while end < characters.count, characters[end] == "-" { end += 1 }
                result += dashes(end - index)
                index = end
            case "." where index + 2 < characters.count && characters[index + 1] == "." && characters[index + 2] == ".":
                result.append("\u{2026}")
                index += 3
            default:
                result.append(character)
                index += 1
            }
        }
        return result
    }

    /// Whether a quote after `character` opens: after a space, an opening bracket, a dash
    /// or another opening quote, as cmark decides by flanking.
    private static func opensQuote(after character: Character) -> Bool {
        character.isWhitespace || "([{\u{2018}\u{201C}-\u{2013}\u{2014}/".contains(character)
    }

    /// A run of `count` hyphens as cmark writes it: one stays a hyphen; otherwise em dashes
    /// for each three and en dashes for each two, em dashes first.
    private static func dashes(_ count: Int) -> String {
        guard count > 1 else { return "-" }
        let (em, en): (Int, Int) =
            if count % 3 == 0 { (count / 3, 0) }
            else if count % 2 == 0 { (0, count / 2) }
            else if count % 3 == 2 { ((count - 2) / 3, 1) }
            else { ((count - 4) / 3, 2) }
        return String(repeating: "\u{2014}", count: em) + String(repeating: "\u{2013}", count: en)
    }
}
