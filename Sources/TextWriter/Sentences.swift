import ReportModel

/// Where a paragraph's sentences end, for the brief's cuts: after `.`, `!` or `?` (and
/// closing quotes) followed by a space, but not after an abbreviation (see
/// `isAbbreviation`); after `。！？` and the Arabic question mark anywhere. Found in the
/// text runs, emphasis and links included.
enum Sentences {
    /// How many sentences the inlines hold (a last one without its full stop counts).
    static func count(in inlines: [Inline]) -> Int {
        var count = 0
        var pending = false
        walk(inlines) { ended in
            if ended { count += 1; pending = false } else { pending = true }
            return true
        }
        return count + (pending ? 1 : 0)
    }

    /// The inlines up to the end of their `count`th sentence.
    static func first(_ count: Int, of inlines: [Inline]) -> [Inline] {
        var remaining = count
        return cut(inlines, remaining: &remaining)
    }

    private static let wideEnds: Set<Character> = ["。", "！", "？", "؟"]
    private static let ends: Set<Character> = [".", "!", "?"]

    /// The end of the first sentence in `text` at or after `start`: the index after its
    /// mark (and closing quotes or brackets), or nil.
    private static func end(in text: String, from start: String.Index) -> String.Index? {
        var index = start
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if wideEnds.contains(character) { return closing(text, from: next) }
            if ends.contains(character) {
                let after = closing(text, from: next)
                let followedBySpace = after == text.endIndex || text[after].isWhitespace
                if followedBySpace && !(character == "." && isAbbreviation(text, before: index, next: after)) { return after }
            }
            index = next
        }
        return nil
    }

    private static let closingMarks: Set<Character> = ["\"", "'", "”", "’", "“", "‘", "»", "›", ")", "]", "」", "』"]

    /// Past the closing quotes and brackets after a sentence's mark (and the no-break
    /// space a French closing guillemet stands after).
    private static func closing(_ text: String, from index: String.Index) -> String.Index {
        var index = index
        while index < text.endIndex {
            if closingMarks.contains(text[index]) {
                index = text.index(after: index)
            } else if "\u{202F}\u{00A0}".contains(text[index]), text.index(after: index) < text.endIndex,
                closingMarks.contains(text[text.index(after: index)])
            {
                index = text.index(after: index)
            } else {
                break
            }
        }
        return index
    }

    /// Titles and labels written with a full stop before a name or a number.
    private static let titles: Set<String> = [
        "Dr", "Mr", "Mrs", "Ms", "St", "Sr", "Jr", "No", "Nr", "Gen", "Col", "Lt", "Sgt", "Capt", "Prof", "Rev", "Vol", "Fig",
        "Art", "Mme", "Mlle", "Me", "Hr", "Fr", "Bd", "Abs",
    ]

    /// Whether the full stop at `index` ends an abbreviation rather than a sentence: after
    /// a lone capital ("U.S.", "J. Smith"), after a title ("Dr.", "St.", "No."), or after a
    /// short lower-case word when the next word is in lower case or a number ("e.g.
    /// crude", "ca. 5", "p. ex."), since a sentence begins with neither.
    private static func isAbbreviation(_ text: String, before index: String.Index, next: String.Index) -> Bool {
        var start = index
        while start > text.startIndex, text[text.index(before: start)].isLetter { start = text.index(before: start) }
        let word = text[start..<index]
        guard let first = word.first else { return false }
        if word.count == 1 && first.isUppercase { return true }
        if titles.contains(String(word)) { return true }
        guard word.count <= 6, word.allSatisfy(\.isLowercase) else { return false }
        let following = text[next...].drop { $0.isWhitespace }.first
        return following.map { $0.isLowercase || $0.isNumber } ?? false
    }

    /// Calls `visit` for each sentence end (true) and each run of text with no end (false),
    /// in order; stops when `visit` returns false.
    @discardableResult
    private static func walk(_ inlines: [Inline], _ visit: (Bool) -> Bool) -> Bool {
        for inline in inlines {
            switch inline {
            case .text(let text):
                var start = text.startIndex
                while let end = end(in: text, from: start) {
                    guard visit(true) else { return false }
                    start = end
                }
                if text[start...].contains(where: { !$0.isWhitespace }) { guard visit(false) else { return false } }
            case .emphasis(let children), .strong(let children), .strikethrough(let children):
                guard walk(children, visit) else { return false }
            case .link(let link):
                guard walk(link.content, visit) else { return false }
            default:
                guard visit(false) else { return false }
            }
        }
        return true
    }

    /// The inlines up to the end of the `remaining`th sentence, counting it down.
    private static func cut(_ inlines: [Inline], remaining: inout Int) -> [Inline] {
        var kept: [Inline] = []
        for inline in inlines {
            guard remaining > 0 else { break }
            switch inline {
            case .text(let text):
                var start = text.startIndex
                while remaining > 0, let end = end(in: text, from: start) {
                    remaining -= 1
                    start = end
                }
                kept.append(.text(remaining == 0 ? String(text[..<start]) : text))
            case .emphasis(let children): kept.append(.emphasis(cut(children, remaining: &remaining)))
            case .strong(let children): kept.append(.strong(cut(children, remaining: &remaining)))
            case .strikethrough(let children): kept.append(.strikethrough(cut(children, remaining: &remaining)))
            case .link(var link):
                link.content = cut(link.content, remaining: &remaining)
                kept.append(.link(link))
            default:
                kept.append(inline)
            }
        }
        return kept
    }
}
