import ReportModel
import SharedWriting
import XMLSupport

/// Figures and images as DrawingML pictures in the text's line: an SVG image as itself,
/// with its PNG copy for readers that cannot draw SVG.
extension WordBody {
    /// A figure: the picture (kept with its caption), then "Figure N. caption" and the
    /// notes on where it comes from.
    func write(_ figure: Figure, into parent: XMLElement, place: Place) {
        let picture = paragraph(in: parent, style: "CaptionedFigure", keepNext: true)
        context.addBookmark(figure.id, to: picture)
        writeDrawing(figure.source, alt: figure.alt, width: figure.width, into: picture, inline: false)
        let caption = paragraph(in: parent, style: "Caption")
        RunStyle(bold: true).run(words.caption(.figure, number: figure.number), into: caption)
        if !figure.caption.isEmpty { writeInlines([.text(" ")] + figure.caption, into: caption) }
        for note in figure.notes(words) {
            RunStyle().start(in: caption).element("w:br")
            let label = words.labelParts(note.label)
            RunStyle(italic: true).run(label.before, into: caption)
            if let url = note.url {
                writeInlines([.link(Link(url: url, content: [.text(note.text)]))], into: caption)
            } else {
                RunStyle().run(note.text, into: caption)
            }
            if !label.after.isEmpty { RunStyle(italic: true).run(label.after, into: caption) }
        }
    }

    /// The picture of `source` as a run of `parent`, at its own size (96 pixels to the inch)
    /// or `width` (a percentage of the text's width), never wider than the text; its alt
    /// text as the drawing's description. An image the package cannot carry is its alt text,
    /// with a warning.
    func writeDrawing(_ source: String, alt: String, width: String?, into parent: XMLElement, inline: Bool) {
        guard let image = context.image(source) else {
            let why =
                ImageFormat(path: source) == .svg && !SVGRaster.isAvailable
                ? "its PNG copy needs librsvg (Debian's librsvg2-2), which is not installed" : "the Word edition carries PNG, JPEG, GIF and SVG images"
            context.warnings.append(
                Diagnostic(.warning, .imageInvalid, "the image '\(source)' is left out (\(why)); its alt text stands in for it", at: nil))
            RunStyle(italic: true).run(alt.isEmpty ? source : alt, into: parent)
            return
        }
        let textWidth = context.layout.textWidth * WordML.emuPerTwip
        var cx = image.size.width * 9525
        var cy = image.size.height * 9525
        if let width, width.hasSuffix("%"), let percent = Double(width.dropLast()), percent > 0 {
            let wanted = Int(Double(textWidth) * min(percent, 100) / 100)
            cy = Int(Double(cy) * Double(wanted) / Double(cx))
            cx = wanted
        }
        if cx > textWidth {
            cy = Int(Double(cy) * Double(textWidth) / Double(cx))
            cx = textWidth
        }
        let id = context.nextDrawing()
        let drawing = RunStyle().start(in: parent).element("w:drawing")
        let anchor = drawing.element("wp:inline", ["distT": "0", "distB": "0", "distL": "0", "distR": "0"])
        anchor.element("wp:extent", ["cx": String(cx), "cy": String(cy)])
        anchor.element("wp:docPr", ["id": String(id), "name": "Picture \(id)", "descr": alt])
        anchor.element("wp:cNvGraphicFramePr").element("a:graphicFrameLocks", ["noChangeAspect": "1"])
        let data = anchor.element("a:graphic").element("a:graphicData", ["uri": WordML.picture])
        let picture = data.element("pic:pic")
        let names = picture.element("pic:nvPicPr")
        names.element("pic:cNvPr", ["id": "0", "name": source.split(separator: "/").last.map(String.init) ?? source, "descr": alt])
        names.element("pic:cNvPicPr")
        let fill = picture.element("pic:blipFill")
        let blip = fill.element("a:blip", ["r:embed": image.id])
        if let svgID = image.svgID {
            blip.element("a:extLst").element("a:ext", ["uri": WordML.svgExtension])
                .element("asvg:svgBlip", ["r:embed": svgID])
        }
        fill.element("a:stretch").element("a:fillRect")
        let shape = picture.element("pic:spPr")
        let transform = shape.element("a:xfrm")
        transform.element("a:off", ["x": "0", "y": "0"])
        transform.element("a:ext", ["cx": String(cx), "cy": String(cy)])
        shape.element("a:prstGeom", ["prst": "rect"]).element("a:avLst")
    }
}
