import SharedWriting

/// ONIX names a language by ISO 639-2/B (list 74: `eng`, `fre`, `ger`), where a report's
/// `lang` is a BCP 47 tag (`en-GB`, `fr`).
enum LanguageCodes {
    /// The bibliographic code of the tag's language; `und` when it is none this table knows.
    static func bibliographic(for tag: String) -> String {
        let primary = Words.primaryLanguage(of: tag)
        return table[primary] ?? (table.values.contains(primary) ? primary : "und")
    }

    private static let table: [String: String] = [
        "ar": "ara", "bg": "bul", "bn": "ben", "ca": "cat", "cs": "cze", "cy": "wel", "da": "dan", "de": "ger", "el": "gre",
        "en": "eng", "es": "spa", "et": "est", "eu": "baq", "fa": "per", "fi": "fin", "fr": "fre", "ga": "gle", "he": "heb",
        "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "arm", "id": "ind", "is": "ice", "it": "ita", "ja": "jpn", "ka": "geo",
        "kk": "kaz", "ko": "kor", "lt": "lit", "lv": "lav", "mk": "mac", "ms": "may", "nb": "nob", "nl": "dut", "nn": "nno",
        "no": "nor", "pl": "pol", "ps": "pus", "pt": "por", "ro": "rum", "ru": "rus", "sk": "slo", "sl": "slv", "sq": "alb",
        "sr": "srp", "sv": "swe", "sw": "swa", "th": "tha", "tr": "tur", "uk": "ukr", "ur": "urd", "uz": "uzb", "vi": "vie",
        "zh": "chi",
    ]
}
