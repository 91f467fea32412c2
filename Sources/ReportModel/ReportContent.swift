/// Some of a report's content: blocks, sections (with their subsections) and notes. The
/// walks over a report walk all of its content; an edition that writes a report in parts
/// (the e-book's documents) walks each part's.
public struct ReportContent: Sendable {
    public var blocks: [Block]
    public var sections: [Section]
    public var footnotes: [Footnote]

    public init(blocks: [Block] = [], sections: [Section] = [], footnotes: [Footnote] = []) {
        self.blocks = blocks
        self.sections = sections
        self.footnotes = footnotes
    }

    /// Calls `body` with every section in document order, depth first, without gathering
    /// them into an array, which for a large report would cost more than what the walks
    /// do with them. A walk with a stack of lists, so no nesting is too deep.
    public func forEachSection(_ body: (Section) throws -> Void) rethrows {
        var stack: [(list: [Section], next: Int)] = [(sections, 0)]
        while let top = stack.indices.last {
            let (list, index) = stack[top]
            guard index < list.count else {
                stack.removeLast()
                continue
            }
            stack[top].next += 1
            try body(list[index])
            if !list[index].subsections.isEmpty { stack.append((list[index].subsections, 0)) }
        }
    }

    /// Calls `body` with every block, in no particular order: the blocks,
    /// every section's blocks, footnotes, and the blocks nested in lists, quotes and
    /// analytic items. A walk with a stack, so neither deep nesting nor a long report
    /// costs more than its size.
    public func forEachBlock(_ body: (Block) throws -> Void) rethrows {
        var pending: [Block] = blocks
        for footnote in footnotes { pending += footnote.blocks }
        forEachSection { pending += $0.blocks }
        while let block = pending.popLast() {
            try body(block)
            switch block {
            case .paragraph, .code, .thematicBreak, .table, .figure: break
            case .list(let list): for item in list.items { pending += item.blocks }
            case .quote(let content): pending += content
            case .keyJudgments(let items): for item in items { pending += item.blocks }
            case .risks(let items): for item in items { pending += item.blocks }
            case .sources(let items): for item in items { pending += item.blocks }
            }
        }
    }

    /// How many levels the deepest block or inline nests in the blocks: lists, quotes,
    /// analytic items, emphasis, links and cross-references each one more (the sections and
    /// notes are not counted). A walk with a stack.
    public var nestingDepth: Int {
        enum Item {
            case block(Block)
            case inline(Inline)
        }
        var deepest = 0
        var pending: [(Item, Int)] = blocks.map { (.block($0), 0) }
        while let (item, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            switch item {
            case .block(let block):
                switch block {
                case .paragraph(let inlines): pending += inlines.map { (.inline($0), depth) }
                case .code, .thematicBreak: break
                case .table(let table):
                    pending += (table.caption ?? []).map { (.inline($0), depth + 1) }
                    for row in [table.header] + table.rows { for cell in row.cells { pending += cell.map { (.inline($0), depth + 1) } } }
                case .figure(let figure): pending += figure.caption.map { (.inline($0), depth + 1) }
                case .list(let list): for item in list.items { pending += item.blocks.map { (.block($0), depth + 1) } }
                case .quote(let content): pending += content.map { (.block($0), depth + 1) }
                case .keyJudgments(let items):
                    for item in items { pending += item.blocks.map { (.block($0), depth + 1) } + item.title.map { (.inline($0), depth + 1) } }
                case .risks(let items):
                    for item in items { pending += item.blocks.map { (.block($0), depth + 1) } + item.title.map { (.inline($0), depth + 1) } }
                case .sources(let items): for item in items { pending += item.blocks.map { (.block($0), depth + 1) } }
                }
            case .inline(let inline):
                switch inline {
                case .text, .code, .image, .lineBreak, .footnoteReference: break
                case .emphasis(let content), .strong(let content), .strikethrough(let content):
                    pending += content.map { (.inline($0), depth + 1) }
                case .link(let link): pending += link.content.map { (.inline($0), depth + 1) }
                case .crossReference(let reference): pending += reference.content.map { (.inline($0), depth + 1) }
                }
            }
        }
        return deepest
    }

    /// Calls `body` with every inline, nested ones included, in no
    /// particular order.
    public func forEachInline(_ body: (Inline) throws -> Void) rethrows {
        var pending: [Inline] = []
        func walk(_ inlines: [Inline]) throws {
            pending += inlines
            while let inline = pending.popLast() {
                try body(inline)
                switch inline {
                case .text, .code, .image, .lineBreak, .footnoteReference: break
                case .emphasis(let content), .strong(let content), .strikethrough(let content): pending += content
                case .link(let link): pending += link.content
                case .crossReference(let reference): pending += reference.content
                }
            }
        }
        try forEachSection { try walk($0.title) }
        try forEachBlock { block in
            switch block {
            case .paragraph(let inlines): try walk(inlines)
            case .list, .quote, .code, .thematicBreak, .sources: break
            case .table(let table):
                try walk(table.caption ?? [])
                for row in [table.header] + table.rows { for cell in row.cells { try walk(cell) } }
            case .figure(let figure): try walk(figure.caption)
            case .keyJudgments(let items): for item in items { try walk(item.title) }
            case .risks(let items): for item in items { try walk(item.title) }
            }
        }
    }

    /// Every block (see `forEachBlock`).
    public var allBlocks: [Block] {
        var result: [Block] = []
        forEachBlock { result.append($0) }
        return result
    }

    /// Every inline (see `forEachInline`).
    public var allInlines: [Inline] {
        var result: [Inline] = []
        forEachInline { result.append($0) }
        return result
    }

    /// The id of every element that carries one (sections, figures, tables, list items,
    /// key judgments, risks, sources, footnotes), repeated if the content repeats it.
    public var identifierList: [String] {
        var ids = footnotes.map(\.id)
        forEachSection { ids.append($0.id) }
        forEachBlock { block in
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

    /// The ids the elements carry.
    public var identifiers: Set<String> { Set(identifierList) }
}

extension Report {
    /// All of the report's content: the lead, the sections and the notes.
    public var content: ReportContent { ReportContent(blocks: lead, sections: sections, footnotes: footnotes) }

    /// Every section in document order, depth first (see `ReportContent.forEachSection`).
    public func forEachSection(_ body: (Section) throws -> Void) rethrows { try content.forEachSection(body) }

    /// Every block of the report, in no particular order (see `ReportContent.forEachBlock`).
    public func forEachBlock(_ body: (Block) throws -> Void) rethrows { try content.forEachBlock(body) }

    /// Every inline of the report, in no particular order (see `ReportContent.forEachInline`).
    public func forEachInline(_ body: (Inline) throws -> Void) rethrows { try content.forEachInline(body) }

    public var allBlocks: [Block] { content.allBlocks }
    public var allInlines: [Inline] { content.allInlines }
    /// The id of every element that carries one, repeated if the report repeats it.
    public var identifierList: [String] { content.identifierList }
    public var identifiers: Set<String> { content.identifiers }
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
        let body = ReportContent(blocks: lead, sections: sections)
        var pending: [String] = []
        body.forEachInline { if case .footnoteReference(let label) = $0 { pending.append(label) } }
        var reached: Set<String> = []
        while let label = pending.popLast() {
            guard reached.insert(label).inserted, let note = notes[label] else { continue }
            pending += references(ReportContent(blocks: note.blocks).allInlines)
        }
        return reached
    }
}
