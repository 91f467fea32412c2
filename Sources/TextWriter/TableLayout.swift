import ReportModel

/// A table drawn in text: columns fitted to the page, cells wrapped when the table would
/// be too wide, and, when even that cannot fit, each row given as a short list.
struct TableLayout {
    let table: Table
    /// The columns that name a row, when rows are given as lists: their cells, joined by
    /// ". ", title the row's list in place of "Row N", and are not repeated in it.
    var titleColumns: [Int] = []
    /// The smallest column worth drawing.
    static let minimumColumn = 3

    func write(into context: inout TextContext, indent: Int) {
        let prefix = context.indentation(indent)
        if let caption = table.caption {
            let label = table.number > 0 ? context.words.caption(.table, number: table.number) + " " : ""
            context.paragraph(label + context.inlineText(caption), indent: indent)
        }
        let header = table.header.cells.map { context.inlineText($0) }
        let rows = table.rows.map { $0.cells.map { context.inlineText($0) } }
        let columns = ([header] + rows).map { $0.count }.reduce(max(1, table.alignments.count), max)
        let room = context.width - DisplayWidth.of(prefix) - (3 * columns + 1)
        let cells = [header] + rows
        guard TableLayout.fits(cells: cells, columns: columns, room: room) else {
            writeRecords(header: header, rows: rows, into: &context, indent: indent)
            return
        }
        let widths = TableLayout.columnWidths(cells: cells, columns: columns, room: room)
        let rule = prefix + "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
        context.output.append(rule)
        if !header.isEmpty {
            writeRow(header, widths: widths, prefix: prefix, into: &context)
            context.output.append(rule.replacingDashesWithEquals())
        }
        for row in rows { writeRow(row, widths: widths, prefix: prefix, into: &context) }
        if !rows.isEmpty || header.isEmpty { context.output.append(rule) }
    }

    private func alignment(_ column: Int) -> TextAlignment {
        guard column < table.alignments.count else { return .left }
        switch table.alignments[column] {
        case .right: return .right
        case .center: return .center
        case .left, .none: return .left
        }
    }

    private func writeRow(_ row: [String], widths: [Int], prefix: String, into context: inout TextContext) {
        let wrapped = widths.indices.map { column in
            column < row.count ? LineWrapper(width: widths[column]).wrap(row[column]) : [""]
        }
        let height = wrapped.map { $0.count }.max() ?? 1
        for line in 0..<height {
            let cells = widths.indices.map { column in
                (line < wrapped[column].count ? wrapped[column][line] : "").padded(to: widths[column], alignment: alignment(column))
            }
            context.output.append(prefix + "| " + cells.joined(separator: " | ") + " |")
        }
    }

    /// Words longer than this may be broken inside a cell; shorter ones must fit whole.
    static let unbreakableWord = 15

    /// Whether the table can be drawn in `room` columns without breaking ordinary words.
    static func fits(cells: [[String]], columns: Int, room: Int) -> Bool {
        var needed = Array(repeating: minimumColumn, count: columns)
        for row in cells {
            for (column, cell) in row.enumerated() {
                forEachWordWidth(of: cell) { needed[column] = max(needed[column], min(unbreakableWord, $0)) }
            }
        }
        return needed.reduce(0, +) <= room
    }

    /// Natural widths when they fit; else each column gets its longest word (or its share
    /// of the room), and what is left goes to the columns that want more, in proportion.
    static func columnWidths(cells: [[String]], columns: Int, room: Int) -> [Int] {
        var natural = Array(repeating: 1, count: columns)
        var longestWord = Array(repeating: 1, count: columns)
        for row in cells {
            for (column, cell) in row.enumerated() {
                for line in LineWrapper.lines(of: cell) { natural[column] = max(natural[column], DisplayWidth.of(line)) }
                forEachWordWidth(of: cell) { longestWord[column] = max(longestWord[column], $0) }
            }
        }
        if natural.reduce(0, +) <= room { return natural }
        var widths = zip(natural, longestWord).map { max(minimumColumn, min($0, $1, unbreakableWord)) }
        // Columns whose longest word is within their share may keep it; others are capped.
        var spare = room - widths.reduce(0, +)
        let wants = zip(natural, widths).map { max(0, $0 - $1) }
        let totalWant = wants.reduce(0, +)
        if spare > 0, totalWant > 0 {
            let given = wants.map { $0 * spare / totalWant }
            for column in widths.indices { widths[column] += given[column] }
            spare -= given.reduce(0, +)
            for column in widths.indices where spare > 0 && widths[column] < natural[column] {
                widths[column] += 1
                spare -= 1
            }
        }
        return widths
    }

    /// The width of each word of `cell` (the text between white space). ASCII text, most
    /// cells, is split on its bytes; other text on its characters, whose white space
    /// includes Unicode's (no-break and ideographic spaces).
    static func forEachWordWidth(of cell: String, _ body: (Int) -> Void) {
        guard cell.utf8.allSatisfy({ $0 < 0x80 }) else {
            for word in cell.split(whereSeparator: \.isWhitespace) { body(DisplayWidth.of(word)) }
            return
        }
        var width = 0
        var inWord = false
        for byte in cell.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if inWord { body(width) }
                width = 0
                inWord = false
            } else {
                inWord = true
                if byte >= 0x20 { width += 1 }  // other control characters take no column
            }
        }
        if inWord { body(width) }
    }

    /// Each row as a list: its title ("Row 2", or its `titleColumns`) and a line for each
    /// other cell, headed by its column.
    private func writeRecords(header: [String], rows: [[String]], into context: inout TextContext, indent: Int) {
        for (index, row) in (rows.isEmpty ? [header] : rows).enumerated() {
            let named = titleColumns.filter { $0 < row.count }.map { row[$0] }
            let title = rows.isEmpty
                ? context.words[.columns] : named.isEmpty ? context.words(.row, ["n": String(index + 1)]) : named.joined(separator: ". ")
            context.paragraph(title, indent: indent)
            for (column, cell) in row.enumerated() where rows.isEmpty || !titleColumns.contains(column) {
                let name = column < header.count && !rows.isEmpty ? header[column] + ": " : ""
                context.paragraph(name + cell, indent: indent + 2, marker: "- ")
            }
        }
    }
}

extension String {
    /// The rule under a table's header: `+===+`. (Done on the bytes: both are ASCII.)
    fileprivate func replacingDashesWithEquals() -> String {
        String(decoding: utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "=") : $0 }, as: UTF8.self)
    }
}
