import ReportModel

/// The Markdown shapes of a table whose parse outgrows its text by more than a constant:
/// a GFM table's rows are padded to the header's columns, so a header of thousands of
/// columns over thousands of one-cell rows (24 KB of text) would be millions of empty
/// cells (gigabytes) before any check could run; and cmark-gfm 0.29 adds each cell of a
/// row at the end of a linked list it walks from the start, so a row of 64,000 cells
/// (256 KB) took seconds. Each table is measured in the text first: one whose padded cells
/// pass `allowance` for its size, or with a row of more than `maximumRowCells` cells, is
/// an error at that row.
enum TableShape {
    /// The cells a table may have: one for each byte of its text (a real cell takes at
    /// least two, `|x`), and `allowance` more, so that any table an author writes passes.
    static let allowance = 100_000
    /// The most cells a row may have (counted as the pipes that may end one): many times
    /// what a page or a screen shows, and few enough that a row's parse stays short.
    static let maximumRowCells = 256

    /// Logs an error for each table of `source` that would hold more cells than its text
    /// allows.
    static func check(_ source: SourceText, log: DiagnosticLog) {
        var line = 1
        while line <= source.lineCount {
            guard let columns = delimiterColumns(containerContent(source.line(line))) else {
                line += 1
                continue
            }
            var rows = 1
            var bytes = source.line(line).count + source.line(line - 1).count
            var next = line + 1
            while next <= source.lineCount, !source.isBlank(line: next) {
                rows += 1
                bytes += source.line(next).count + 1
                next += 1
            }
            let (cells, overflow) = columns.multipliedReportingOverflow(by: rows)
            if overflow || cells > allowance + bytes {
                log.error(.tableTooLarge,
                    "this table has \(columns) columns and \(rows) rows, \(overflow ? "too many" : String(cells)) cells once its short rows are filled out: more than Imprint holds for its \(bytes) bytes; split it, or give its rows their cells",
                    at: source.location(line: line))
            } else if let wide = (line - 1..<next).first(where: { $0 >= 1 && pipes(source.line($0)) > maximumRowCells + 1 }) {
                log.error(.tableTooLarge,
                    "this table row has \(pipes(source.line(wide)) - 1) cells or more; Imprint reads rows of at most \(maximumRowCells) cells: split the table",
                    at: source.location(line: wide))
            }
            line = next
        }
    }

    /// `line` after the markers of the quotes and list items it may stand in (`> `, `- `,
    /// `1. `, indentation), so that a table inside them is measured as one at the margin.
    static func containerContent(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var rest = line
        while let first = rest.first {
            if first == 0x20 || first == 0x09 || first == UInt8(ascii: ">") {
                rest = rest.dropFirst()
            } else if [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(first), rest.dropFirst().first == 0x20 {
                rest = rest.dropFirst(2)
            } else if first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") {
                let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                let after = rest.dropFirst(digits.count)
                guard digits.count <= 9, let mark = after.first, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ")"),
                    after.dropFirst().first == 0x20
                else { break }
                rest = after.dropFirst(2)
            } else {
                break
            }
        }
        return rest
    }

    /// The pipes of `line` that are not escaped: one more than the cells they may end.
    static func pipes(_ line: ArraySlice<UInt8>) -> Int {
        var count = 0
        var escaped = false
        for byte in line {
            if byte == UInt8(ascii: "|"), !escaped { count += 1 }
            escaped = byte == UInt8(ascii: "\\") && !escaped
        }
        return count
    }

    /// The number of columns when `line` is a table's delimiter row (`|---|:--:|`): only
    /// pipes, dashes, colons and spaces, at least one pipe and one dash; nil otherwise.
    static func delimiterColumns(_ line: ArraySlice<UInt8>) -> Int? {
        var columns = 0
        var inCell = false
        var pipes = 0
        for byte in line {
            switch byte {
            case UInt8(ascii: "|"):
                pipes += 1
                inCell = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if !inCell { columns += 1 }
                inCell = true
            case 0x20, 0x09: continue
            default: return nil
            }
        }
        return pipes > 0 && columns > 0 ? columns : nil
    }
}
