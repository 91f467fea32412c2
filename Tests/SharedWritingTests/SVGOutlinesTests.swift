import Testing

@testable import SharedWriting

@Suite struct SVGOutlinesTests {
    static let arabic = ##"""
        <svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">
          <rect width="200" height="60" fill="#ffffff"/>
          <text x="190" y="40" font-size="20" text-anchor="end" font-family="DejaVu Sans">مرجّح جدًا</text>
        </svg>
        """##

    @Test func textThatIsReorderedOrJoinedNeedsShaping() {
        #expect(SVGOutlines.needsShaping("مرجّح"))
        #expect(SVGOutlines.needsShaping("label שלום"))
        #expect(SVGOutlines.needsShaping("हिन्दी"))
        #expect(!SVGOutlines.needsShaping("very likely — très probable, 55–80 %"))
        #expect(!SVGOutlines.needsShaping("ほぼ確実 거의 확실"))
        #expect(SVGOutlines.needsShaping("<text>&#x627;&#1604;</text>") && !SVGOutlines.needsShaping("&#233;t&#xE9;"))
    }

    /// The outlined image holds no text, only the shapes librsvg set it in: drawn, it is the
    /// original drawn (the Arabic joined and right to left, as Pango shapes it), pixel for
    /// pixel. Its ids carry the prefix, numbered in document order, and
    /// the same image gives the same bytes however many surfaces cairo made in between.
    @Test func theOutlinesDrawWhatTheTextDrew() throws {
        let svg = Array(Self.arabic.utf8)
        let outlined = try #require(SVGOutlines.outlined(svg, idPrefix: "m1-"))
        let text = String(decoding: outlined, as: UTF8.self)
        #expect(!text.contains("<text") && !text.contains("مرج"))
        let ids = text.matches(of: /\sid="([^"]+)"/).map { String($0.output.1) }
        #expect(!ids.isEmpty && ids.allSatisfy { $0.hasPrefix("m1-") }, "\(ids)")
        #expect(ids == (1...ids.count).map { "m1-\($0)" })
        let references = text.matches(of: /(?:href="#|url\(#)([^")]+)/).map { String($0.output.1) }
        #expect(Set(references).isSubset(of: Set(ids)), "\(text)")
        #expect(text.contains(#"width="200""#) && text.contains(#"height="60""#))

        let original = try #require(SVGRaster.png(from: svg))
        let drawn = try #require(SVGRaster.png(from: outlined))
        #expect(drawn.width == original.width && drawn.height == original.height)
        #expect(drawn.png == original.png)

        _ = SVGRaster.png(from: svg)  // another surface in between
        #expect(SVGOutlines.outlined(svg, idPrefix: "m1-") == outlined)
        #expect(SVGOutlines.outlined(Array("<svg".utf8), idPrefix: "x") == nil)
        // What cairo would draw as pixels is left as it is: a filter (however small the
        // file, drawn at the image's size), a mask, a pattern, an embedded image.
        let filtered = Self.arabic.replacingOccurrences(of: "<rect ", with: #"<filter id="f"><feTurbulence baseFrequency="0.9"/></filter><rect filter="url(#f)" "#)
        #expect(SVGOutlines.outlined(Array(filtered.utf8), idPrefix: "x") == nil)
        // A size the image gives relative to its place stays so, over cairo's own.
        let relative = Self.arabic.replacingOccurrences(of: #"width="200" height="60""#, with: #"width="100%" preserveAspectRatio="xMinYMin meet""#)
        let sized = String(decoding: try #require(SVGOutlines.outlined(Array(relative.utf8), idPrefix: "x")), as: UTF8.self)
        let root = try #require(sized.firstMatch(of: /<svg\b[^>]*>/)?.output)
        #expect(root.contains(#"width="100%""#) && !root.contains("height=") && root.contains(#"preserveAspectRatio="xMinYMin meet""#), "\(root)")
        // Larger than six pages' width: not drawn (a filter's pixels are drawn at its size).
        let huge = Self.arabic.replacingOccurrences(of: #"width="200" height="60""#, with: #"width="90000" height="60""#)
        #expect(SVGOutlines.outlined(Array(huge.utf8), idPrefix: "x") == nil)
    }

    /// Cairo's ids (which count every surface the process made) become the prefix and a
    /// number in document order, and every reference to one follows; a style attribute
    /// becomes presentation attributes.
    @Test func idsAreRenumberedWithTheirReferences() {
        let cairo = ##"<svg><clipPath id="clip7"><rect/></clipPath><symbol id="glyph3-1"/><g id="surface91" clip-path="url(#clip7)"><use xlink:href="#glyph3-1"/></g><path style=" stroke:none;fill:rgb(0%,50%,0%);" d="M 0 0"/></svg>"##
        let renumbered = SVGOutlines.renumbered(cairo, idPrefix: "m2-")
        #expect(renumbered == ##"<svg><clipPath id="m2-1"><rect/></clipPath><symbol id="m2-2"/><g id="m2-3" clip-path="url(#m2-1)"><use xlink:href="#m2-2"/></g><path stroke="none" fill="rgb(0%,50%,0%)" d="M 0 0"/></svg>"##)
    }
}
