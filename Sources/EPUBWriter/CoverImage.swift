import ReportModel
import SharedWriting
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
    let words: Words

    func make() -> XMLDocument {
        let document = XMLDocument(rootName: "svg", namespace: CoverImage.svgNamespace)
        let svg = document.root
        for (key, value) in [
            ("version", "1.1"), ("viewBox", "0 0 \(CoverImage.width) \(CoverImage.height)"),
            ("width", String(CoverImage.width)), ("height", String(CoverImage.height)),
        ] { svg.setAttribute(key, value) }
        svg.element("title", text: words(.coverOf, ["title": metadata.title]))
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "#0b2e4f"])
        svg.element("rect", ["x": "0", "y": "1320", "width": "\(CoverImage.width)", "height": "480", "fill": "#e9eef3"])
        var y = 220
        if let series = metadata.series {
            let line = [series.title, series.issn.map { "ISSN \($0)" }].compactMap { $0 }.joined(separator: " · ")
            if !line.isEmpty { text(line, y: y, size: 40, into: svg, color: "#9fc3e6") }
            let numbering = series.numbering(words)
            if !numbering.isEmpty {
                y += 56
                text(numbering.joined(separator: " · "), y: y, size: 40, into: svg, color: "#9fc3e6")
            }
        }
        y = 520
        let title = CoverImage.fit(metadata.title, sizes: [88, 76, 64, 54, 46], room: metadata.subtitle == nil ? 720 : 560, bold: true)
        for line in title.lines {
            y += title.size
            text(line, y: y - title.size / 6, size: title.size, into: svg, bold: true)
            y += title.size / 5
        }
        if let subtitle = metadata.subtitle {
            y += 20
            let fitted = CoverImage.fit(subtitle, sizes: [44, 38, 32], room: max(120, 1280 - y), bold: false)
            for line in fitted.lines {
                y += fitted.size
                text(line, y: y, size: fitted.size, into: svg)
                y += fitted.size / 3
            }
        }
        let authors = metadata.authors.map(\.name).joined(separator: words[.listSeparator])
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
            // The box is as wide as its label in DejaVu Sans Mono (0.6 em a character),
            // with 20 units either side; at the start of the line, as the text.
            let width = (tlp.label.count * 44 * 602 + 999) / 1000 + 40
            let x = words.isRightToLeft ? CoverImage.width - CoverImage.margin - width : CoverImage.margin
            svg.element("rect", ["x": "\(x)", "y": "1630", "width": "\(width)", "height": "80", "fill": "#000000"])
            svg.element(
                "text",
                ["x": "\(x + 20)", "y": "1685", "font-size": "44", "font-weight": "bold", "font-family": "DejaVu Sans Mono, monospace", "fill": "#" + tlp.colour],
                text: tlp.label)
        }
        if let classification = marking.classification {
            text(classification, y: 1600, size: 34, into: svg, color: "#1a1a1a", bold: true)
        }
    }

    /// A line of text at the margin where the language's lines start (the right one for
    /// Arabic, set right to left). One that may be wider than the space between the
    /// margins (by `estimatedWidth`) is squeezed into it (`textLength`), so that no text
    /// ever runs past the margin, whatever the font's real widths.
    private func text(_ content: String, y: Int, size: Int, into svg: XMLElement, color: String = "#ffffff", bold: Bool = false) {
        let element = svg.element(
            "text", ["x": "\(CoverImage.margin)", "y": "\(y)", "font-size": "\(size)", "font-family": "DejaVu Sans, sans-serif", "fill": color],
            text: content)
        if words.isRightToLeft {
            // With `direction: rtl`, a line's start is its right end.
            element.setAttribute("x", "\(CoverImage.width - CoverImage.margin)")
            element.setAttribute("direction", "rtl")
        }
        if bold { element.setAttribute("font-weight", "bold") }
        if CoverImage.estimatedWidth(content, size: size, bold: bold) > CoverImage.lineWidth {
            element.setAttribute("textLength", String(CoverImage.lineWidth))
            element.setAttribute("lengthAdjust", "spacingAndGlyphs")
        }
    }

    /// The space between the margins.
    static var lineWidth: Int { width - 2 * margin }

    /// `text` wrapped at the largest of `sizes` whose lines fit `room` (in height, each line
    /// 1.2 times its size) and the line width; otherwise at the smallest size, as many lines
    /// as the room holds, the last ending in "…".
    static func fit(_ text: String, sizes: [Int], room: Int, bold: Bool) -> (size: Int, lines: [String]) {
        for size in sizes {
            let lines = wrap(text, width: max(1, lineWidth * 100 / (size * (bold ? 66 : 58))))
            let fits = lines.allSatisfy { estimatedWidth($0, size: size, bold: bold) <= lineWidth }
            if fits && lines.count * size * 6 / 5 <= room { return (size, lines) }
        }
        let size = sizes.last ?? 40
        var lines = wrap(text, width: max(1, lineWidth * 100 / (size * (bold ? 66 : 58))))
        let held = max(1, room * 5 / (size * 6))
        if lines.count > held {
            lines = Array(lines.prefix(held))
            lines[held - 1] += "…"
        }
        return (size, lines)
    }

    /// About how wide DejaVu Sans sets `text` at `size`: capitals and wide (East Asian)
    /// characters count more than small letters.
    static func estimatedWidth(_ text: String, size: Int, bold: Bool) -> Int {
        var hundredths = 0
        for character in text {
            let scalar = character.unicodeScalars.first?.value ?? 0
            switch scalar {
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFF00...0xFF60: hundredths += 100
            case 0x41...0x5A: hundredths += bold ? 78 : 70
            case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x2019, 0x69, 0x6C, 0x6A: hundredths += 32
            default: hundredths += bold ? 66 : 58
            }
        }
        return hundredths * size / 100
    }

    /// Greedy word wrap to about `width` characters a line (SVG text does not wrap itself);
    /// a word longer than the line is left whole, to be squeezed (see `text`).
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
