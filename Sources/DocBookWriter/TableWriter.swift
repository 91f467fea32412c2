import ReportModel
import XMLWriting
import XMLSupport

/// Writes a table as a CALS `table` (with its caption as title) or `informaltable`.
struct TableWriter {
    let table: Table

    /// The table; a large one's rows added as it is written (each part that holds them
    /// added when its own parent is: `XMLElement.addChildren(streamed:all:)`).
    func write(into parent: XMLElement, cell writeCell: @escaping ([Inline], XMLElement) -> Void) -> XMLElement {
        let element = parent.element(table.caption == nil ? "informaltable" : "table", ["frame": "all"])
        if let id = table.id { element.setAttribute("xml:id", id) }
        let streamed = LargeBlocks.isLarge(.table(table))
        element.addChildren(streamed: streamed, all: {
            if let caption = table.caption { writeCell(caption, element.element("title")) }
            let columns = ([table.header] + table.rows).map(\.cells.count).reduce(max(1, table.alignments.count), max)
            let group = element.element("tgroup", ["cols": String(columns)])
            group.addChildren(streamed: streamed, all: {
                for column in 0..<columns {
                    let spec = group.element("colspec", ["colname": "c\(column + 1)"])
                    let alignment = column < table.alignments.count ? table.alignments[column] : .none
                    if alignment != .none { spec.setAttribute("align", alignment.rawValue) }
                }
                // A CALS body needs a row: a table of only a header keeps it as its body.
                let body = table.rows.isEmpty ? [table.header] : table.rows
                if !table.rows.isEmpty, !table.header.cells.isEmpty {
                    writeRow(table.header, columns: columns, into: group.element("thead"), cell: writeCell)
                }
                let tbody = group.element("tbody")
                tbody.addChildren(of: body, streamed: streamed) { row in writeRow(row, columns: columns, into: tbody, cell: writeCell) }
            })
        })
        return element
    }

    private func writeRow(
        _ row: TableRow, columns: Int, into parent: XMLElement, cell writeCell: ([Inline], XMLElement) -> Void
    ) {
        let element = parent.element("row")
        for column in 0..<columns {
            writeCell(column < row.cells.count ? row.cells[column] : [], element.element("entry"))
        }
    }
}
