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
    /// Mongolian, and the Arabic and Hebrew presentation forms), as characters or as XML
    /// character references (`&#x627;`).
    public static func needsShaping(_ text: some StringProtocol) -> Bool {
        func shaped(_ value: UInt32) -> Bool {
            switch value {
            case 0x0590...0x08FF, 0x0900...0x0DFF, 0x0E00...0x0EFF, 0x0F00...0x0FFF, 0x1000...0x109F, 0x1780...0x18AF,
                0xFB1D...0xFDFF, 0xFE70...0xFEFF:
                true
            default: false
            }
        }
        if text.unicodeScalars.contains(where: { shaped($0.value) }) { return true }
        return String(text).matches(of: /&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});/).contains { match in
            let digits = match.output.1
            let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.map(shaped) ?? false
        }
    }

    /// `svg` with its text as outlines, its root's `width`, `height` and
    /// `preserveAspectRatio` as they were (the drawing in the image's own user units, its
    /// viewBox). Its ids are `idPrefix` and a number in document order, so that two
    /// drawings in one document never share one and the same image gives the same bytes
    /// (cairo's own numbers count every surface the process has made).
    ///
    /// Nil, and the image best left as it is, when librsvg or cairo's SVG surface is
    /// missing, librsvg cannot read the image, it is larger than `largestSide`, or it has
    /// what cairo would draw as pixels (a filter, a mask, a pattern, an embedded image:
    /// costly to draw, and an address too long for the PDF worker to read), or cairo's
    /// drawing would pass `largestOutput`.
    public static func outlined(_ svg: [UInt8], idPrefix: String) -> [UInt8]? {
        let source = String(decoding: svg, as: UTF8.self)
        guard !source.contains(/filter|<mask|\smask=|<pattern|<image|<feImage/) else { return nil }
        guard let rsvg = RSVG.library, let surfaces = rsvg.svgSurface, let image = rsvg.read(svg) else { return nil }
        defer { rsvg.objectUnref(image.handle) }
        guard max(image.width, image.height) <= largestSide else { return nil }
        let output = Output()
        let written: Bool = withExtendedLifetime(output) {
            let write: RSVG.SVGSurface.Write = { closure, data, length in
                guard let closure, let data else { return 11 }  // CAIRO_STATUS_WRITE_ERROR
                let output = Unmanaged<Output>.fromOpaque(closure).takeUnretainedValue()
                guard output.bytes.count + Int(length) <= SVGOutlines.largestOutput else { return 11 }
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return 0  // CAIRO_STATUS_SUCCESS
            }
            let closure = Unmanaged.passUnretained(output).toOpaque()
            guard let surface = surfaces.createForStream(write, closure, image.width, image.height) else { return false }
            defer { rsvg.surfaceDestroy(surface) }
            // CAIRO_SVG_UNIT_USER: width and height as plain numbers, CSS pixels to the reader.
            surfaces.setDocumentUnit(surface, 0)
            guard let cairo = rsvg.cairoCreate(surface) else { return false }
            let drawn = rsvg.render(image.handle, on: cairo, [0, 0, image.width, image.height])
            rsvg.cairoDestroy(cairo)
            surfaces.finish(surface)
            return drawn && surfaces.status(surface) == 0
        }
        guard written, !output.bytes.isEmpty else { return nil }
        let renumbered = renumbered(String(decoding: output.bytes, as: UTF8.self), idPrefix: idPrefix)
        return Array(sized(renumbered, as: source).utf8)
    }

    /// The most bytes cairo may write for one drawing.
    static let largestOutput = 16 << 20

    /// What cairo writes, as it writes it.
    private final class Output {
        var bytes: [UInt8] = []
    }

    /// `outlined` (cairo's SVG) with its root's size as `original`'s root gives it: its
    /// `width`, `height` and `preserveAspectRatio` (none, or `100%`, as written there).
    static func sized(_ outlined: String, as original: String) -> String {
        guard let root = original.firstMatch(of: /<svg\b[^>]*>/)?.output,
            let outlinedRoot = outlined.firstMatch(of: /<svg\b[^>]*>/)
        else { return outlined }
        var tag = String(outlinedRoot.output).replacing(/\s(width|height)="[^"]*"/, with: "")
        for name in ["width", "height", "preserveAspectRatio"] {
            let pattern = try! Regex<(Substring, Substring)>(#"\s"# + name + #"\s*=\s*["']([^"'<>&]*)["']"#)
            if let value = root.firstMatch(of: pattern)?.output.1 {
                tag.insert(contentsOf: " \(name)=\"\(value)\"", at: tag.index(tag.endIndex, offsetBy: -1))
            }
        }
        return outlined.replacingCharacters(in: outlinedRoot.range, with: tag)
    }

    /// `svg` (cairo's) with every id renamed `idPrefix` and its number in document order,
    /// every reference to one (`href="#…"`, `url(#…)`) with it, and each `style` attribute
    /// written as presentation attributes (`fill="…"`): inside an XHTML document an SVG
    /// element's style is the page's CSS too, and WeasyPrint warns of every SVG property
    /// in it.
    static func renumbered(_ svg: String, idPrefix: String) -> String {
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
                let value = parts[1].replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                return " \(parts[0])=\"\(value.replacingOccurrences(of: "\"", with: "&quot;"))\""
            }.joined()
        }
        return presented
    }
}
