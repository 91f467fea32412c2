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

    /// Lines are built as UTF-8 bytes and made strings once, when full: appending words to
    /// a string one by one cost more than all the rest of the text edition.
    private func fill(_ text: Substring, first: String, rest: String) -> [String] {
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
        for word in Self.words(of: text) {
            let wordWidth = DisplayWidth.of(word)
            if !lineIsEmpty, lineWidth + 1 + wordWidth <= width {
                line.append(UInt8(ascii: " "))
                Self.append(word, to: &line)
                lineWidth += 1 + wordWidth
                continue
            }
            if !lineIsEmpty { newLine() }
            if lineWidth + wordWidth <= width {
                Self.append(word, to: &line)
                lineWidth += wordWidth
                lineIsEmpty = false
                continue
            }
            // Wider than a whole line: break it between grapheme clusters.
            for character in word {
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

    /// The pieces of `text` between line feeds, found in its bytes (a CR LF pair is one
    /// grapheme cluster, not a break, as a split on characters would have it).
    static func lines(of text: String) -> [Substring] {
        let whole = Substring(text)
        return splitOnBytes(whole, at: 0x0A, 0x0A) { bytes, offset in
            offset == 0 || bytes[offset - 1] != 0x0D
        }.map { whole[$0] }
    }

    /// The words of a line: the text between spaces and tabs. Split on UTF-8 bytes, which
    /// is many times faster than on grapheme clusters and gives the same words except where
    /// a space is the base of a cluster (a combining mark or joiner right after it): such a
    /// space is kept inside its word, as a split on clusters would. (A tab, a control
    /// character, never takes marks.)
    static func words(of text: Substring) -> [Substring] {
        splitOnBytes(text, at: 0x20, 0x09) { bytes, offset in
            // A tab, a control character, is always a cluster of its own.
            guard bytes[offset] == 0x20, offset + 1 < bytes.count, bytes[offset + 1] >= 0x80 else { return true }
            let next = text.utf8.index(text.startIndex, offsetBy: offset + 1)
            return !extendsCluster(text.unicodeScalars[next])
        }.compactMap { $0.isEmpty ? nil : text[$0] }
    }

    /// The ranges of `text` between the bytes `first` or `second` that `isSeparator` picks
    /// (ASCII bytes, so every range starts and ends on a character), read from the string's
    /// own storage.
    private static func splitOnBytes(
        _ text: Substring, at first: UInt8, _ second: UInt8, isSeparator: (UnsafeBufferPointer<UInt8>, Int) -> Bool
    ) -> [Range<String.Index>] {
        let utf8 = text.utf8
        let split = utf8.withContiguousStorageIfAvailable { bytes in
            var ranges: [Range<String.Index>] = []
            var start = text.startIndex
            for offset in bytes.indices where (bytes[offset] == first || bytes[offset] == second) && isSeparator(bytes, offset) {
                let separator = utf8.index(text.startIndex, offsetBy: offset)
                ranges.append(start..<separator)
                start = utf8.index(after: separator)
            }
            ranges.append(start..<text.endIndex)
            return ranges
        }
        // Only a string bridged from another encoding has no contiguous UTF-8: read a copy.
        guard let split else {
            let copy = Substring(String(text))
            return splitOnBytes(copy, at: first, second, isSeparator: isSeparator).map { range in
                let lower = utf8.index(text.startIndex, offsetBy: copy.utf8.distance(from: copy.startIndex, to: range.lowerBound))
                let upper = utf8.index(text.startIndex, offsetBy: copy.utf8.distance(from: copy.startIndex, to: range.upperBound))
                return lower..<upper
            }
        }
        return split
    }

    /// A scalar that joins the cluster before it (Unicode's Extend, ZWJ and SpacingMark).
    private static func extendsCluster(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isGraphemeExtend || scalar.value == 0x200D || scalar.properties.generalCategory == .spacingMark
    }

    /// Copies the word's bytes at once (a copy through the UTF-8 view's iterator goes a
    /// byte at a time).
    private static func append(_ word: Substring, to line: inout [UInt8]) {
        if word.utf8.withContiguousStorageIfAvailable({ line.append(contentsOf: $0) }) == nil {
            line.append(contentsOf: word.utf8)
        }
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
