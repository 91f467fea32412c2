import CRsvg

/// A PNG copy of an SVG image, drawn by librsvg with cairo: Word 2016 and later show the
/// SVG itself and older readers this copy, which the format requires beside it.
///
/// The image has passed `SVGCheck` (nothing that runs, nothing outside the image), and is
/// read from memory with no base file, so librsvg has nothing else it could load.
enum SVGRaster {
    /// The largest side drawn, in pixels: a figure is at most a page wide, drawn at twice
    /// its size for print.
    static let maximumSide = 2400

    /// The PNG's bytes and the image's own size in CSS pixels (96 to the inch); nil when
    /// librsvg cannot read the image.
    static func png(from svg: [UInt8]) -> (png: [UInt8], size: ImageSize)? {
        var error: UnsafeMutablePointer<GError>?
        guard let handle = svg.withUnsafeBufferPointer({ rsvg_handle_new_from_data($0.baseAddress, gsize($0.count), &error) }) else {
            if let error { g_error_free(error) }
            return nil
        }
        defer { g_object_unref(handle) }
        rsvg_handle_set_dpi(handle, 96)
        var width = 0.0
        var height = 0.0
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) == 0 {
            // Only a viewBox: its size, in user units, is the image's.
            var hasWidth: gboolean = 0
            var hasHeight: gboolean = 0
            var hasViewBox: gboolean = 0
            var viewBox = RsvgRectangle()
            rsvg_handle_get_intrinsic_dimensions(handle, &hasWidth, nil, &hasHeight, nil, &hasViewBox, &viewBox)
            guard hasViewBox != 0 else { return nil }
            (width, height) = (viewBox.width, viewBox.height)
        }
        guard width >= 1, height >= 1 else { return nil }
        let scale = min(2.0, Double(maximumSide) / max(width, height))
        let pixels = (Int32((width * scale).rounded(.up)), Int32((height * scale).rounded(.up)))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixels.0, pixels.1) else { return nil }
        defer { cairo_surface_destroy(surface) }
        guard let cairo = cairo_create(surface) else { return nil }
        defer { cairo_destroy(cairo) }
        var viewport = RsvgRectangle(x: 0, y: 0, width: width * scale, height: height * scale)
        guard rsvg_handle_render_document(handle, cairo, &viewport, &error) != 0 else {
            if let error { g_error_free(error) }
            return nil
        }
        cairo_surface_flush(surface)
        var png: [UInt8] = []
        let status = withUnsafeMutablePointer(to: &png) { target in
            cairo_surface_write_to_png_stream(surface, { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                closure.assumingMemoryBound(to: [UInt8].self).pointee.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, target)
        }
        guard status == CAIRO_STATUS_SUCCESS else { return nil }
        return (png, ImageSize(width: Int(width.rounded()), height: Int(height.rounded())))
    }
}
