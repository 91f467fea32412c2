/// `--ascii`: typographic punctuation spelled in ASCII for old mail gateways. Letters
/// (Cyrillic, Hangul, accented Latin) are left alone.
enum Typography {
    static let replacements: [Character: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"",
        "\u{00AB}": "\"", "\u{00BB}": "\"", "\u{2039}": "'", "\u{203A}": "'",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "--", "\u{2015}": "--",
        "\u{2212}": "-", "\u{2026}": "...", "\u{00A0}": " ", "\u{202F}": " ", "\u{2007}": " ", "\u{2009}": " ",
        "\u{200A}": " ", "\u{2002}": " ", "\u{2003}": " ", "\u{00B7}": "-", "\u{2022}": "*", "\u{00AD}": "",
    ]

    static func ascii(_ text: String) -> String {
        guard text.contains(where: { replacements[$0] != nil }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
