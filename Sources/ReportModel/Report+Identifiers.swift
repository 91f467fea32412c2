extension Report {
    /// Every block of the report, in no particular order: the lead, every section's blocks,
    /// footnotes, and the blocks nested in lists, quotes and analytic items.
    public var allBlocks: [Block] {
        var pending: [Block] = lead + footnotes.flatMap(\.blocks) + allSections.flatMap(\.blocks)
        var result: [Block] = []
        while let block = pending.popLast() {
            result.append(block)
            switch block {
            case .paragraph, .code, .thematicBreak, .table, .figure: break
            case .list(let list): pending += list.items.flatMap(\.blocks)
            case .quote(let content): pending += content
            case .keyJudgments(let items): pending += items.flatMap(\.blocks)
            case .risks(let items): pending += items.flatMap(\.blocks)
            case .sources(let items): pending += items.flatMap(\.blocks)
            }
        }
        return result
    }

    /// Every inline of the report, nested ones included, in no particular order.
    public var allInlines: [Inline] {
        var pending: [Inline] = allSections.flatMap(\.title)
        for block in allBlocks {
            switch block {
            case .paragraph(let inlines): pending += inlines
            case .list, .quote, .code, .thematicBreak, .sources: break
            case .table(let table):
                pending += (table.caption ?? []) + ([table.header] + table.rows).flatMap { $0.cells.flatMap { $0 } }
            case .figure(let figure): pending += figure.caption
            case .keyJudgments(let items): pending += items.flatMap(\.title)
            case .risks(let items): pending += items.flatMap(\.title)
            }
        }
        var result: [Inline] = []
        while let inline = pending.popLast() {
            result.append(inline)
            switch inline {
            case .text, .code, .image, .lineBreak, .footnoteReference: break
            case .emphasis(let content), .strong(let content), .strikethrough(let content): pending += content
            case .link(let link): pending += link.content
            case .crossReference(let reference): pending += reference.content
            }
        }
        return result
    }

    /// The id of every element that carries one (sections, figures, tables, list items,
    /// key judgments, risks, sources, footnotes), repeated if the report repeats it.
    public var identifierList: [String] {
        var ids = footnotes.map(\.id) + allSections.map(\.id)
        for block in allBlocks {
            switch block {
            case .paragraph, .code, .thematicBreak, .quote: break
            case .list(let list): ids += list.items.compactMap(\.id)
            case .table(let table): ids += [table.id].compactMap { $0 }
            case .figure(let figure): ids += [figure.id].compactMap { $0 }
            case .keyJudgments(let items): ids += items.compactMap(\.id)
            case .risks(let items): ids += items.compactMap(\.id)
            case .sources(let items): ids += items.compactMap(\.id)
            }
        }
        return ids
    }

    /// The ids elements of the report carry.
    public var identifiers: Set<String> { Set(identifierList) }
}

extension Report {
    /// The labels of the footnotes a reader can reach: referred to from the body, or from a
    /// note so reached. The others appear in no edition.
    public var reachableFootnoteLabels: Set<String> {
        func references(_ inlines: [Inline]) -> [String] {
            inlines.compactMap { inline in
                if case .footnoteReference(let label) = inline { return label } else { return nil }
            }
        }
        let notes = footnotesByLabel
        var body = self
        body.footnotes = []
        var pending = references(body.allInlines)
        var reached: Set<String> = []
        while let label = pending.popLast() {
            guard reached.insert(label).inserted, let note = notes[label] else { continue }
            pending += references(Report(metadata: metadata, lead: note.blocks).allInlines)
        }
        return reached
    }
}
