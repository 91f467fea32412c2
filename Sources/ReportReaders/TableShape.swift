import ReportModel

/// The one Markdown shape whose parse outgrows its text by more than a constant: a GFM
/// table's rows are padded to the header's columns, so a header of thousands of columns
/// over thousands of one-cell rows (24 KB of text) would be millions of empty cells
/// (gigabytes) before any check could run. Each table is measured in the text first, and
/// one whose padded cells pass `limit` for its size is an error at its delimiter row.
enum TableShape {
    /// The cells a table may have: one for each byte of its text (a real cell takes at
    /// least two, `|x`), and `allowance` more, so that any table an author writes passes.
    static let allowance = 100_000

    /// Logs an error for each table of `source` that would hold more cells than its text
    /// allows.
    static func check(_ source: SourceText, log: DiagnosticLog) {
        var line = 1
        while line <= source.lineCount {
            guard let columns = delimiterColumns(source.line(line)) else {
                line += 1
                continue
            }
            var rows = 1
            var bytes = source.line(line).count + source.line(line - 1).count
            var next = line + 1
            while next <= source.lineCount, !source.line(next).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                rows += 1
                bytes += source.line(next).count + 1
                next += 1
            }
            let (cells, overflow) = columns.multipliedReportingOverflow(by: rows)
            if overflow || cells > allowance + bytes {
                log.error(.tableTooLarge,
                    "this table has \(columns) columns and \(rows) rows, \(overflow ? "too many" : String(cells)) cells once its short rows are filled out: more than Imprint holds for its \(bytes) bytes; split it, or give its rows their cells",
                    at: source.location(line: line))
            }
            line = next
        }
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
