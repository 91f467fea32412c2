import CUnistring

/// How many terminal columns text takes, measured per grapheme cluster with GNU
/// libunistring's `uc_width` (Unicode East Asian Width): Hangul and CJK take two columns,
/// emoji two, combining marks none.
enum DisplayWidth {
    /// The width of one grapheme cluster: its widest scalar (so a base letter with
    /// combining marks is one column, a Hangul syllable built from jamo two), and two for
    /// any cluster in emoji presentation.
    static func of(_ character: Character) -> Int {
        if character.isASCII { return character == "\t" ? 1 : (character.asciiValue! < 0x20 ? 0 : 1) }
        var widest = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F || scalar.properties.isEmojiPresentation { return 2 }
            widest = max(widest, Int(uc_width(ucs4_t(scalar.value), "UTF-8")))
        }
        return min(2, widest)
    }

    static func of(_ text: some StringProtocol) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The width of ASCII text, read from its bytes (a column each, none for control
    /// characters but tab), or nil when it is not ASCII. Most report text is; measuring it
    /// without breaking it into grapheme clusters is many times faster.
    static func asciiWidth(_ text: some StringProtocol) -> Int? {
        if let width = text.utf8.withContiguousStorageIfAvailable(asciiWidth(of:)) { return width }
        return Array(text.utf8).withUnsafeBufferPointer(asciiWidth(of:))
    }

    static func asciiWidth(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var total = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 || byte == 0x09 { total += 1 }
        }
        return total
    }
}
