import ReportModel
import SharedWriting

extension PrintStyle {
    /// The house style's values (`HouseStyle`, FIRST's TLP colours) as CSS custom properties
    /// of the document's root: the first part of the print cascade, before `print.css`,
    /// which sets every house value through them (`color: var(--house-accent)`). So the one
    /// table makes the print edition's style as it makes the Word edition's styles and the
    /// Typst template's values, and a desk's style sheet can set a property once
    /// (`:root { --house-accent: #7a1f1f; }`) for every rule that uses it.
    public static let houseProperties: String = {
        func colour(_ hex: String) -> String { "#" + hex.lowercased() }
        func millimetres(_ value: Double) -> String { format(value) + "mm" }
        func fonts(_ names: String..., generic: String) -> String {
            (names.map { quoted(Substring($0)) } + [generic]).joined(separator: ", ")
        }
        let (top, side, bottom) = HouseStyle.pageMargins
        let properties: KeyValuePairs<String, String> = [
            "serif": fonts(HouseStyle.serif, HouseStyle.cjkSerif, generic: "serif"),
            "sans": fonts(HouseStyle.sans, HouseStyle.cjkSans, generic: "sans-serif"),
            "mono": fonts(HouseStyle.mono, generic: "monospace"),
            "body-size": format(HouseStyle.bodySize) + "pt",
            "ink": colour(HouseStyle.ink),
            "accent": colour(HouseStyle.accent),
            "margin-text": colour(HouseStyle.marginText),
            "subtitle": colour(HouseStyle.subtitle),
            "quotation": colour(HouseStyle.quotation),
            "judgment-shading": colour(HouseStyle.judgmentShading),
            "page-margin-top": millimetres(top),
            "page-margin-side": millimetres(side),
            "page-margin-bottom": millimetres(bottom),
            "tlp-red": colour(TLP.red.colour),
            "tlp-amber": colour(TLP.amber.colour),
            "tlp-green": colour(TLP.green.colour),
            "tlp-clear": colour(TLP.clear.colour),
        ]
        let lines = properties.map { "  --house-\($0.key): \($0.value);" }
        return (["/* The house style (Imprint's HouseStyle table) */", ":root {"] + lines + ["}"]).joined(separator: "\n") + "\n"
    }()

    /// A number as CSS writes it: `10.5`, `24`.
    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
