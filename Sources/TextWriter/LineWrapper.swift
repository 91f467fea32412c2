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
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
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
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
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
