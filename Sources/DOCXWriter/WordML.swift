import XMLSupport

/// The namespaces and units of Office Open XML (ECMA-376) that the Word edition writes.
enum WordML {
    static let main = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let drawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let drawingMain = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let picture = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let svg = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
    /// The extension of a picture's `a:blip` that holds its SVG (Office 2016 and later).
    static let svgExtension = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

    /// A WordprocessingML part whose root is `w:name`, with the prefixes its content uses.
    static func part(_ name: String) -> XMLDocument {
        let document = XMLDocument(rootName: name, namespace: main, prefix: "w")
        for (namespace, prefix) in [(relationships, "r"), (drawing, "wp"), (drawingMain, "a"), (picture, "pic"), (svg, "asvg")] {
            document.root.declareNamespace(namespace, prefix: prefix)
        }
        return document
    }

    /// Twentieths of a point, Word's unit of length for pages, indents and spacing.
    static func twips(millimetres: Double) -> Int { Int((millimetres / 25.4 * 1440).rounded()) }

    /// English Metric Units, DrawingML's unit of length: 635 to a twip.
    static let emuPerTwip = 635
}

extension XMLElement {
    /// `<w:name w:val="value"/>`, the shape of most of Word's properties.
    @discardableResult
    func property(_ name: String, _ value: String) -> XMLElement {
        element(name, ["w:val": value])
    }
}
