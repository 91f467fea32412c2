/// What XML 1.0 allows in character data (§2.2): tab, LF, CR, and every scalar from
/// U+0020 except the noncharacters U+FFFE and U+FFFF. (Surrogates cannot occur in a
/// Swift string.)
enum XMLCharacters {
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text with forbidden characters removed, and the ones removed; the common case
    /// (nothing to remove) costs one scan and no copy.
    static func sanitized(_ text: String) -> (text: String, dropped: [Unicode.Scalar]) {
        guard hasForbidden(text.utf8) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var dropped: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { kept.append(scalar) } else { dropped.append(scalar) }
        }
        return (String(kept), dropped)
    }

    /// Whether UTF-8 text holds a character XML forbids, read from its bytes: a control
    /// character other than tab, line feed and carriage return is a byte below 0x20;
    /// U+FFFE and U+FFFF are EF BF BE and EF BF BF (valid UTF-8 holds no surrogates).
    static func hasForbidden(_ utf8: String.UTF8View) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in utf8 {
            if byte < 0x20, byte != 0x9, byte != 0xA, byte != 0xD { return true }
            if (byte == 0xBE || byte == 0xBF), previous == (0xEF, 0xBF) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// `U+0001`, as warnings name a character.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
