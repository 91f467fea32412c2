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

    /// A run of `text` in this style.
    func run(_ text: String, into parent: XMLElement) {
        guard !text.isEmpty else { return }
        let run = start(in: parent)
        run.element("w:t", ["xml:space": "preserve"], text: text)
    }

    /// An empty run with this style's properties, for a break, a field or a drawing.
    @discardableResult
    func start(in parent: XMLElement) -> XMLElement {
        let run = parent.element("w:r")
        guard bold || italic || strike || characterStyle != nil || colour != nil || shading != nil else { return run }
        let properties = run.element("w:rPr")
        if let characterStyle { properties.property("w:rStyle", characterStyle) }
        if bold { properties.element("w:b") }
        if italic { properties.element("w:i") }
        if strike { properties.element("w:strike") }
        if let colour { properties.property("w:color", colour) }
        if let shading { properties.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": shading]) }
        return run
    }
}
