import ReportModel
import SharedWriting
import XHTMLWriter

/// The print values the Typst house template reads beside the print XHTML (`print.json`):
/// what print.css says for WeasyPrint, made from the house style's one table, and what the
/// XHTML does not carry as data (the page-number wording, the risk matrices' cells).
struct TypstValues: Encodable {
    struct House: Encodable {
        var serif = HouseStyle.serif
        var cjkSerif = HouseStyle.cjkSerif
        var sans = HouseStyle.sans
        var cjkSans = HouseStyle.cjkSans
        var mono = HouseStyle.mono
        var bodySize = HouseStyle.bodySize
        var accent = HouseStyle.accent
        var ink = HouseStyle.ink
        var marginText = HouseStyle.marginText
        var subtitle = HouseStyle.subtitle
        var quotation = HouseStyle.quotation
        var judgmentShading = HouseStyle.judgmentShading
        var margins = ["top": HouseStyle.pageMargins.top, "side": HouseStyle.pageMargins.side, "bottom": HouseStyle.pageMargins.bottom]
    }

    /// A risk matrix as the template draws it: row labels from the top (most likely) down,
    /// the impacts from the left, and each cell's colour and the numbers of its risks.
    struct Matrix: Encodable {
        struct Cell: Encodable {
            var fill: String
            var risks: [String]
        }

        var rows: [String]
        var impacts: [String]
        var axes: [String: String]
        var cells: [[Cell]]
    }

    var house = House()
    /// Width and height in millimetres.
    var paper: [String: Double]
    /// Each TLP label's colour, by its class in the XHTML (`tlp-amber`).
    var tlp: [String: String]
    /// The words the template writes itself, as pieces: "{page}", "{pages}" and text.
    var words: [String: [String]]
    /// The report's risk matrices, by their description (`RiskMatrixGrid.description`, the
    /// SVG's `desc` in the XHTML): the same risks make the same matrix.
    var matrices: [String: Matrix]

    init(manuscript: Manuscript, paper: (width: Double, height: Double)) {
        let words = manuscript.words
        self.paper = ["width": paper.width, "height": paper.height]
        tlp = Dictionary(uniqueKeysWithValues: TLP.allCases.map { (TitlePageWriter.tlpClass($0), $0.colour) })
        self.words = [
            "pageOfPages": words.pieces(.pageOfPages).map { piece in
                switch piece {
                case .text(let text): text
                case .placeholder(let name): "{\(name)}"
                }
            }
        ]
        var matrices: [String: Matrix] = [:]
        let report = manuscript.report
        report.forEachBlock { block in
            guard case .risks(let risks) = block else { return }
            let grid = RiskMatrixGrid(yardstick: report.metadata.yardstick)
            let placements = grid.placements(of: risks)
            guard !placements.isEmpty else { return }
            let rows = Array((1...grid.rows.count).reversed())
            matrices[RiskMatrixGrid.description(of: placements, words: words)] = Matrix(
                rows: rows.map { words.name(of: grid.rows[$0 - 1]) },
                impacts: Impact.allCases.map { words.name(of: $0) },
                axes: ["likelihood": words[.likelihood], "impact": words[.impact]],
                cells: rows.map { row in
                    (1...5).map { impact in
                        Matrix.Cell(fill: grid.colour(row: row, impact: impact), risks: RiskMatrixGrid.numbers(in: placements, row: row, impact: impact))
                    }
                })
        }
        self.matrices = matrices
    }
}
