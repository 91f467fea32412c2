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

    /// true for right to left, false for left to right, nil when `text` has no letter.
    private static func strongDirection(of text: String) -> Bool? {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
            default: if scalar.properties.isAlphabetic { return false }
            }
        }
        return nil
    }
}
