/// The page of the Word edition, as the print edition's: A4 or US Letter, its margins
/// (24 mm top, 20 mm sides, 22 mm bottom), in twips.
public struct PageLayout: Sendable, Equatable {
    public var width: Int
    public var height: Int
    let top = WordML.twips(millimetres: 24)
    let side = WordML.twips(millimetres: 20)
    let bottom = WordML.twips(millimetres: 22)

    /// A page of `width` by `height` millimetres.
    public init(widthMillimetres: Double, heightMillimetres: Double) {
        width = WordML.twips(millimetres: widthMillimetres)
        height = WordML.twips(millimetres: heightMillimetres)
    }

    public static let a4 = PageLayout(widthMillimetres: 210, heightMillimetres: 297)
    public static let letter = PageLayout(widthMillimetres: 215.9, heightMillimetres: 279.4)

    /// The width the text is set in.
    var textWidth: Int { width - 2 * side }
}
