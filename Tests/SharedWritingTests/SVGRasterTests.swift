import SharedWriting
import Testing

@Suite struct SVGRasterTests {
    /// An SVG is drawn at twice its own size (for print), and its size is told in CSS
    /// pixels; what librsvg cannot read is nil.
    @Test func anSVGImageIsDrawnAtTwiceItsOwnSize() throws {
        let svg = ##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#336699"/></svg>"##
        let (png, width, height) = try #require(SVGRaster.png(from: Array(svg.utf8)))
        #expect(width == 120 && height == 60)
        // The PNG's header: its signature, then IHDR's width and height, big-endian.
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        func big32(_ at: Int) -> Int { png[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(big32(16) == 240 && big32(20) == 120)
        #expect(SVGRaster.png(from: Array("<svg".utf8)) == nil)
    }
}
