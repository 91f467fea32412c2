extension Report {
    /// The text a cross-reference with empty link text shows for each id: "Figure 1",
    /// "Table 2", "Section 2, Risk Assessment", "Appendix A, Method", a key judgment's or
    /// risk's title, "Source 3", "Note 1". Every writer uses the same words. A label that
    /// names a kind and a number joins them with a no-break space (`Report.labelSpace`), so
    /// that a line never ends between them.
    public var referenceLabels: [String: String] { referenceLabels(only: nil) }

    /// The labels of the ids in `wanted` (of every id when nil): a large report has tens
    /// of thousands of ids, and only those its cross-references without words point to
    /// need a label (see `ReportIndex`).
    public func referenceLabels(only wanted: Set<String>?) -> [String: String] {
        var labels: [String: String] = [:]
        func label(_ id: String, _ text: @autoclosure () -> String) {
            if wanted?.contains(id) ?? true { labels[id] = text() }
        }
        forEachSection { section in label(section.id, Self.label(of: section)) }
        let space = Self.labelSpace
        for footnote in footnotes { label(footnote.id, "Note\(space)\(footnote.number)") }
        forEachBlock { block in
            switch block {
            case .table(let table): if let id = table.id { label(id, "Table\(space)\(table.number)") }
            case .figure(let figure): if let id = figure.id { label(id, "Figure\(space)\(figure.number)") }
            case .keyJudgments(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { label(id, item.title.isEmpty ? "Key judgment\(space)\(index + 1)" : item.title.plainText) }
                }
            case .risks(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { label(id, item.title.isEmpty ? "Risk\(space)\(index + 1)" : item.title.plainText) }
                }
            case .sources(let items):
                for (index, item) in items.enumerated() { if let id = item.id { label(id, "Source\(space)\(index + 1)") } }
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    if let id = item.id { label(id, list.ordered ? "item\(space)\(list.start + index)" : "the item “\(item.blocks.plainText.prefix(40))”") }
                }
            case .paragraph, .quote, .code, .thematicBreak: break
            }
        }
        return labels
    }

    /// What joins a label's kind and its number: U+00A0 NO-BREAK SPACE.
    public static let labelSpace: Character = "\u{00A0}"

    private static func label(of section: Section) -> String {
        let title = section.title.plainText
        switch (section.number, section.kind) {
        case (nil, _): return title
        case (let number?, .appendix) where !number.contains("."): return "Appendix\(labelSpace)\(number), \(title)"
        case (let number?, _): return "Section\(labelSpace)\(number), \(title)"
        }
    }
}
