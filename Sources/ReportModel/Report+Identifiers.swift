extension Report {
    /// Every id an element of the report carries: sections, figures, tables, list items,
    /// key judgments, risks, sources and footnotes.
    public var identifiers: Set<String> {
        var ids = Set(footnotes.map(\.id))
        var blocks: [Block] = lead + footnotes.flatMap(\.blocks)
        for section in allSections {
            ids.insert(section.id)
            blocks += section.blocks
        }
        while let block = blocks.popLast() {
            switch block {
            case .paragraph, .code, .thematicBreak: break
            case .list(let list):
                ids.formUnion(list.items.compactMap(\.id))
                blocks += list.items.flatMap(\.blocks)
            case .quote(let content): blocks += content
            case .table(let table): if let id = table.id { ids.insert(id) }
            case .figure(let figure): if let id = figure.id { ids.insert(id) }
            case .keyJudgments(let items):
                ids.formUnion(items.compactMap(\.id))
                blocks += items.flatMap(\.blocks)
            case .risks(let items):
                ids.formUnion(items.compactMap(\.id))
                blocks += items.flatMap(\.blocks)
            case .sources(let items):
                ids.formUnion(items.compactMap(\.id))
                blocks += items.flatMap(\.blocks)
            }
        }
        return ids
    }
}
