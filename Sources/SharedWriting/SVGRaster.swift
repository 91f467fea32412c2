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
        guard let rsvg = RSVG.library else { return nil }
        var error: OpaquePointer?
        guard let handle = svg.withUnsafeBufferPointer({ rsvg.newFromData($0.baseAddress, $0.count, &error) }) else {
            if error != nil { rsvg.errorFree(error) }
            return nil
        }
        defer { rsvg.objectUnref(handle) }
        rsvg.setDPI(handle, 96)
        var width = 0.0
        var height = 0.0
        if rsvg.intrinsicSizeInPixels(handle, &width, &height) == 0 {
            // Only a viewBox: its size, in user units, is the image's.
            var hasViewBox: Int32 = 0
            // An `RsvgRectangle`: x, y, width, height.
            var viewBox = [0.0, 0.0, 0.0, 0.0]
            viewBox.withUnsafeMutableBytes { _ = rsvg.intrinsicDimensions(handle, nil, nil, nil, nil, &hasViewBox, $0.baseAddress) }
            guard hasViewBox != 0 else { return nil }
            (width, height) = (viewBox[2], viewBox[3])
        }
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else { return nil }
        // A size beyond any page (`width="1e20"`) is taken as a shape: scaled, with its
        // proportions, to at most `largestSide` pixels.
        let largestSide = 100_000.0
        if max(width, height) > largestSide {
            let shrink = largestSide / max(width, height)
            (width, height) = (max(1, width * shrink), max(1, height * shrink))
        }
        let scale = min(2.0, Double(maximumSide) / max(width, height))
        // CAIRO_FORMAT_ARGB32 is 0.
        guard let surface = rsvg.surfaceCreate(0, Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up))) else { return nil }
        defer { rsvg.surfaceDestroy(surface) }
        guard let cairo = rsvg.cairoCreate(surface) else { return nil }
        defer { rsvg.cairoDestroy(cairo) }
        let viewport = [0, 0, width * scale, height * scale]
        guard viewport.withUnsafeBytes({ rsvg.renderDocument(handle, cairo, $0.baseAddress, &error) }) != 0 else {
            if error != nil { rsvg.errorFree(error) }
            return nil
        }
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

/// The functions of librsvg, cairo and GLib that `SVGRaster` calls, found with `dlsym` in
/// librsvg and the libraries it loads.
private struct RSVG: @unchecked Sendable {
    let newFromData: @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<OpaquePointer?>?) -> OpaquePointer?
    let setDPI: @convention(c) (OpaquePointer?, Double) -> Void
    let intrinsicSizeInPixels: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Int32
    let intrinsicDimensions: @convention(c) (
        OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?,
        UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?
    ) -> Void
    let renderDocument: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32
    let objectUnref: @convention(c) (OpaquePointer?) -> Void
    let errorFree: @convention(c) (OpaquePointer?) -> Void
    let surfaceCreate: @convention(c) (Int32, Int32, Int32) -> OpaquePointer?
    let surfaceFlush: @convention(c) (OpaquePointer?) -> Void
    let surfaceDestroy: @convention(c) (OpaquePointer?) -> Void
    let cairoCreate: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let cairoDestroy: @convention(c) (OpaquePointer?) -> Void
    let surfaceData: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>?
    let surfaceStride: @convention(c) (OpaquePointer?) -> Int32
    let surfaceWidth: @convention(c) (OpaquePointer?) -> Int32
    let surfaceHeight: @convention(c) (OpaquePointer?) -> Int32

    /// Loaded on first use; nil when librsvg is not installed.
    static let library: RSVG? = {
        guard let handle = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL) else { return nil }
        func symbol<T>(_ name: String) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: T.self) }
        }
        guard let newFromData: @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<OpaquePointer?>?) -> OpaquePointer? =
            symbol("rsvg_handle_new_from_data"),
            let setDPI: @convention(c) (OpaquePointer?, Double) -> Void = symbol("rsvg_handle_set_dpi"),
            let intrinsicSizeInPixels: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Double>?, UnsafeMutablePointer<Double>?) -> Int32 =
                symbol("rsvg_handle_get_intrinsic_size_in_pixels"),
            let intrinsicDimensions: @convention(c) (
                OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?,
                UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?
            ) -> Void = symbol("rsvg_handle_get_intrinsic_dimensions"),
            let renderDocument: @convention(c) (OpaquePointer?, OpaquePointer?, UnsafeRawPointer?, UnsafeMutablePointer<OpaquePointer?>?) -> Int32 =
                symbol("rsvg_handle_render_document"),
            let objectUnref: @convention(c) (OpaquePointer?) -> Void = symbol("g_object_unref"),
            let errorFree: @convention(c) (OpaquePointer?) -> Void = symbol("g_error_free"),
            let surfaceCreate: @convention(c) (Int32, Int32, Int32) -> OpaquePointer? = symbol("cairo_image_surface_create"),
            let surfaceFlush: @convention(c) (OpaquePointer?) -> Void = symbol("cairo_surface_flush"),
            let surfaceDestroy: @convention(c) (OpaquePointer?) -> Void = symbol("cairo_surface_destroy"),
            let cairoCreate: @convention(c) (OpaquePointer?) -> OpaquePointer? = symbol("cairo_create"),
            let cairoDestroy: @convention(c) (OpaquePointer?) -> Void = symbol("cairo_destroy"),
            let surfaceData: @convention(c) (OpaquePointer?) -> UnsafeMutablePointer<UInt8>? = symbol("cairo_image_surface_get_data"),
            let surfaceStride: @convention(c) (OpaquePointer?) -> Int32 = symbol("cairo_image_surface_get_stride"),
            let surfaceWidth: @convention(c) (OpaquePointer?) -> Int32 = symbol("cairo_image_surface_get_width"),
            let surfaceHeight: @convention(c) (OpaquePointer?) -> Int32 = symbol("cairo_image_surface_get_height")
        else { return nil }
        return RSVG(
            newFromData: newFromData, setDPI: setDPI, intrinsicSizeInPixels: intrinsicSizeInPixels, intrinsicDimensions: intrinsicDimensions,
            renderDocument: renderDocument, objectUnref: objectUnref, errorFree: errorFree, surfaceCreate: surfaceCreate,
            surfaceFlush: surfaceFlush, surfaceDestroy: surfaceDestroy, cairoCreate: cairoCreate, cairoDestroy: cairoDestroy,
            surfaceData: surfaceData, surfaceStride: surfaceStride, surfaceWidth: surfaceWidth, surfaceHeight: surfaceHeight)
    }()
}
