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

    private func fill(_ text: Substring, first: String, rest: String) -> [String] {
        let first = fitted(first)
        let rest = fitted(rest)
        var lines: [String] = []
        var line = first
        var lineWidth = DisplayWidth.of(first)
        var lineIsEmpty = true
        func newLine() {
            lines.append(line)
            line = rest
            lineWidth = DisplayWidth.of(rest)
            lineIsEmpty = true
        }
        for word in Self.words(of: text) {
            let wordWidth = DisplayWidth.of(word)
            if !lineIsEmpty, lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if !lineIsEmpty { newLine() }
            if lineWidth + wordWidth <= width {
                line += word
                lineWidth += wordWidth
                lineIsEmpty = false
                continue
            }
            // Wider than a whole line: break it between grapheme clusters.
            for character in word {
                let characterWidth = DisplayWidth.of(character)
                if !lineIsEmpty, lineWidth + characterWidth > width { newLine() }
                line.append(character)
                lineWidth += characterWidth
                lineIsEmpty = false
            }
        }
        lines.append(line)
        return lines
    }

    /// The pieces of `text` between line feeds, found in its bytes (a CR LF pair is one
    /// grapheme cluster, not a break, as a split on characters would have it).
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = text.startIndex
        var previous: UInt8 = 0
        var index = text.startIndex
        while index < text.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0x0A, previous != 0x0D {
                lines.append(text[start..<index])
                start = next
            }
            previous = byte
            index = next
        }
        lines.append(text[start..<text.endIndex])
        return lines
    }

    /// The words of a line: the text between spaces and tabs. Split on UTF-8 bytes, which
    /// is many times faster than on grapheme clusters and gives the same words except where
    /// a space is the base of a cluster (a combining mark or joiner right after it): such a
    /// space is kept inside its word, as a split on clusters would. (A tab, a control
    /// character, never takes marks.)
    static func words(of text: Substring) -> [Substring] {
        var words: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        let utf8 = text.utf8
        func isSeparator(_ index: String.Index) -> Bool {
            let byte = utf8[index]
            if byte == 0x09 { return true }  // a control character: always a cluster of its own
            guard byte == 0x20 else { return false }
            let next = utf8.index(after: index)
            guard next < text.endIndex, utf8[next] >= 0x80 else { return true }
            return !extendsCluster(text.unicodeScalars[next])
        }
        while index < text.endIndex {
            if isSeparator(index) {
                if start < index { words.append(text[start..<index]) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < text.endIndex { words.append(text[start..<text.endIndex]) }
        return words
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
