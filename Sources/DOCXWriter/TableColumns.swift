import ReportModel
import SharedWriting

/// How a Word table's columns share the line, as a browser's automatic table layout shares
/// it: each column at least as wide as its longest word (so that no word is broken letter by
/// letter) and, where the line allows, as wide as its longest cell set on one line; the room
/// between the two shared out by how much each column wants. Widths in twips, the cells'
/// margins included; the text is measured as `TextMeasure` estimates it in the table's type.
struct TableColumns: Equatable {
    /// Each column's narrowest width: its longest word.
    var minimum: [Int]
    /// Each column's widest: its longest cell on one line.
    var maximum: [Int]

    /// Twips a half-place of `TextMeasure` takes in the table's 9.5-point type: a small
    /// letter at about 0.63 em, as wide as DejaVu Serif sets its widest, so that a word
    /// measured to fit does fit in whichever serif the reader's Word or LibreOffice has.
    static let twipsPerHalfPlace = 60
    /// A cell's margins (the table style's 85 twips a side) and a little air.
    static let padding = 2 * 85 + 40

    /// The columns of `rows` (each a row of cells' blocks, the first the header, set bold).
    init(rows: [[[Block]]], columns: Int) {
        self.init(cells: rows.map { $0.map(\.plainText) }, columns: columns)
    }

    /// The columns of `cells` (rows of cells' text, the first row the header, set bold).
    init(cells: [[String]], columns: Int) {
        minimum = Array(repeating: Self.padding + 4 * Self.twipsPerHalfPlace, count: columns)
        maximum = minimum
        for (rowIndex, row) in cells.enumerated() {
            // Bold sets about a tenth wider.
            let scale = rowIndex == 0 ? 11 : 10
            for (column, text) in row.enumerated() where column < columns {
                let (longestWord, whole) = Self.measure(text)
                minimum[column] = max(minimum[column], Self.padding + longestWord * Self.twipsPerHalfPlace * scale / 10)
                maximum[column] = max(maximum[column], Self.padding + whole * Self.twipsPerHalfPlace * scale / 10)
            }
        }
    }

    /// A word longer than this (in half-places: an address, a hash) is one Word breaks
    /// where it must; it asks no more room than this.
    static let longestUnbrokenWord = 48

    /// A text's longest word (at most `longestUnbrokenWord`) and its whole length, in
    /// half-places: words end at white space other than a no-break space, and an East
    /// Asian wide character is a word of its own (a line may break before or after any).
    static func measure(_ text: String) -> (longestWord: Int, whole: Int) {
        var longest = 0
        var word = 0
        var whole = 0
        for character in text {
            let width = TextMeasure.halfWidths(of: character)
            whole += width
            if character.isWhitespace && !"\u{00A0}\u{202F}\u{2007}".contains(character) {
                word = 0
            } else if width == 4 {
                longest = max(longest, word, width)
                word = 0
            } else {
                word += width
                longest = max(longest, word)
            }
        }
        return (min(longest, longestUnbrokenWord), whole)
    }

    /// Whether every column gets its longest word within `available` twips.
    func fits(_ available: Int) -> Bool {
        minimum.reduce(0, +) <= available
    }

    /// The widths, summing to `available`: every column's widest with the rest shared by
    /// those widths when all fit; else every column's narrowest with the room left shared
    /// by how much more each wants; else (too narrow for the words) by the narrowest.
    func widths(within available: Int) -> [Int] {
        let least = minimum.reduce(0, +)
        let most = maximum.reduce(0, +)
        let shares: [Double]
        if most <= available {
            shares = maximum.map { Double($0) + Double(available - most) * Double($0) / Double(max(most, 1)) }
        } else if least <= available {
            let wants = zip(minimum, maximum).map { $1 - $0 }
            let wanted = Double(max(wants.reduce(0, +), 1))
            shares = zip(minimum, wants).map { Double($0) + Double(available - least) * Double($1) / wanted }
        } else {
            shares = minimum.map { Double(available) * Double($0) / Double(max(least, 1)) }
        }
        // Whole twips, each column's edge rounded where its share puts it, so that the
        // widths sum to `available` and no column takes all the rounding.
        var edges = [0]
        var running = 0.0
        for share in shares {
            running += share
            edges.append(Int(running.rounded()))
        }
        edges[edges.count - 1] = available
        return zip(edges.dropFirst(), edges).map { $0 - $1 }
    }
}
