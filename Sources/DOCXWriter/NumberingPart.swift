import XMLSupport

/// `word/numbering.xml`: two abstract list definitions, bullets (• ◦ ▪) and numbers
/// (1. a. i.), nine levels each; and an instance of one of them for every list, so that
/// each list numbers from its own start.
enum NumberingPart {
    static let bullets = 0
    static let ordered = 1

    /// The text indent of list level `level` (0 to 8), in twips.
    static func indent(level: Int) -> Int { 425 * (level + 1) }

    static func document(_ instances: [WordContext.Numbering]) -> XMLDocument {
        let document = WordML.part("numbering")
        let root = document.root
        for abstract in [bullets, ordered] {
            let definition = root.element("w:abstractNum", ["w:abstractNumId": String(abstract)])
            definition.property("w:multiLevelType", "hybridMultilevel")
            for level in 0..<9 {
                let element = definition.element("w:lvl", ["w:ilvl": String(level)])
                element.property("w:start", "1")
                if abstract == bullets {
                    element.property("w:numFmt", "bullet")
                    element.property("w:lvlText", ["•", "◦", "▪"][level % 3])
                } else {
                    element.property("w:numFmt", ["decimal", "lowerLetter", "lowerRoman"][level % 3])
                    element.property("w:lvlText", "%\(level + 1).")
                }
                element.property("w:lvlJc", "left")
                element.element("w:pPr").element("w:ind", ["w:left": String(indent(level: level)), "w:hanging": "340"])
            }
        }
        for (index, instance) in instances.enumerated() {
            let number = root.element("w:num", ["w:numId": String(index + 1)])
            number.property("w:abstractNumId", String(instance.ordered ? ordered : bullets))
            // A numbered list counts from its own start, at the level it stands at.
            if instance.ordered {
                number.element("w:lvlOverride", ["w:ilvl": String(instance.level)]).property("w:startOverride", String(instance.start))
            }
        }
        return document
    }
}
