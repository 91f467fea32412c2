import XMLSupport

extension XHTMLContext {
    /// Text by `XHTMLText.write`, names kept whole in print.
    func writeText(_ text: String, into parent: XMLElement) {
        XHTMLText.write(text, into: parent, keepingNamesWhole: keepsNamesWhole)
    }
}

/// How the XHTML editions set a run of text: the same rules for the body, the title page
/// and anything else the writers put in words.
public enum XHTMLText {
    /// Text, each Korean word in a `span class="keep-all"` and each run of emoji in a `span
    /// class="emoji"`. Korean breaks lines between words, not between syllables (CSS
    /// `word-break: keep-all`, which the style sheets give these spans, as WeasyPrint does not
    /// know the property on its own). Emoji are set in a colour emoji font named for those
    /// spans alone: a font stack that names one also takes digits, `#` and `*` from it (they
    /// are emoji bases). For print (`keepingNamesWhole`), names are joined at their hyphens
    /// (`XHTMLWriter.Options.keepsNamesWhole`).
    public static func write(_ text: String, into parent: XMLElement, keepingNamesWhole: Bool) {
        let text = keepingNamesWhole ? joiningNameHyphens(text) : text
        let hangul = mayHoldHangul(text)
        let emoji = holdsEmoji(text)
        guard hangul || emoji else { return parent.addText(text) }
        var run = ""
        var runClass: String?
        func flush() {
            guard !run.isEmpty else { return }
            if let runClass { parent.element("span", ["class": runClass], text: run) } else { parent.addText(run) }
            run = ""
        }
        for character in text {
            let kind: String?
            if emoji && isEmoji(character) {
                kind = "emoji"
            } else if hangul && (isHangul(character) || (runClass == "keep-all" && !character.isWhitespace && !isBreakable(character))) {
                kind = "keep-all"
            } else {
                kind = nil
            }
            if kind != runClass {
                flush()
                runClass = kind
            }
            run.append(character)
        }
        flush()
    }

    /// Punctuation after which a line may break inside a run of characters (a slash, a
    /// dash), which ends a Korean word's span.
    private static func isBreakable(_ character: Character) -> Bool { "/\u{2014}\u{2013}-".contains(character) }

    /// Whether `text` may hold Hangul: its UTF-8 has a lead byte of U+A000–U+DFFF (quick to
    /// see in the bytes, and rare in other text).
    static func mayHoldHangul(_ text: String) -> Bool {
        text.utf8.contains { (0xEA...0xED).contains($0) || $0 == 0xE1 || $0 == 0xE3 }
    }

    /// Whether `text` holds emoji: a scalar presented as an emoji by default (the first is
    /// U+231A) or U+FE0F, looked for only when its UTF-8 has a lead byte of U+2000 or above.
    static func holdsEmoji(_ text: String) -> Bool {
        text.utf8.contains { $0 >= 0xE2 }
            && text.unicodeScalars.contains { $0.value >= 0x231A && ($0.properties.isEmojiPresentation || $0.value == 0xFE0F) }
    }

    /// A character drawn as an emoji: one presented so by default ("🚢"), or one that asks
    /// for it with U+FE0F ("⚠️", "1️⃣").
    static func isEmoji(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return first.properties.isEmojiPresentation || character.unicodeScalars.contains("\u{FE0F}")
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
