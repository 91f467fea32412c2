/// Pandoc's extensions that Report Markdown does not have. Their text is kept as written
/// (a math span's backslashes included); each kind is reported once per report, at the
/// first place it is seen, with what to write instead.
enum PandocSyntax: Hashable {
    case math, citation, fencedDiv, definitionList

    var warning: String {
        switch self {
        case .math:
            "TeX math ('$…$') is not part of Report Markdown: it is kept as literal text; write the formula in "
                + "a code span (`…`) or as an image"
        case .citation:
            "Pandoc citations ('[@key]') are not part of Report Markdown: they are kept as literal text; cite in a "
                + "footnote ([^1]) or list the work in a sources section (## Sources {.sources})"
        case .fencedDiv:
            "Pandoc fenced divs (':::') are not part of Report Markdown: the colons are kept as literal text; "
                + "give a heading an attribute block instead (## Title {.class})"
        case .definitionList:
            "definition lists (a line starting ': ' under a term) are not part of Report Markdown: they are kept "
                + "as a paragraph; write a list of '**Term**: definition' items instead"
        }
    }

    /// The kinds a run of text shows: math, citations.
    static func inText(_ text: String) -> [PandocSyntax] {
        let bytes = text.utf8
        var kinds: [PandocSyntax] = []
        if bytes.contains(UInt8(ascii: "$")), containsMath(bytes) { kinds.append(.math) }
        if bytes.contains(UInt8(ascii: "@")), text.contains("[@") || text.contains("[-@") { kinds.append(.citation) }
        return kinds
    }

    /// The kind a paragraph's first text shows (a fenced div or a definition), if any.
    static func atParagraphStart(_ text: String) -> PandocSyntax? {
        if text.hasPrefix(":::") { return .fencedDiv }
        if text.hasPrefix(": ") || text.hasPrefix(":\t") || text.hasPrefix("~ ") { return .definitionList }
        return nil
    }

    private static func containsMath(_ bytes: String.UTF8View) -> Bool {
        !mathSpans(in: Array(bytes)).isEmpty
    }

    /// The spans of `text` that Pandoc reads as TeX math, dollars included: a `$` with a
    /// non-space after it, up to the next `$` with a non-space before it and no digit
    /// after it; or `$$…$$`.
    static func mathSpans(in text: [UInt8]) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var index = 0
        while index < text.count {
            guard text[index] == UInt8(ascii: "$") else {
                index += 1
                continue
            }
            let display = index + 1 < text.count && text[index + 1] == UInt8(ascii: "$")
            let start = index + (display ? 2 : 1)
            guard start < text.count, !isSpace(text[start]), text[start] != UInt8(ascii: "$") else {
                index = start
                continue
            }
            var end = start + 1
            var closed: Int?
            while end < text.count, closed == nil {
                let closes =
                    text[end] == UInt8(ascii: "$") && !isSpace(text[end - 1])
                    && (display ? end + 1 < text.count && text[end + 1] == UInt8(ascii: "$")
                        : end + 1 == text.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[end + 1]))
                if closes { closed = end + (display ? 2 : 1) } else { end += 1 }
            }
            guard let closed else { return spans }
            spans.append(index..<closed)
            index = closed
        }
        return spans
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
}

extension UInt8 {
    /// CommonMark's ASCII punctuation: the characters a backslash escapes.
    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
}
