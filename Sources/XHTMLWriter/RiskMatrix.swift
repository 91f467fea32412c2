import ReportModel
import SharedWriting
import XMLSupport

/// The risk matrix: likelihood (the report's terms, `RiskMatrixGrid`) against impact as a
/// heat map, each risk with both values placed in its cell by its number in the register.
/// Drawn as SVG through libxml2, with a text description for readers who cannot see it. In a
/// right-to-left report it is mirrored, as Typst's grid and the Word edition's table are:
/// the labels on the right, impact rising to the left.
struct RiskMatrix {
    static let svgNamespace = "http://www.w3.org/2000/svg"

    let grid: RiskMatrixGrid
    let placements: [RiskMatrixGrid.Placement]
    let words: Words
    /// The rows' labels, least likely first, each on one line or two.
    private let rowLabels: [[String]]
    /// Where the grid begins: room for the rotated axis title, then the widest label line
    /// (11-unit type, about 3.3 units a half-place), so that neither touches the other.
    private let left: Int
    /// Whether the drawing is mirrored (a right-to-left report).
    private let mirrored: Bool
    /// Where the row labels end, and how they are anchored there.
    private var labelEnd: (x: Int, anchor: String) { mirrored ? (width - left + 8, "start") : (left - 8, "end") }

    /// `nil` when no risk has both a likelihood and an impact.
    init?(risks: [Risk], yardstick: Yardstick, words: Words) {
        let grid = RiskMatrixGrid(yardstick: yardstick)
        self.grid = grid
        self.words = words
        placements = grid.placements(of: risks)
        if placements.isEmpty { return nil }
        rowLabels = grid.rows.map { TextMeasure.twoLines(words.name(of: $0), over: RiskMatrix.labelHalfWidths) }
        let widest = rowLabels.joined().map { TextMeasure.halfWidths(of: $0) }.max() ?? 0
        left = 38 + (widest * 33 + 9) / 10
        mirrored = words.isRightToLeft
    }

    // Geometry, in SVG user units.
    private static let cellWidth = 96
    private static let cellHeight = 44
    private static let top = 16
    /// A row label wider than this (in `TextMeasure` half-places) takes two lines.
    private static let labelHalfWidths = 36
    private var rowCount: Int { grid.rows.count }
    private var width: Int { left + 5 * RiskMatrix.cellWidth + 16 }
    private var height: Int { RiskMatrix.top + rowCount * RiskMatrix.cellHeight + 64 }

    /// The figure: the drawing and its caption. With `outlinesShapedText`, labels that need
    /// shaping are drawn as outlines, their ids beginning with `idPrefix`.
    func write(into parent: XMLElement, outlinesShapedText: Bool = false, idPrefix: String = "risk-matrix-1-") {
        let figure = parent.element("figure", ["class": "risk-matrix"])
        let svg = figure.element(
            "svg",
            [
                "viewBox": "0 0 \(width) \(height)", "width": "\(width)",
                "height": "\(height)", "role": "img",
            ], namespace: RiskMatrix.svgNamespace)
        // The drawing is laid out left to right in every language (its labels end at the
        // grid): in a right-to-left document it would otherwise inherit the direction,
        // and each label's end would be its left.
        svg.setAttribute("direction", "ltr")
        // SVG's own title and description name it for assistive technology.
        svg.element("title", text: words[.matrixTitle])
        svg.element("desc", text: RiskMatrixGrid.description(of: placements, words: words))
        if outlinesShapedText, let outlined = outlinedDrawing(idPrefix: idPrefix) {
            svg.appendCopy(of: outlined.root)
        } else {
            draw(into: svg)
        }
        let caption = figure.element("figcaption")
        caption.beginMixedContent()
        let (label, text) = RiskMatrixGrid.caption(of: placements, words: words)
        caption.element("span", ["class": "label"], text: label)
        caption.addText(" " + text)
    }

    private func draw(into svg: XMLElement) {
        drawGrid(into: svg)
        drawAxes(into: svg)
        drawRisks(into: svg)
    }

    /// The drawing as librsvg sets it, its text as outlines (`SVGOutlines`), in the house
    /// sans; nil when no label needs shaping or librsvg cannot draw it.
    private func outlinedDrawing(idPrefix: String) -> XMLDocument? {
        let document = XMLDocument(rootName: "svg", namespace: RiskMatrix.svgNamespace)
        let root = document.root
        for (name, value) in [("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"), ("height", "\(height)"), ("font-family", HouseStyle.sans)] {
            root.setAttribute(name, value)
        }
        draw(into: root)
        let bytes = document.serialized(indent: false)
        guard SVGOutlines.needsShaping(String(decoding: bytes, as: UTF8.self)),
            let outlined = SVGOutlines.outlined(bytes, idPrefix: idPrefix)
        else { return nil }
        return try? XMLDocument.parse(outlined, url: "risk-matrix.svg")
    }

    private func drawGrid(into svg: XMLElement) {
        for row in 1...rowCount {
            for column in 1...5 {
                let (x, y) = origin(level: row, impact: column)
                svg.element(
                    "rect",
                    [
                        "x": "\(x)", "y": "\(y)", "width": "\(RiskMatrix.cellWidth)", "height": "\(RiskMatrix.cellHeight)",
                        "fill": "#" + grid.colour(row: row, impact: column), "stroke": "#ffffff", "stroke-width": "2",
                    ])
            }
        }
    }

    private func drawAxes(into svg: XMLElement) {
        for (index, lines) in rowLabels.enumerated() {
            let (_, y) = origin(level: index + 1, impact: 1)
            let middle = y + RiskMatrix.cellHeight / 2
            let label = svg.element("text", ["x": "\(labelEnd.x)", "y": "\(middle + 4)", "text-anchor": labelEnd.anchor, "font-size": "11"])
            if lines.count == 1 {
                label.addText(lines[0])
            } else {
                label.beginMixedContent()
                for (number, line) in lines.enumerated() {
                    label.element("tspan", ["x": "\(labelEnd.x)", "y": "\(middle + (number == 0 ? -3 : 10))"], text: line)
                }
            }
        }
        for impact in Impact.allCases {
            let (x, _) = origin(level: 1, impact: impact.rank)
            svg.element(
                "text",
                [
                    "x": "\(x + RiskMatrix.cellWidth / 2)", "y": "\(RiskMatrix.top + rowCount * RiskMatrix.cellHeight + 18)",
                    "text-anchor": "middle", "font-size": "12",
                ], text: words.name(of: impact))
        }
        svg.element(
            "text",
            [
                "x": "\(mirrored ? width - left - 5 * RiskMatrix.cellWidth / 2 : left + 5 * RiskMatrix.cellWidth / 2)", "y": "\(height - 12)",
                "text-anchor": "middle", "font-size": "13", "font-weight": "bold",
            ], text: words[.impact])
        let axis = mirrored ? width - 14 : 14
        svg.element(
            "text",
            [
                "x": "\(axis)", "y": "\(RiskMatrix.top + rowCount * RiskMatrix.cellHeight / 2)", "text-anchor": "middle", "font-size": "13",
                "font-weight": "bold", "transform": "rotate(-90 \(axis) \(RiskMatrix.top + rowCount * RiskMatrix.cellHeight / 2))",
            ], text: words[.likelihood])
    }

    private func drawRisks(into svg: XMLElement) {
        let cells = Dictionary(grouping: placements) { "\($0.row)-\($0.impact.rank)" }
        for key in cells.keys.sorted() {
            let group = cells[key]!
            let (x, y) = origin(level: group[0].row, impact: group[0].impact.rank)
            // Up to four markers side by side, then a second row.
            for (index, placement) in group.enumerated() {
                let perRow = min(group.count, 4)
                let row = index / 4
                let column = index % 4
                let spacing = 24
                let cx = x + RiskMatrix.cellWidth / 2 - (perRow - 1) * spacing / 2 + column * spacing
                let cy = y + RiskMatrix.cellHeight / 2 - (group.count > 4 ? 11 : 0) + row * 22
                svg.element("circle", ["cx": "\(cx)", "cy": "\(cy)", "r": "10", "fill": "#1a1a1a"])
                svg.element(
                    "text",
                    ["x": "\(cx)", "y": "\(cy + 4)", "text-anchor": "middle", "font-size": "11", "fill": "#ffffff", "font-weight": "bold"],
                    text: String(placement.number))
            }
        }
    }

    /// The top-left corner of the cell for a likelihood row and an impact rank (1 to 5).
    private func origin(level: Int, impact: Int) -> (Int, Int) {
        let x = left + (impact - 1) * RiskMatrix.cellWidth
        return (mirrored ? width - x - RiskMatrix.cellWidth : x, RiskMatrix.top + (rowCount - level) * RiskMatrix.cellHeight)
    }
}
