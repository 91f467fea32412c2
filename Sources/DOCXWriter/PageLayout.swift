import SharedWriting
import XMLSupport

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

    /// The width the text is set in on the page turned on its side (a wide table's).
    var landscapeTextWidth: Int { height - 2 * side }

    /// A section's page (`w:sectPr` into `parent`): its size and margins, upright or on its
    /// side, and the header and footer on every page; when it `opensWithTitlePage`, that
    /// page's header has no running head (`w:titlePg`).
    func writeSection(into parent: XMLElement, landscape: Bool = false, opensWithTitlePage: Bool = false) {
        let properties = parent.element("w:sectPr")
        properties.element("w:headerReference", ["w:type": "default", "r:id": landscape ? "rHeaderWide" : "rHeader"])
        if opensWithTitlePage { properties.element("w:headerReference", ["w:type": "first", "r:id": "rHeaderTitle"]) }
        properties.element("w:footerReference", ["w:type": "default", "r:id": landscape ? "rFooterWide" : "rFooter"])
        if opensWithTitlePage { properties.element("w:footerReference", ["w:type": "first", "r:id": "rFooter"]) }
        if landscape {
            properties.element("w:pgSz", ["w:w": String(height), "w:h": String(width), "w:orient": "landscape"])
        } else {
            properties.element("w:pgSz", ["w:w": String(width), "w:h": String(height)])
        }
        properties.element(
            "w:pgMar",
            [
                "w:top": String(top), "w:right": String(side), "w:bottom": String(bottom), "w:left": String(side),
                "w:header": "567", "w:footer": "567", "w:gutter": "0",
            ])
        if opensWithTitlePage { properties.element("w:titlePg") }
    }
}
