import ReportModel

/// How a cross-reference without words reads in its sentence. It shows its label
/// ("Table 3", see `Report.referenceLabels`); written after the word its label starts with
/// ("Table [](#tbl-x)"), it shows only the rest ("3"), and the space before it becomes a
/// no-break space, so that the sentence reads "Table 3", not "Table Table 3", and never
/// breaks between word and number.
public enum ReferenceWording {
    /// `inlines` with every wordless cross-reference that follows its label's first word
    /// given the rest of the label as its words. `labels` maps ids to labels; only labels
    /// that join a kind and a number (with `Report.labelSpace`) are shortened.
    public static func resolved(_ inlines: [Inline], labels: [String: String]) -> [Inline] {
        guard inlines.contains(where: isWordless) else { return inlines }
        var result = inlines
        for index in result.indices.dropFirst() {
            guard case .crossReference(let reference) = result[index], reference.content.isEmpty,
                case .text(let before) = result[index - 1],
                let label = labels[reference.target],
                let (word, rest) = split(label),
                let shortened = joined(before, to: word)
            else { continue }
            result[index - 1] = .text(shortened)
            result[index] = .crossReference(CrossReference(target: reference.target, content: [.text(rest)]))
        }
        return result
    }

    private static func isWordless(_ inline: Inline) -> Bool {
        if case .crossReference(let reference) = inline { return reference.content.isEmpty }
        return false
    }

    /// "Table", "3" from "Table\u{00A0}3".
    private static func split(_ label: String) -> (word: Substring, rest: String)? {
        guard let space = label.firstIndex(of: Report.labelSpace) else { return nil }
        return (label[..<space], String(label[label.index(after: space)...]))
    }

    /// `text` with its trailing space made a no-break space, when it ends with `word` (in
    /// any case) as a whole word and one space; else nil.
    private static func joined(_ text: String, to word: Substring) -> String? {
        guard let last = text.last, last == " " || last == Report.labelSpace else { return nil }
        let body = text.dropLast()
        guard let start = body.index(body.endIndex, offsetBy: -word.count, limitedBy: body.startIndex),
            body[start...].lowercased() == word.lowercased()
        else { return nil }
        if start > body.startIndex, body[body.index(before: start)].isLetter { return nil }
        return String(body) + String(Report.labelSpace)
    }
}
