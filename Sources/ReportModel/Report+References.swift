extension Report {
    /// The text a cross-reference with empty link text shows for each id: "Figure 1",
    /// "Table 2", "Section 2, Risk Assessment", "Appendix A, Method", a key judgment's or
    /// risk's title, "Source 3", "Note 1". Every writer uses the same words.
    public var referenceLabels: [String: String] {
        var labels: [String: String] = [:]
        forEachSection { section in
            let title = section.title.plainText
            switch (section.number, section.kind) {
            case (nil, _): labels[section.id] = title
            case (let number?, .appendix) where !number.contains("."): labels[section.id] = "Appendix \(number), \(title)"
            case (let number?, _): labels[section.id] = "Section \(number), \(title)"
            }
        }
        for footnote in footnotes { labels[footnote.id] = "Note \(footnote.number)" }
        forEachBlock { block in
            switch block {
            case .table(let table): if let id = table.id { labels[id] = "Table \(table.number)" }
            case .figure(let figure): if let id = figure.id { labels[id] = "Figure \(figure.number)" }
            case .keyJudgments(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { labels[id] = item.title.isEmpty ? "Key judgment \(index + 1)" : item.title.plainText }
                }
            case .risks(let items):
                for (index, item) in items.enumerated() {
                    if let id = item.id { labels[id] = item.title.isEmpty ? "Risk \(index + 1)" : item.title.plainText }
                }
            case .sources(let items):
                for (index, item) in items.enumerated() { if let id = item.id { labels[id] = "Source \(index + 1)" } }
            case .list(let list):
                for (index, item) in list.items.enumerated() {
                    if let id = item.id { labels[id] = list.ordered ? "item \(list.start + index)" : "the item “\(item.blocks.plainText.prefix(40))”" }
                }
            case .paragraph, .quote, .code, .thematicBreak: break
            }
        }
        return labels
    }
}
