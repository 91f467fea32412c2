import ReportModel

/// The direction a paragraph reads in, decided as HTML's `dir="auto"` and Unicode's
/// bidirectional algorithm (rules P2 and P3) decide it: by its first strong character.
/// A paragraph that opens in Hebrew or Arabic reads right to left, and the editions that
/// can say so (XHTML, the e-book, DocBook) mark it, so that it is set from the right.
public enum TextDirection {
    /// Whether the first letter of `inlines` (numbers and punctuation are passed over) is
    /// of a right-to-left script.
    public static func isRightToLeft(_ inlines: [Inline]) -> Bool {
        var found: Bool?
        firstStrong(in: inlines, found: &found)
        return found ?? false
    }

    private static func firstStrong(in inlines: [Inline], found: inout Bool?) {
        for inline in inlines where found == nil {
            switch inline {
            case .text(let text), .code(let text): found = strongDirection(of: text)
            case .emphasis(let content), .strong(let content), .strikethrough(let content): firstStrong(in: content, found: &found)
            case .link(let link): firstStrong(in: link.content, found: &found)
            case .crossReference(let reference): firstStrong(in: reference.content, found: &found)
            case .image, .lineBreak, .footnoteReference: break
            }
        }
    }

    /// `text` cut where its direction changes: each piece with whether it is right to left,
    /// for an edition that marks each run's direction (the Word edition's `w:rtl`). Letters
    /// decide; numbers, spaces and punctuation between two letters of one direction take
    /// theirs, and elsewhere (between the two directions, at either end) take `base`, the
    /// direction of the text around them, as Unicode's bidirectional algorithm resolves
    /// them (rules N1, N2). A text with no right-to-left letter is one left-to-right piece,
    /// unless it has no letter at all (a heading's number) and `base` is right to left.
    public static func pieces(of text: String, base: Bool = false) -> [(text: Substring, rightToLeft: Bool)] {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: isRightToLeft) else {
            return [(text[...], base && !scalars.contains { $0.properties.isAlphabetic })]
        }
        // Each scalar's strong direction (nil for a neutral), then the neutrals resolved.
        let indices = Array(scalars.indices)
        var directions: [Bool?] = indices.map { index in
            let scalar = scalars[index]
            return isRightToLeft(scalar) ? true : scalar.properties.isAlphabetic ? false : nil
        }
        var position = 0
        while position < directions.count {
            guard directions[position] == nil else {
                position += 1
                continue
            }
            var end = position
            while end < directions.count, directions[end] == nil { end += 1 }
            let before = position > 0 ? directions[position - 1] : nil
            let after = end < directions.count ? directions[end] : nil
            let resolved = before != nil && before == after ? before! : base
            for index in position..<end { directions[index] = resolved }
            position = end
        }
        var pieces: [(text: Substring, rightToLeft: Bool)] = []
        var start = 0
        for position in 1...indices.count where position == indices.count || directions[position] != directions[start] {
            let upper = position == indices.count ? text.endIndex : indices[position]
            pieces.append((Substring(scalars[indices[start]..<upper]), directions[start] ?? base))
            start = position
        }
        return pieces
    }

    private static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: true
        default: false
        }
    }

    /// true for right to left, false for left to right, nil when `text` has no letter.
    private static func strongDirection(of text: String) -> Bool? {
        for scalar in text.unicodeScalars {
            if isRightToLeft(scalar) { return true }
            if scalar.properties.isAlphabetic { return false }
        }
        return nil
    }
}
