import ReportModel

/// The risk matrix's grid, the same in every edition: the report's likelihood terms as
/// rows (its yardstick's seven, least likely first) and the five impacts as columns. A
/// risk stands in its own term's row, so a term never straddles two rows; a percentage,
/// or a term of the other yardstick, in the row whose band holds its middle (or the
/// nearest band, across the PHIA yardstick's gaps).
public struct RiskMatrixGrid: Sendable {
    /// The rows, least likely first.
    public let rows: [Likelihood]

    public init(yardstick: Yardstick) {
        rows = yardstick.terms
    }

    /// The row (1 to `rows.count`) a likelihood is placed in.
    public func row(of likelihood: Likelihood) -> Int {
        if let index = rows.firstIndex(of: likelihood) { return index + 1 }
        let middle = likelihood.band.lower + likelihood.band.upper  // twice the middle, in whole numbers
        func distance(_ band: ProbabilityBand) -> Int {
            if 2 * band.lower <= middle && middle <= 2 * band.upper { return 0 }
            return min(abs(middle - 2 * band.lower), abs(middle - 2 * band.upper))
        }
        let nearest = rows.indices.min { distance(rows[$0].band) < distance(rows[$1].band) } ?? 0
        return nearest + 1
    }

    /// A cell's colour as RRGGBB hex, by its score (its row scaled to five rows, times its
    /// impact): green, yellow, orange, red, as every edition draws the matrix.
    public func colour(row: Int, impact: Int) -> String {
        switch Double(row * 5) / Double(rows.count) * Double(impact) {
        case ..<5: "a8d5a2"
        case ..<10: "ffe08a"
        case ..<15: "f6a25b"
        default: "e4572e"
        }
    }

    /// A risk placed in the grid: its number in the register, its row and column.
    public struct Placement: Sendable {
        public var number: Int
        public var title: String
        /// The row: 1 (the least likely term) to the number of terms.
        public var row: Int
        public var impact: Impact
        public var likelihood: Likelihood
    }

    /// The risks that have both a likelihood and an impact, in the register's order.
    public func placements(of risks: [Risk]) -> [Placement] {
        risks.enumerated().compactMap { index, risk in
            guard let likelihood = risk.likelihood, let impact = risk.impact else { return nil }
            return Placement(number: index + 1, title: risk.title.plainText, row: row(of: likelihood), impact: impact, likelihood: likelihood)
        }
    }

    /// The numbers of the risks placed in the cell of `row` and `impact`'s rank (1 to 5).
    public static func numbers(in placements: [Placement], row: Int, impact: Int) -> [String] {
        placements.filter { $0.row == row && $0.impact.rank == impact }.map { String($0.number) }
    }

    /// What the matrix shows, in words: each placed risk's number, title, likelihood and
    /// impact. The drawing's description for assistive technology, and the key the print
    /// values give a matrix's cells by (the same risks give the same matrix).
    public static func description(of placements: [Placement], words: Words) -> String {
        placements.map {
            words(.matrixPlacement, ["n": String($0.number), "title": $0.title, "likelihood": words.name(of: $0.likelihood), "impact": words.name(of: $0.impact)])
        }
        .joined(separator: " ")
    }

    /// The drawn matrix's caption, as every edition that draws it writes it: its label
    /// ("Risk matrix.") and what the numbers stand for ("Likelihood against impact; the
    /// numbers are those of the risk register: 1 Military Escalation; 2 …."), in the
    /// language's punctuation.
    public static func caption(of placements: [Placement], words: Words) -> (label: String, text: String) {
        let legend = placements.map { "\($0.number) \($0.title)" }.joined(separator: words[.itemSeparator])
        return (words(.sentencePattern, ["text": words[.riskMatrix]]),
                words(.sentencePattern, ["text": words.labelled(words[.matrixCaption], legend)]))
    }
}
