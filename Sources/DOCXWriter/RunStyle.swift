import SharedWriting
import XMLSupport

/// How a run of text is set: the inline styles around it, and a character style.
struct RunStyle {
    var bold = false
    var italic = false
    var strike = false
    /// A character style of `StylesPart` (`Hyperlink`, `VerbatimChar`, `FootnoteReference`).
    var characterStyle: String?
    /// A colour as RRGGBB, and a shading behind the text (the TLP label).
    var colour: String?
    var shading: String?

    /// Runs of `text` in this style: one per direction (`TextDirection.pieces`), a
    /// right-to-left one marked `w:rtl`, so that Word orders Arabic and Hebrew, and the
    /// numbers among them, as they read; a text without letters takes the direction of a
    /// right-to-left paragraph when `rightToLeft` says it is one.
    func run(_ text: String, into parent: XMLElement, rightToLeft: Bool = false) {
        guard !text.isEmpty else { return }
        for piece in TextDirection.pieces(of: text, base: rightToLeft) {
            let run = start(in: parent, rightToLeft: piece.rightToLeft)
            run.element("w:t", ["xml:space": "preserve"], text: String(piece.text))
        }
    }

    /// An empty run with this style's properties, for a break, a field or a drawing. Bold
    /// and italic are set for complex scripts too (`w:bCs`, `w:iCs`), or Arabic would print
    /// upright and regular.
    @discardableResult
    func start(in parent: XMLElement, rightToLeft: Bool = false) -> XMLElement {
        let run = parent.element("w:r")
        guard bold || italic || strike || characterStyle != nil || colour != nil || shading != nil || rightToLeft else { return run }
        let properties = run.element("w:rPr")
        if let characterStyle { properties.property("w:rStyle", characterStyle) }
        if bold {
            properties.element("w:b")
            properties.element("w:bCs")
        }
        if italic {
            properties.element("w:i")
            properties.element("w:iCs")
        }
        if strike { properties.element("w:strike") }
        if let colour { properties.property("w:color", colour) }
        if let shading { properties.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": shading]) }
        if rightToLeft { properties.element("w:rtl") }
        return run
    }
}
