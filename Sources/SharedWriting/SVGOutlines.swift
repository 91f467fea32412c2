/// An SVG image drawn again as SVG by librsvg and cairo, its text shaped by Pango (with
/// HarfBuzz) and set as outlines: for a PDF engine that cannot shape an SVG's text itself.
/// WeasyPrint sets the letters of an SVG's text one by one from left to right, so Arabic
/// and Hebrew come out reversed and Arabic's letters unjoined; drawn as outlines they read
/// as librsvg sets them. The outlines are vectors, as sharp as the text was; the words stay
/// in the image's title and description and in the document around it.
public enum SVGOutlines {
    /// The largest side outlined, in CSS pixels: six A4 pages' width.
    static let largestSide = 4800.0

    /// Whether `text` holds a script whose letters are reordered or joined when set (Hebrew,
    /// Arabic, Syriac, Thaana, N'Ko, the Indic scripts, Thai, Lao, Tibetan, Myanmar, Khmer,
    /// Mongolian, and the Arabic and Hebrew presentation forms).
    public static func needsShaping(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0EFF, 0x0F00...0x0FFF, 0x1000...0x109F, 0x1780...0x18AF,
                0xFB1D...0xFDFF, 0xFE70...0xFEFF:
                true
            default: false
            }
        }
    }

    /// `svg` with its text as outlines, at its own size in CSS pixels (its `width` and
    /// `height` unitless). Its ids are `idPrefix` and a number in document order, so that
    /// two drawings in one document never share one and the same image gives the same
    /// bytes (cairo's own numbers count every surface the process has made). Nil when
    /// librsvg or cairo's SVG surface is missing, librsvg cannot read the image, or it is
    /// larger than `largestSide` (what cairo draws as pixels, a filter's, is drawn at the
    /// image's size).
    public static func outlined(_ svg: [UInt8], idPrefix: String) -> [UInt8]? {
        guard let rsvg = RSVG.library, let surfaces = rsvg.svgSurface, let image = rsvg.read(svg) else { return nil }
        defer { rsvg.objectUnref(image.handle) }
        guard max(image.width, image.height) <= largestSide else { return nil }
        let output = Output()
        let write: RSVG.SVGSurface.Write = { closure, data, length in
            guard let closure, let data else { return 0 }
            Unmanaged<Output>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return 0  // CAIRO_STATUS_SUCCESS
        }
        let closure = Unmanaged.passUnretained(output).toOpaque()
        guard let surface = surfaces.createForStream(write, closure, image.width, image.height) else { return nil }
        defer { rsvg.surfaceDestroy(surface) }
        // CAIRO_SVG_UNIT_USER: width and height as plain numbers, CSS pixels to the reader.
        surfaces.setDocumentUnit(surface, 0)
        guard let cairo = rsvg.cairoCreate(surface) else { return nil }
        let drawn = rsvg.render(image.handle, on: cairo, [0, 0, image.width, image.height])
        rsvg.cairoDestroy(cairo)
        surfaces.finish(surface)
        guard drawn, !output.bytes.isEmpty else { return nil }
        return renumbered(String(decoding: output.bytes, as: UTF8.self), idPrefix: idPrefix)
    }

    /// What cairo writes, as it writes it.
    private final class Output {
        var bytes: [UInt8] = []
    }

    /// `svg` (cairo's) with every id renamed `idPrefix` and its number in document order,
    /// every reference to one (`href="#…"`, `url(#…)`) with it, and each `style` attribute
    /// written as presentation attributes (`fill="…"`): inside an XHTML document an SVG
    /// element's style is the page's CSS too, and WeasyPrint warns of every SVG property
    /// in it.
    static func renumbered(_ svg: String, idPrefix: String) -> [UInt8] {
        var names: [Substring: String] = [:]
        for match in svg.matches(of: /\sid="([^"]+)"/) where names[match.output.1] == nil {
            names[match.output.1] = idPrefix + String(names.count + 1)
        }
        let renamed = svg.replacing(/(\sid="|href="#|url\(#)([^")]+)/) { match in
            match.output.1 + (names[match.output.2] ?? String(match.output.2))
        }
        let presented = renamed.replacing(/\sstyle="([^"]*)"/) { match in
            match.output.1.split(separator: ";").compactMap { declaration -> String? in
                let parts = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
                return " \(parts[0])=\"\(parts[1])\""
            }.joined()
        }
        return Array(presented.utf8)
    }
}
