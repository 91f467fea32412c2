import SharedWriting

/// The page of the Word edition, as the print edition's: A4 or US Letter, its margins the
/// house style's (`HouseStyle.pageMargins`), in twips.
public struct PageLayout: Sendable, Equatable {
    public var width: Int
    public var height: Int
    let top = WordML.twips(millimetres: HouseStyle.pageMargins.top)
    let side = WordML.twips(millimetres: HouseStyle.pageMargins.side)
    let bottom = WordML.twips(millimetres: HouseStyle.pageMargins.bottom)

    /// A page of `width` by `height` millimetres.
    public init(widthMillimetres: Double, heightMillimetres: Double) {
        width = WordML.twips(millimetres: widthMillimetres)
        height = WordML.twips(millimetres: heightMillimetres)
    }

    public static let a4 = PageLayout(widthMillimetres: HouseStyle.a4.width, heightMillimetres: HouseStyle.a4.height)
    public static let letter = PageLayout(widthMillimetres: HouseStyle.letter.width, heightMillimetres: HouseStyle.letter.height)

    /// The width the text is set in.
    var textWidth: Int { width - 2 * side }
}
