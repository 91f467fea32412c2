/// The characters every edition may carry: what XML 1.0 allows in character data (§2.2:
/// tab, LF, CR, and every scalar from U+0020 except the noncharacters U+FFFE and U+FFFF)
/// less the controls it only discourages, DEL (U+007F) and the C1 controls (U+0080 to
/// U+009F), which EPUB and HTML checkers refuse and no reader can see. (Surrogates cannot
/// occur in a Swift string.)
public enum XMLCharacters {
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0x7E, 0xA0...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// The text with forbidden characters removed, and the ones removed; the common case
    /// (nothing to remove) costs one scan and no copy.
    public static func sanitized(_ text: String) -> (text: String, dropped: [Unicode.Scalar]) {
        guard hasForbidden(text.utf8) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var dropped: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isAllowed(scalar) { kept.append(scalar) } else { dropped.append(scalar) }
        }
        return (String(kept), dropped)
    }

    /// Whether UTF-8 text holds a character `isAllowed` refuses, read from its bytes: a C0
    /// control other than tab, line feed and carriage return is a byte below 0x20, DEL is
    /// 0x7F, a C1 control is C2 80 to C2 9F, U+FFFE and U+FFFF are EF BF BE and EF BF BF
    /// (valid UTF-8 holds no surrogates).
    ///
    /// Every text and attribute of every XML edition passes through here, so the scan reads
    /// the string's own storage when it can, rather than through its iterator.
    static func hasForbidden(_ utf8: String.UTF8View) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable(hasForbidden(in:)) { return found }
        return Array(utf8).withUnsafeBufferPointer(hasForbidden(in:))
    }

    /// The same, for UTF-8 bytes: the reader asks it of a whole report before parsing, so
    /// it looks at eight bytes at a time where none is a control character or beyond ASCII.
    public static func hasForbidden(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            if index + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
                // No byte below 0x20, none that is 0x7F, and none with the high bit set.
                let controls = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let delete = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let deletes = (delete &- 0x0101_0101_0101_0101) & ~delete & 0x8080_8080_8080_8080
                if controls == 0 && deletes == 0 && word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x9, byte != 0xA, byte != 0xD { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                return true
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return true
            }
            index += 1
        }
        return false
    }

    /// `U+0001`, as warnings name a character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
