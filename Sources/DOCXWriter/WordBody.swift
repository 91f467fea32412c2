import ReportModel
import SharedWriting
import XMLSupport

/// Writes the report's sections and blocks as WordprocessingML paragraphs and tables, into
/// the body, a table cell or a footnote.
struct WordBody {
    let context: WordContext
    var words: Words { context.words }

    /// Where a block is written: the paragraph style its paragraphs take (a quote's, a key
    /// judgment's), and the list level its paragraphs are indented to (0: none).
    struct Place {
        var style: String?
        var listLevel = 0
    }

    // MARK: - Paragraphs

    /// A new paragraph with its properties: style, numbering, keep with the next, set right
    /// to left (every paragraph of a right-to-left report, and one that opens in Arabic or
    /// Hebrew in another, `TextDirection`), unless `leftToRight` (code, in any report);
    /// `leaderTab`, a tab stop at the end of the line (at that many twips) led by dots.
    @discardableResult
    func paragraph(
        in parent: XMLElement, style: String? = nil, keepNext: Bool = false, numbering: (id: Int, level: Int)? = nil,
        rightToLeft: Bool = false, leftToRight: Bool = false, indent: Int? = nil, alignment: String? = nil, leaderTab: Int? = nil
    ) -> XMLElement {
        let paragraph = parent.element("w:p")
        let rightToLeft = !leftToRight && (rightToLeft || words.isRightToLeft)
        guard style != nil || keepNext || numbering != nil || rightToLeft || indent != nil || alignment != nil || leaderTab != nil else { return paragraph }
        let properties = paragraph.element("w:pPr")
        if let style { properties.property("w:pStyle", style) }
        if keepNext { properties.element("w:keepNext") }
        if let numbering {
            let numPr = properties.element("w:numPr")
            numPr.property("w:ilvl", String(numbering.level))
            numPr.property("w:numId", String(numbering.id))
        }
        if let leaderTab { properties.element("w:tabs").element("w:tab", ["w:val": "right", "w:leader": "dot", "w:pos": String(leaderTab)]) }
        if rightToLeft { properties.element("w:bidi") }
        if let indent { properties.element("w:ind", ["w:left": String(indent)]) }
        if let alignment { properties.property("w:jc", alignment) }
        return paragraph
    }

    /// The text of `blocks`' first paragraph (empty when they do not open with one), which
    /// goes into a paragraph of the caller's (a list item's number, a note's mark), and the
    /// blocks after it.
    static func opening(of blocks: ArraySlice<Block>) -> (opening: [Inline], rest: ArraySlice<Block>) {
        guard case .paragraph(let inlines) = blocks.first else { return ([], blocks) }
        return (inlines, blocks.dropFirst())
    }

    /// The indent of text inside a list item at `level` (1 and up), matching `NumberingPart`.
    static func listIndent(_ level: Int) -> Int? { level > 0 ? NumberingPart.indent(level: level - 1) : nil }

    // MARK: - Sections

    private func writeHeading(of section: Section, into body: XMLElement) {
        let level = min(max(section.level - 1, 1), 6)
        let heading = paragraph(in: body, style: "Heading\(level)", rightToLeft: TextDirection.isRightToLeft(section.title))
        context.addBookmark(section.id, to: heading)
        let untitled = section.title.plainText.allSatisfy(\.isWhitespace)
        let title = untitled && section.number == nil ? section.title + [.text(words[.untitledSection])] : section.title
        writeInlines((section.headingNumber(words).map { [Inline.text($0 + " ")] } ?? []) + title, into: heading)
    }

    /// The section as steps that each write a few paragraphs into the body: its heading,
    /// each of its blocks (each item of a list), then its subsections. The body is
    /// serialised and let go after each step, so its tree never holds more than the
    /// largest block: a section of 100,000 list items or tables would otherwise be held
    /// whole, at about a kilobyte a paragraph.
    func steps(for section: Section, into body: XMLElement) -> [() -> Void] {
        var steps: [() -> Void] = [{
            // A section that opens with a table too wide for the page begins on the table's
            // page on its side, heading and all (its subsection's heading too, when the
            // table opens that).
            turnPage(into: body, landscape: opensWithWideTable(section))
            writeHeading(of: section, into: body)
        }]
        steps += self.steps(for: section.blocks[...], into: body)
        for subsection in section.subsections { steps += self.steps(for: subsection, into: body) }
        return steps
    }

    /// Whether the section's first words are a table too wide for the page: its first
    /// block, or, when it has none, its first subsection's first words.
    private func opensWithWideTable(_ section: Section) -> Bool {
        if let first = section.blocks.first { return isWide(first) }
        return section.subsections.first.map(opensWithWideTable) ?? false
    }

    /// Blocks at the margin of the body as steps: one a block, a list's items one each.
    func steps(for blocks: ArraySlice<Block>, into body: XMLElement) -> [() -> Void] {
        var steps: [() -> Void] = []
        for block in blocks {
            guard case .list(let list) = block else {
                steps.append {
                    guard case .table(let table) = block else {
                        turnPage(into: body, landscape: false)
                        return write(block, into: body)
                    }
                    // A table is measured once: for its page, then for its columns.
                    let measured = columns(of: table)
                    turnPage(into: body, landscape: !measured.columns.fits(context.layout.textWidth))
                    write(table, measured: measured, into: body)
                }
                continue
            }
            var numbering = 0
            steps.append {
                turnPage(into: body, landscape: false)
                numbering = newNumbering(for: list, place: Place())
            }
            steps += list.items.map { item in { write(item, numbering: numbering, into: body, place: Place()) } }
        }
        return steps
    }

    // MARK: - Blocks

    func write(_ block: Block, into parent: XMLElement, place: Place = Place()) {
        switch block {
        case .paragraph(let inlines):
            let rightToLeft = TextDirection.isRightToLeft(inlines)
            streamInlines(inlines, into: paragraph(in: parent, style: place.style, rightToLeft: rightToLeft, indent: Self.listIndent(place.listLevel)))
        case .list(let list):
            write(list, into: parent, place: place)
        case .quote(let blocks):
            for block in blocks { write(block, into: parent, place: Place(style: "Quote", listLevel: place.listLevel)) }
        case .code(let code):
            writeCode(code.text, into: parent, place: place)
        case .thematicBreak:
            paragraph(in: parent, style: "HorizontalRule")
        case .table(let table):
            write(table, into: parent)
        case .figure(let figure):
            write(figure, into: parent, place: place)
        case .keyJudgments(let judgments):
            writeKeyJudgments(judgments, into: parent)
        case .risks(let risks):
            writeRisks(risks, into: parent)
        case .sources(let sources):
            writeSources(sources, into: parent)
        }
    }

    /// A list: each item's first paragraph numbered (or bulleted) at the list's level, the
    /// rest of the item indented to its text; a nested list one level deeper.
    private func write(_ list: ListBlock, into parent: XMLElement, place: Place) {
        let numbering = newNumbering(for: list, place: place)
        for item in list.items { write(item, numbering: numbering, into: parent, place: place) }
    }

    /// The numbering of a list at `place`'s level.
    private func newNumbering(for list: ListBlock, place: Place) -> Int {
        context.newNumbering(ordered: list.ordered, start: list.start, level: min(place.listLevel, 8))
    }

    private func write(_ item: ListItem, numbering: Int, into parent: XMLElement, place: Place) {
        let level = place.listLevel
        var (opening, blocks) = Self.opening(of: item.blocks[...])
        let first = paragraph(
            in: parent, style: place.style ?? "ListParagraph", numbering: (numbering, min(level, 8)),
            rightToLeft: TextDirection.isRightToLeft(opening))
        context.addBookmark(item.id, to: first)
        if let task = item.task { opening.insert(.text(task ? "☒ " : "☐ "), at: 0) }
        writeInlines(opening, into: first)
        for block in blocks {
            write(block, into: parent, place: Place(style: place.style ?? "ListParagraph", listLevel: level + 1))
        }
    }

    /// A code block: one paragraph, its lines apart by line breaks, in a monospace style.
    private func writeCode(_ text: String, into parent: XMLElement, place: Place) {
        let element = paragraph(in: parent, style: "SourceCode", leftToRight: true, indent: Self.listIndent(place.listLevel))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            if index > 0 { RunStyle().start(in: element).element("w:br") }
            RunStyle().run(String(line), into: element)
        }
    }

    // MARK: - Tables

    /// A table: its caption above it (kept with it), the header row repeated on every page.
    /// `measured`: the table's rows and columns as `columns(of:)` gives them, when the
    /// caller has them already.
    func write(_ table: Table, measured: (rows: [[[Block]]], columns: TableColumns)? = nil, into parent: XMLElement) {
        let (rows, columns) = measured ?? self.columns(of: table)
        guard !rows.isEmpty, columns.minimum.count > 0 else {
            writeCaption(of: table, into: parent)
            return
        }
        let alignments = columns.minimum.indices.map { $0 < table.alignments.count ? table.alignments[$0] : .none }
        writeTable(rows: rows, alignments: alignments, measured: columns, into: parent, caption: { parent in
            writeCaption(of: table, into: parent)
        })
    }

    /// A table's rows as cells of blocks (the header first), and its columns measured.
    private func columns(of table: Table) -> (rows: [[[Block]]], columns: TableColumns) {
        let rows = ([table.header] + table.rows).map { $0.cells.map { [Block.paragraph($0)] } }
        return (rows, TableColumns(rows: rows, columns: rows.map(\.count).max() ?? 0))
    }

    /// Whether `block` is a table whose words cannot fit the upright page.
    private func isWide(_ block: Block) -> Bool {
        guard case .table(let table) = block else { return false }
        return !columns(of: table).columns.fits(context.layout.textWidth)
    }

    /// Sets the page for the body's next block: on its side for a wide table, upright for
    /// anything else. The page break or the end of a section on its side that waits
    /// (`WordContext.pendingTurn`) is written now, or left out where a section break
    /// begins the new page anyway, so that no page is left empty.
    func turnPage(into body: XMLElement, landscape: Bool) {
        switch (context.isLandscape, landscape) {
        case (false, true):
            // The upright section ends here; its end begins the table's page.
            sectionBreak(in: body, landscape: false)
        case (true, true):
            // Another wide table on the same pages, a paragraph between the two.
            if context.pendingTurn == .landscapeEnd { paragraph(in: body, style: "Compact") }
        case (true, false):
            sectionBreak(in: body, landscape: true)
        case (false, false):
            if context.pendingTurn == .pageBreak {
                RunStyle().start(in: paragraph(in: body, style: "Compact")).element("w:br", ["w:type": "page"])
            }
        }
        context.isLandscape = landscape
        context.pendingTurn = .none
    }

    /// The end of the body: its last section's page (on its side when it ends with a wide
    /// table, a paragraph after it); a page break that waits is dropped.
    func finish(into body: XMLElement) {
        if context.isLandscape { paragraph(in: body, style: "Compact") }
        writeSection(into: body, landscape: context.isLandscape)
    }

    /// A section's properties; the first section opens with the title page, when there is one.
    private func writeSection(into parent: XMLElement, landscape: Bool) {
        let first = context.sections == 0
        context.sections += 1
        context.layout.writeSection(
            into: parent, landscape: landscape, opensWithTitlePage: first && !landscape && context.report.metadata.titlePage != false)
    }

    private func writeCaption(of table: Table, into parent: XMLElement) {
        guard let caption = table.caption else { return }
        let element = paragraph(in: parent, style: "Caption", keepNext: true)
        context.addBookmark(table.id, to: element)
        RunStyle(bold: true).run(words.caption(.table, number: table.number), into: element)
        writeInlines([.text(" ")] + caption, into: element)
    }

    /// A table of `rows` (the first the header row), each cell's blocks, after `caption`
    /// (what goes above it). Its columns are as wide as their content asks
    /// (`TableColumns`: `measured`, when the caller has measured them), within the page on its side when `turnPage` has turned it for this
    /// table. No row splits across pages; `keepTogether` keeps the whole table on one page
    /// with what follows it. `shading` colours a cell (by row and column), `bookmarks`
    /// marks a row's first cell as the place of an id.
    func writeTable(
        rows: [[[Block]]], alignments: [ColumnAlignment], measured: TableColumns? = nil, into parent: XMLElement,
        keepTogether: Bool = false, shading: ((Int, Int) -> String?)? = nil, bookmarks: [Int: String] = [:],
        caption: ((XMLElement) -> Void)? = nil
    ) {
        let columns = alignments.count
        let measured = measured ?? TableColumns(rows: rows, columns: columns)
        let layout = context.layout
        let landscape = context.isLandscape && parent.name == "body"
        caption?(parent)
        let widths = measured.widths(within: landscape ? layout.landscapeTextWidth : layout.textWidth)
        let element = parent.element("w:tbl")
        let properties = element.element("w:tblPr")
        properties.property("w:tblStyle", "TableGrid")
        // A right-to-left report's tables start at the right: the first column is the rightmost.
        if words.isRightToLeft { properties.element("w:bidiVisual") }
        properties.element("w:tblW", ["w:w": "5000", "w:type": "pct"])
        properties.property("w:tblLayout", "fixed")
        properties.element("w:tblLook", ["w:val": "04A0", "w:firstRow": "1", "w:lastRow": "0", "w:firstColumn": "0", "w:lastColumn": "0", "w:noHBand": "0", "w:noVBand": "1"])
        let grid = element.element("w:tblGrid")
        for width in widths { grid.element("w:gridCol", ["w:w": String(width)]) }
        // Rows are added as the table is written: a table of 50,000 rows is never whole in the tree.
        element.streamChildren(adding: rows.enumerated()) { rowIndex, cells in
            let row = element.element("w:tr")
            let rowProperties = row.element("w:trPr")
            rowProperties.element("w:cantSplit")
            if rowIndex == 0 { rowProperties.element("w:tblHeader") }
            for column in 0..<columns {
                let cell = row.element("w:tc")
                let cellProperties = cell.element("w:tcPr")
                cellProperties.element("w:tcW", ["w:w": String(widths[column]), "w:type": "dxa"])
                if let fill = shading?(rowIndex, column) {
                    cellProperties.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
                }
                let blocks = column < cells.count ? cells[column] : []
                let alignment: String? =
                    switch alignments[column] {
                    case .center: "center"
                    case .right: "right"
                    case .left, .none: nil
                    }
                var bookmark = column == 0 ? bookmarks[rowIndex] : nil
                for block in blocks {
                    guard case .paragraph(let inlines) = block else {
                        write(block, into: cell)
                        continue
                    }
                    let cellParagraph = paragraph(in: cell, style: "Compact", keepNext: keepTogether, alignment: alignment)
                    context.addBookmark(bookmark, to: cellParagraph)
                    bookmark = nil
                    writeInlines(inlines, into: cellParagraph, style: RunStyle(bold: rowIndex == 0))
                }
                // A cell ends with a paragraph.
                if blocks.isEmpty || bookmark != nil || !(blocks.last.map(\.isParagraph) ?? false) {
                    context.addBookmark(bookmark, to: paragraph(in: cell, style: "Compact", keepNext: keepTogether))
                }
            }
        }
        // Word needs a paragraph between two tables, or after a table that ends a cell; after
        // a table on its side, the paragraph that ends its section (`turnPage`) is that one.
        if landscape { context.pendingTurn = .landscapeEnd } else { paragraph(in: parent, style: "Compact") }
    }

    /// An empty paragraph that ends the section before it, whose page (upright or on its
    /// side) it gives.
    private func sectionBreak(in parent: XMLElement, landscape: Bool) {
        let properties = parent.element("w:p").element("w:pPr")
        properties.property("w:pStyle", "Compact")
        writeSection(into: properties, landscape: landscape)
    }
}

extension Block {
    fileprivate var isParagraph: Bool {
        if case .paragraph = self { true } else { false }
    }
}
