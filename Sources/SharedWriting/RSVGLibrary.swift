#if canImport(Glibc)
    import Glibc
#endif

/// The functions of librsvg, cairo and GLib that `SVGRaster` and `SVGOutlines` call, found
/// with `dlsym` in librsvg and the libraries it loads.
struct RSVG: @unchecked Sendable {
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
    /// Cairo's SVG surface (nil where cairo was built without it): `SVGOutlines`.
    let svgSurface: SVGSurface?

    struct SVGSurface {
        typealias Write = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<UInt8>?, UInt32) -> Int32
        let createForStream: @convention(c) (Write?, UnsafeMutableRawPointer?, Double, Double) -> OpaquePointer?
        let setDocumentUnit: @convention(c) (OpaquePointer?, Int32) -> Void
        let finish: @convention(c) (OpaquePointer?) -> Void
        /// `cairo_surface_status`: 0 when all was written.
        let status: @convention(c) (OpaquePointer?) -> Int32
    }

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
        var svgSurface: SVGSurface?
        if let createForStream: @convention(c) (SVGSurface.Write?, UnsafeMutableRawPointer?, Double, Double) -> OpaquePointer? =
            symbol("cairo_svg_surface_create_for_stream"),
            let setDocumentUnit: @convention(c) (OpaquePointer?, Int32) -> Void = symbol("cairo_svg_surface_set_document_unit"),
            let finish: @convention(c) (OpaquePointer?) -> Void = symbol("cairo_surface_finish"),
            let status: @convention(c) (OpaquePointer?) -> Int32 = symbol("cairo_surface_status")
        {
            svgSurface = SVGSurface(createForStream: createForStream, setDocumentUnit: setDocumentUnit, finish: finish, status: status)
        }
        return RSVG(
            newFromData: newFromData, setDPI: setDPI, intrinsicSizeInPixels: intrinsicSizeInPixels, intrinsicDimensions: intrinsicDimensions,
            renderDocument: renderDocument, objectUnref: objectUnref, errorFree: errorFree, surfaceCreate: surfaceCreate,
            surfaceFlush: surfaceFlush, surfaceDestroy: surfaceDestroy, cairoCreate: cairoCreate, cairoDestroy: cairoDestroy,
            surfaceData: surfaceData, surfaceStride: surfaceStride, surfaceWidth: surfaceWidth, surfaceHeight: surfaceHeight, svgSurface: svgSurface)
    }()
}

extension RSVG {
    /// `svg` read by librsvg from memory (no base file: it loads nothing else), with its own
    /// size in CSS pixels (96 to the inch; a size beyond any page taken as a shape, scaled
    /// to at most 100,000 pixels a side). The caller unrefs the handle. Nil when librsvg
    /// cannot read it or it has no size.
    func read(_ svg: [UInt8]) -> (handle: OpaquePointer, width: Double, height: Double)? {
        var error: OpaquePointer?
        guard let handle = svg.withUnsafeBufferPointer({ newFromData($0.baseAddress, $0.count, &error) }) else {
            if error != nil { errorFree(error) }
            return nil
        }
        setDPI(handle, 96)
        var width = 0.0
        var height = 0.0
        if intrinsicSizeInPixels(handle, &width, &height) == 0 {
            // Only a viewBox: its size, in user units, is the image's.
            var hasViewBox: Int32 = 0
            // An `RsvgRectangle`: x, y, width, height.
            var viewBox = [0.0, 0.0, 0.0, 0.0]
            viewBox.withUnsafeMutableBytes { _ = intrinsicDimensions(handle, nil, nil, nil, nil, &hasViewBox, $0.baseAddress) }
            (width, height) = hasViewBox != 0 ? (viewBox[2], viewBox[3]) : (0, 0)
        }
        guard width.isFinite, height.isFinite, width >= 1, height >= 1 else {
            objectUnref(handle)
            return nil
        }
        let largestSide = 100_000.0
        if max(width, height) > largestSide {
            let shrink = largestSide / max(width, height)
            (width, height) = (max(1, width * shrink), max(1, height * shrink))
        }
        return (handle, width, height)
    }

    /// Draws the image of `handle` into `viewport` (x, y, width, height) on `cairo`;
    /// whether librsvg could.
    func render(_ handle: OpaquePointer, on cairo: OpaquePointer, _ viewport: [Double]) -> Bool {
        var error: OpaquePointer?
        guard viewport.withUnsafeBytes({ renderDocument(handle, cairo, $0.baseAddress, &error) }) != 0 else {
            if error != nil { errorFree(error) }
            return false
        }
        return true
    }
}
