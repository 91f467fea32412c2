#if canImport(Glibc)
    import Glibc
#endif

/// A PNG copy of an SVG image, drawn by librsvg with cairo and written by `PNGEncoder`:
/// the Word edition's copy of each SVG figure (Word 2016 and later show the SVG itself,
/// older readers this copy, which the format requires beside it) and the e-book's cover
/// for the retailers that take no SVG.
///
/// librsvg (with cairo, GLib, Pango and their fonts) is loaded the first time an SVG image
/// is drawn, not when Imprint starts: linked in, they would slow the start of every build
/// of every edition (docs/performance.md has the figures). A report's image has passed
/// `SVGCheck` (nothing that runs, nothing outside the image); the generated cover is
/// Imprint's own drawing, the report's words in it only as text. Either is read from
/// memory with no base file, so librsvg has nothing else it could load.
public enum SVGRaster {
    /// The largest side drawn, in pixels: a figure is at most a page wide, drawn at twice
    /// its size for print.
    static let maximumSide = 2400

    /// Whether librsvg could be loaded (Debian's `librsvg2-2`).
    public static var isAvailable: Bool { RSVG.library != nil }

    /// The PNG's bytes and the image's own size in CSS pixels (96 to the inch); nil when
    /// librsvg is missing or cannot read the image.
    public static func png(from svg: [UInt8]) -> (png: [UInt8], width: Int, height: Int)? {
        guard let rsvg = RSVG.library, let image = rsvg.read(svg) else { return nil }
        defer { rsvg.objectUnref(image.handle) }
        let (width, height) = (image.width, image.height)
        let scale = min(2.0, Double(maximumSide) / max(width, height))
        // CAIRO_FORMAT_ARGB32 is 0.
        guard let surface = rsvg.surfaceCreate(0, Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up))) else { return nil }
        defer { rsvg.surfaceDestroy(surface) }
        guard let cairo = rsvg.cairoCreate(surface) else { return nil }
        defer { rsvg.cairoDestroy(cairo) }
        let viewport = [0, 0, width * scale, height * scale]
        guard rsvg.render(image.handle, on: cairo, viewport) else { return nil }
        rsvg.surfaceFlush(surface)
        // Cairo's pixels are premultiplied ARGB in native (little-endian) order: B, G, R, A.
        let (pixelsWide, pixelsHigh) = (Int(rsvg.surfaceWidth(surface)), Int(rsvg.surfaceHeight(surface)))
        let stride = Int(rsvg.surfaceStride(surface))
        guard let data = rsvg.surfaceData(surface), pixelsWide > 0, pixelsHigh > 0 else { return nil }
        let png = PNGEncoder.encode(width: pixelsWide, height: pixelsHigh) { row, out in
            let line = data + row * stride
            for column in 0..<pixelsWide {
                let (b, g, r, a) = (line[column * 4], line[column * 4 + 1], line[column * 4 + 2], line[column * 4 + 3])
                if a == 255 || a == 0 {
                    (out[column * 4], out[column * 4 + 1], out[column * 4 + 2], out[column * 4 + 3]) = (r, g, b, a)
                } else {
                    func straight(_ value: UInt8) -> UInt8 { UInt8(min(255, (Int(value) * 255 + Int(a) / 2) / Int(a))) }
                    (out[column * 4], out[column * 4 + 1], out[column * 4 + 2], out[column * 4 + 3]) = (straight(r), straight(g), straight(b), a)
                }
            }
        }
        return (png, Int(width.rounded()), Int(height.rounded()))
    }
}
