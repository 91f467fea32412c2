/// The house style's values that more than one edition sets, in one table: the print
/// style sheet's custom properties (`PrintStyle.houseProperties`, which `Styles/print.css`
/// uses as `var(--house-…)`), the Word edition's styles and page, and the Typst print
/// template's values are made from it. The e-book's style sheet (`Styles/epub.css`) writes
/// its few house values out, since e-readers do not all read custom properties, and
/// `HouseStyleTests` holds it to this table value by value. (The TLP labels' colours are
/// FIRST's: `TLP.colour`.)
public enum HouseStyle {
    /// The body's serif.
    public static let serif = "DejaVu Serif"
    /// The headings', the title page's and the margins' sans.
    public static let sans = "DejaVu Sans"
    /// Code's monospace.
    public static let mono = "DejaVu Sans Mono"
    /// The serif and the sans for Hangul, kana and han, which the DejaVu faces lack.
    public static let cjkSerif = "Noto Serif CJK KR"
    public static let cjkSans = "Noto Sans CJK KR"

    /// The body text's size, in points.
    public static let bodySize = 10.5

    /// Colours, as RRGGBB: the blue of the title, headings, links and the key judgments'
    /// rule; running text; the running head and foot; the subtitle; a quotation; the
    /// shading behind a key judgment.
    public static let accent = "0B4F8A"
    public static let ink = "111111"
    public static let marginText = "3A3A3A"
    public static let subtitle = "333333"
    public static let quotation = "2A2A2A"
    public static let judgmentShading = "EEF3F8"

    /// The page's margins in millimetres: the print edition's `@page` and the Word
    /// edition's section.
    public static let pageMargins = (top: 24.0, side: 20.0, bottom: 22.0)

    /// The papers, width by height in millimetres.
    public static let a4 = (width: 210.0, height: 297.0)
    public static let letter = (width: 215.9, height: 279.4)
}
