import ReportModel
import XHTMLWriter
import XMLSupport

/// The cover drawn from the metadata when the report names none: series, title, volume and
/// issue, authors and the handling marking, as SVG built through libxml2.
struct CoverImage {
    static let svgNamespace = "http://www.w3.org/2000/svg"
    static let width = 1200
    static let height = 1800
    private static let margin = 100

    let metadata: Metadata

    func make() -> XMLDocument {
        let document = XMLDocument(rootName: "svg", namespace: CoverImage.svgNamespace)
        let svg = document.root
        for (key, value) in [
            ("version", "1.1"), ("viewBox", "0 0 \(CoverImage.width) \(CoverImage.height)"),
            ("width", String(CoverImage.width)), ("height", String(CoverImage.height)),
        ] { svg.setAttribute(key, value) }
        svg.element("title", text: "Cover: \(metadata.title)")
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "#0b2e4f"])
        svg.element("rect", ["x": "0", "y": "1320", "width": "\(CoverImage.width)", "height": "480", "fill": "#e9eef3"])
        var y = 220
        if let series = metadata.series {
            let line = [series.title, series.issn.map { "ISSN \($0)" }].compactMap { $0 }.joined(separator: " · ")
            if !line.isEmpty { text(line, y: y, size: 40, into: svg, color: "#9fc3e6") }
            let numbering = [series.volume.map { "Volume \($0)" }, series.issue.map { "Issue \($0)" }].compactMap { $0 }
            if !numbering.isEmpty {
                y += 56
                text(numbering.joined(separator: " · "), y: y, size: 40, into: svg, color: "#9fc3e6")
            }
        }
        y = 520
        for line in CoverImage.wrap(metadata.title, width: 20) {
            text(line, y: y, size: 88, into: svg, bold: true)
            y += 104
        }
        if let subtitle = metadata.subtitle {
            y += 20
            for line in CoverImage.wrap(subtitle, width: 40) {
                text(line, y: y, size: 44, into: svg)
                y += 58
            }
        }
        let authors = metadata.authors.map(\.name).joined(separator: ", ")
        var authorY = 1420
        for line in CoverImage.wrap(authors, width: 42).prefix(3) {
            text(line, y: authorY, size: 42, into: svg, color: "#1a1a1a")
            authorY += 56
        }
        writeMarking(into: svg)
        return document
    }

    private func writeMarking(into svg: XMLElement) {
        guard let marking = metadata.marking else { return }
        if let tlp = marking.tlp {
            svg.element("rect", ["x": "\(CoverImage.margin)", "y": "1630", "width": "360", "height": "80", "fill": "#000000"])
            svg.element(
                "text",
                ["x": "\(CoverImage.margin + 20)", "y": "1685", "font-size": "44", "font-weight": "bold", "font-family": "DejaVu Sans Mono, monospace", "fill": CoverImage.color(of: tlp)],
                text: tlp.label)
        }
        if let classification = marking.classification {
            text(classification, y: 1600, size: 34, into: svg, color: "#1a1a1a", bold: true)
        }
    }

    private func text(_ content: String, y: Int, size: Int, into svg: XMLElement, color: String = "#ffffff", bold: Bool = false) {
        let element = svg.element(
            "text", ["x": "\(CoverImage.margin)", "y": "\(y)", "font-size": "\(size)", "font-family": "DejaVu Sans, sans-serif", "fill": color],
            text: content)
        if bold { element.setAttribute("font-weight", "bold") }
    }

    /// FIRST's colour for a TLP label.
    static func color(of tlp: TLP) -> String {
        switch tlp {
        case .red: "#FF2B2B"
        case .amber, .amberStrict: "#FFC000"
        case .green: "#33FF00"
        case .clear: "#FFFFFF"
        }
    }

    /// Greedy word wrap to about `width` characters a line (SVG text does not wrap itself).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
