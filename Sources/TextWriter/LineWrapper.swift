/// Fills text into lines no wider than a width.
///
/// Lines break only between words; a word wider than the line is broken hard, between
/// grapheme clusters. A prefix (indentation, a list marker) starts each line and counts
/// toward the width. Linear in the length of the text.
struct LineWrapper {
    let width: Int

    /// Wraps `text` (its `\n` are forced breaks) with `first` before the first line and
    /// `rest` before the others.
    func wrap(_ text: String, first: String = "", rest: String = "") -> [String] {
        var lines: [String] = []
        var isFirst = true
        for paragraph in Self.lines(of: text) {
            let prefix = isFirst ? first : rest
            lines += fill(paragraph, first: prefix, rest: rest)
            isFirst = false
        }
        return lines
    }

    /// Lines are built as UTF-8 bytes and made strings once, when full, and words are
    /// taken as byte ranges of the text: appending words to a string one by one, or making
    /// a substring of each, cost more than all the rest of the text edition.
    private func fill(_ text: Substring, first: String, rest: String) -> [String] {
        Self.withUTF8(of: text) { text, bytes in
            let first = fitted(first)
            let rest = fitted(rest)
            let restWidth = DisplayWidth.of(rest)
            var lines: [String] = []
            var line = Array(first.utf8)
            var lineWidth = DisplayWidth.of(first)
            var lineIsEmpty = true
            func newLine() {
                lines.append(String(decoding: line, as: UTF8.self))
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: rest.utf8)
                lineWidth = restWidth
                lineIsEmpty = true
            }
            for range in Self.wordRanges(of: text, bytes) {
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                let wordWidth = DisplayWidth.asciiWidth(of: word) ?? DisplayWidth.of(Self.substring(text, range))
                if !lineIsEmpty, lineWidth + 1 + wordWidth <= width {
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: word)
                    lineWidth += 1 + wordWidth
                    continue
                }
                if !lineIsEmpty { newLine() }
                if lineWidth + wordWidth <= width {
                    line.append(contentsOf: word)
                    lineWidth += wordWidth
                    lineIsEmpty = false
                    continue
                }
                // Wider than a whole line: break it between grapheme clusters.
                for character in Self.substring(text, range) {
                    let characterWidth = DisplayWidth.of(character)
                    if !lineIsEmpty, lineWidth + characterWidth > width { newLine() }
                    line.append(contentsOf: character.utf8)
                    lineWidth += characterWidth
                    lineIsEmpty = false
                }
            }
            lines.append(String(decoding: line, as: UTF8.self))
            return lines
        }
    }

    /// The pieces of `text` between line feeds, found in its bytes (a CR LF pair is one
    /// grapheme cluster, not a break, as a split on characters would have it).
    static func lines(of text: String) -> [Substring] {
        withUTF8(of: Substring(text)) { text, bytes in
            var pieces: [Substring] = []
            var start = 0
            for offset in bytes.indices where bytes[offset] == 0x0A && (offset == 0 || bytes[offset - 1] != 0x0D) {
                pieces.append(substring(text, start..<offset))
                start = offset + 1
            }
            pieces.append(substring(text, start..<bytes.count))
            return pieces
        }
    }

    /// The words of a line: the text between spaces and tabs. Split on UTF-8 bytes, which
    /// is many times faster than on grapheme clusters and gives the same words except where
    /// a space is the base of a cluster (a combining mark or joiner right after it): such a
    /// space is kept inside its word, as a split on clusters would. (A tab, a control
    /// character, never takes marks.)
    static func words(of text: Substring) -> [Substring] {
        withUTF8(of: text) { text, bytes in wordRanges(of: text, bytes).map { substring(text, $0) } }
    }

    /// The words of `text` (see `words(of:)`) as ranges of `bytes`, its UTF-8.
    private static func wordRanges(of text: Substring, _ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for offset in bytes.indices {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x09 else { continue }
            if byte == 0x20, offset + 1 < bytes.count, bytes[offset + 1] >= 0x80,
                extendsCluster(text.unicodeScalars[text.utf8.index(text.startIndex, offsetBy: offset + 1)])
            {
                continue
            }
            if start < offset { ranges.append(start..<offset) }
            start = offset + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return ranges
    }

    /// Calls `body` with the text and its UTF-8 bytes, read in place (a string bridged from
    /// another encoding, which has no such storage, is copied first).
    private static func withUTF8<T>(of text: Substring, _ body: (Substring, UnsafeBufferPointer<UInt8>) -> T) -> T {
        if let result = text.utf8.withContiguousStorageIfAvailable({ body(text, $0) }) { return result }
        let copy = Substring(String(text))
        return copy.utf8.withContiguousStorageIfAvailable { body(copy, $0) }!
    }

    /// The part of `text` at byte offsets `range` (which fall between characters' scalars).
    private static func substring(_ text: Substring, _ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        return text[utf8.index(text.startIndex, offsetBy: range.lowerBound)..<utf8.index(text.startIndex, offsetBy: range.upperBound)]
    }

    /// A scalar that joins the cluster before it (Unicode's Extend, ZWJ and SpacingMark).
    private static func extendsCluster(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar.value == 0x200D || scalar.properties.generalCategory == .spacingMark
    }

    /// A prefix leaves at least two columns for text (one wide character).
    private func fitted(_ prefix: String) -> String {
        var result = prefix
        while DisplayWidth.of(result) > width - 2, !result.isEmpty { result.removeLast() }
        return result
    }
}

extension String {
    /// Pads with spaces to `width` columns, text at the left, right or centre.
    func padded(to width: Int, alignment: TextAlignment = .left) -> String {
        let gap = max(0, width - DisplayWidth.of(self))
        switch alignment {
        case .left: return self + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + self
        case .center: return String(repeating: " ", count: gap / 2) + self + String(repeating: " ", count: gap - gap / 2)
        }
    }
}

enum TextAlignment {
    case left, right, center
}
