import ReportModel

/// How wide a table is for a printed page, by its columns: a wide one (seven to nine
/// columns) is set smaller, a very wide one (ten or more) smaller still, so that its
/// words keep their columns rather than stack a letter a line. The print edition reads it
/// as a class of the table (`wide`, `very-wide`), in print.css and the Typst template alike.
public enum TableWidth: String, Sendable {
    case normal
    case wide
    case veryWide = "very-wide"

    public init(columns: Int) {
        self = columns >= 10 ? .veryWide : columns >= 7 ? .wide : .normal
    }

    /// The class the XHTML edition gives the table; nil for a table of ordinary width.
    public var className: String? { self == .normal ? nil : rawValue }
}

extension Table {
    /// The table's columns: its widest row, or its alignments where they give more.
    public var columnCount: Int {
        ([header] + rows).map(\.cells.count).reduce(max(1, alignments.count), max)
    }
}
