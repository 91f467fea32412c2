import XMLSupport

extension XHTMLContext {
    /// Text, each Korean word in a `span class="keep-all"`: Korean breaks lines between
    /// words, not between syllables (CSS `word-break: keep-all`, which the style sheets
    /// give these spans, as WeasyPrint does not know the property on its own). For print,
    /// names are joined at their hyphens (`XHTMLWriter.Options.keepsNamesWhole`).
    func writeText(_ text: String, into parent: XMLElement) {
        let text = keepsNamesWhole ? XHTMLContext.joiningNameHyphens(text) : text
        guard XHTMLContext.mayHoldHangul(text) else { return parent.addText(text) }
        var plain = ""
        var word = ""
        func flushWord() {
            guard !word.isEmpty else { return }
            if !plain.isEmpty { parent.addText(plain) }
            plain = ""
            parent.element("span", ["class": "keep-all"], text: word)
            word = ""
        }
        for character in text {
            if XHTMLContext.isHangul(character) || (!word.isEmpty && !character.isWhitespace && !isBreakable(character)) {
                word.append(character)
            } else {
                flushWord()
                plain.append(character)
            }
        }
        flushWord()
        if !plain.isEmpty { parent.addText(plain) }
    }

    /// Punctuation after which a line may break inside a run of characters (a slash, a
    /// dash), which ends a Korean word's span.
    private func isBreakable(_ character: Character) -> Bool { "/\u{2014}\u{2013}-".contains(character) }

    /// Whether `text` may hold Hangul: its UTF-8 has a lead byte of U+A000–U+DFFF (quick to
    /// see in the bytes, and rare in other text).
    static func mayHoldHangul(_ text: String) -> Bool {
        text.utf8.contains { (0xEA...0xED).contains($0) || $0 == 0xE1 || $0 == 0xE3 }
    }

    static func isHangul(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first?.value else { return false }
        return (0xAC00...0xD7A3).contains(scalar) || (0x1100...0x11FF).contains(scalar) || (0x3130...0x318F).contains(scalar)
    }

    /// `text` with a word joiner after each hyphen inside a word that starts with a capital
    /// ("Jong-un" in "Kim Jong-un", "Jong-il"), so that no line ends there.
    static func joiningNameHyphens(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "-")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        var wordStartsCapital = false
        var previous: Character = " "
        for character in text {
            if !previous.isLetter && !previous.isNumber && previous != "-" { wordStartsCapital = character.isUppercase }
            result.append(character)
            if character == "-", wordStartsCapital, previous.isLetter { result.append("\u{2060}") }
            previous = character
        }
        return result
    }
}
